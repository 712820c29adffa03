import { describe, expect, it } from 'vitest'

import { applyUtm } from '../../../../../src/lib/utm/applyUtm'

describe('applyUtm', () => {
  it("adds the campaign's tags, with the channel as source and social as medium by default", () => {
    const link = applyUtm(
      'https://hospital.example/heart?ref=1',
      { campaign: 'heart-month-2026' },
      'facebook',
    )
    const url = new URL(link)
    expect(url.searchParams.get('ref')).toBe('1')
    expect(url.searchParams.get('utm_source')).toBe('facebook')
    expect(url.searchParams.get('utm_medium')).toBe('social')
    expect(url.searchParams.get('utm_campaign')).toBe('heart-month-2026')
    expect(url.searchParams.has('utm_term')).toBe(false)
  })

  it("keeps the campaign's own source and medium, and tags the author already wrote", () => {
    const url = new URL(
      applyUtm(
        'https://h.example/?utm_campaign=mine',
        { source: 'newsletter', medium: 'email', campaign: 'x', content: 'hero' },
        'x',
      ),
    )
    expect(url.searchParams.get('utm_source')).toBe('newsletter')
    expect(url.searchParams.get('utm_medium')).toBe('email')
    expect(url.searchParams.get('utm_campaign')).toBe('mine')
    expect(url.searchParams.get('utm_content')).toBe('hero')
  })

  it('leaves a link alone without a campaign tag or when it is not a URL', () => {
    expect(applyUtm('https://h.example/', { source: 'a' }, 'x')).toBe('https://h.example/')
    expect(applyUtm('not a url', { campaign: 'c' }, 'x')).toBe('not a url')
  })
})
