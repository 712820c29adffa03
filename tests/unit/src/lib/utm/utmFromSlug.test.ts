import { describe, expect, it } from 'vitest'

import { findHealthTerm } from '../../../../../src/lib/utm/findHealthTerm'
import { utmFromSlug } from '../../../../../src/lib/utm/utmFromSlug'

const terms = ['breast cancer', 'cáncer de mama', 'mammogram', 'diabetes']

describe('utmFromSlug', () => {
  it('tags links with carecast / social and the slug as the campaign', () => {
    expect(utmFromSlug('heart-month-2026')).toEqual({
      source: 'carecast',
      medium: 'social',
      campaign: 'heart-month-2026',
    })
    expect(utmFromSlug('heart-month-2026', terms)).toEqual({
      source: 'carecast',
      medium: 'social',
      campaign: 'heart-month-2026',
    })
  })

  it('leaves health terms out, so the generated tags always pass validation', () => {
    const utm = utmFromSlug('breast-cancer-awareness-2026', terms)
    expect(utm).toEqual({ source: 'carecast', medium: 'social', campaign: 'awareness-2026' })
    expect(findHealthTerm(utm, terms)).toBeNull()
    expect(utmFromSlug('mes-del-cancer-de-mama-2026', terms).campaign).toBe('mes-del-2026')
  })

  it('lowercases the campaign', () => {
    expect(utmFromSlug('Heart-Month-2026').campaign).toBe('heart-month-2026')
  })

  it('falls back to "campaign" when the slug was nothing but terms', () => {
    expect(utmFromSlug('mammogram', terms).campaign).toBe('campaign')
    expect(utmFromSlug('diabetes-mammogram', terms).campaign).toBe('campaign')
    expect(utmFromSlug('', terms).campaign).toBe('campaign')
  })

  it('stays within 100 characters, without a dangling separator', () => {
    const campaign = utmFromSlug(`${'a'.repeat(99)}-b`).campaign
    expect(campaign).toBe('a'.repeat(99))
    expect(utmFromSlug('ab-'.repeat(60)).campaign.length).toBeLessThanOrEqual(100)
  })

  it('does not let the 100-character cut create a term', () => {
    // Cut at 100 characters, "diabetesfair" would end in the whole word "diabetes".
    const slug = `${'x'.repeat(91)}-diabetesfair`
    const { campaign } = utmFromSlug(slug, terms)
    expect(campaign).toBe('x'.repeat(91))
    expect(findHealthTerm({ campaign }, terms)).toBeNull()
  })
})
