import { describe, expect, it } from 'vitest'

import { checkAccessibility } from '../../../../plugins/consent/gate/checkAccessibility'
import {
  checkConsent,
  type ConsentNeed,
  type ConsentView,
  guardianAuthorityEnds,
} from '../../../../plugins/consent/gate/checkConsent'

const consent = (overrides: Partial<ConsentView> = {}): ConsentView => ({
  reference: 'AUTH-2026-0042',
  status: 'active',
  missingElements: [],
  usesAllowed: ['name', 'likeness', 'diagnosis'],
  channelsAllowed: ['web', 'facebook'],
  purposes: ['patient-story'],
  expiresOn: new Date('2027-06-30T00:00:00Z'),
  signerType: 'patient',
  patientDateOfBirth: null,
  revokedAt: null,
  ...overrides,
})

const need = (overrides: Partial<ConsentNeed> = {}): ConsentNeed => ({
  uses: ['name', 'diagnosis'],
  channel: 'web',
  purpose: 'patient-story',
  window: {
    from: new Date('2027-01-10T14:00:00Z'),
    until: new Date('2027-02-10T14:00:00Z'),
    untilField: 'unpublishAt',
  },
  what: 'story "A new heart"',
  ...overrides,
})

describe('the consent gate', () => {
  it('lets through content the consent fully covers', () => {
    expect(checkConsent(consent(), need())).toBeNull()
  })

  it.each([
    [
      'revoked',
      { status: 'revoked', revokedAt: new Date('2026-11-02T10:00:00Z') },
      /was revoked on 2026-11-02/,
    ],
    ['expired', { status: 'expired' }, /expired on 2027-06-30/],
    [
      'incomplete',
      { status: 'incomplete', missingElements: ['the signed form'] },
      /is incomplete \(missing: the signed form\)/,
    ],
    ['pending', { status: 'pending' }, /is not signed yet/],
  ])('refuses a %s consent, naming the record', (_, overrides, message) => {
    const refusal = checkConsent(consent(overrides as Partial<ConsentView>), need())
    expect(refusal).toMatchObject({ rule: 'status', field: 'document' })
    expect(refusal!.message).toMatch(/^consent record AUTH-2026-0042 \(for story "A new heart"\)/)
    expect(refusal!.message).toMatch(message)
  })

  it('refuses a channel the consent does not allow, pointing at the account', () => {
    expect(checkConsent(consent(), need({ channel: 'instagram' }))).toEqual({
      rule: 'channel',
      field: 'channelAccount',
      message:
        'consent record AUTH-2026-0042 (for story "A new heart") does not allow the instagram channel (it allows: web, facebook).',
    })
  })

  it('refuses a purpose the consent does not allow', () => {
    expect(checkConsent(consent(), need({ purpose: 'fundraising' }))?.message).toMatch(
      /does not allow the purpose "fundraising" \(it allows: patient-story\)/,
    )
  })

  it('refuses every use the content makes that the consent does not allow', () => {
    const refusal = checkConsent(consent(), need({ uses: ['name', 'age', 'hometown'] }))
    expect(refusal).toMatchObject({ rule: 'use' })
    expect(refusal!.message).toMatch(/does not allow "age", "hometown", which the content uses/)
  })

  it('refuses a live window that runs past the expiry, naming the date and the field', () => {
    const late = checkConsent(
      consent(),
      need({
        window: {
          from: new Date('2027-06-01T00:00:00Z'),
          until: new Date('2027-07-01T00:00:01Z'),
          untilField: 'unpublishAt',
        },
      }),
    )
    expect(late).toMatchObject({ rule: 'expiry', field: 'unpublishAt' })
    expect(late!.message).toMatch(
      /expires on 2027-06-30, but the content would be live until 2027-07-01/,
    )
    // The whole expiry day is covered.
    expect(
      checkConsent(
        consent(),
        need({
          window: {
            from: new Date('2027-06-01T00:00:00Z'),
            until: new Date('2027-06-30T23:59:59Z'),
            untilField: 'unpublishAt',
          },
        }),
      ),
    ).toBeNull()
    const campaign = checkConsent(
      consent(),
      need({
        window: {
          from: new Date('2027-06-01T00:00:00Z'),
          until: new Date('2027-08-01T00:00:00Z'),
          untilField: 'document',
        },
      }),
    )
    expect(campaign).toMatchObject({ field: 'dueAt' })
    expect(campaign!.message).toMatch(/\(the campaign's end\)/)
  })

  it("holds a guardian's consent only until the patient turns 18, and needs the date of birth to know when", () => {
    expect(guardianAuthorityEnds(new Date('2009-03-15T00:00:00Z')).toISOString()).toBe(
      '2027-03-15T00:00:00.000Z',
    )
    const minor = consent({
      signerType: 'parent-guardian',
      patientDateOfBirth: new Date('2009-03-15T00:00:00Z'),
    })
    expect(checkConsent(minor, need())).toBeNull()
    const past18 = checkConsent(
      minor,
      need({
        window: {
          from: new Date('2027-03-01T00:00:00Z'),
          until: new Date('2027-04-01T00:00:00Z'),
          untilField: 'unpublishAt',
        },
      }),
    )
    expect(past18).toMatchObject({ rule: 'guardian', field: 'unpublishAt' })
    expect(past18!.message).toMatch(/turns 18 on 2027-03-15/)
    expect(checkConsent(consent({ signerType: 'parent-guardian' }), need())).toMatchObject({
      rule: 'guardian',
      message: expect.stringMatching(/date of birth is not recorded/),
    })
  })
})

describe('the accessibility gate', () => {
  const video = { what: 'video "Cardiac rehab"', captionLanguages: ['en'] }
  it('needs captions in every language a video is published in on the web and YouTube', () => {
    expect(
      checkAccessibility('web', { languages: ['en', 'es'], videos: [video], images: [] }),
    ).toEqual({
      field: 'media',
      message:
        'video "Cardiac rehab" has no captions in es; a video published on web needs captions in each language it is published in (WCAG 2.1, 1.2.2).',
    })
    expect(
      checkAccessibility('youtube', { languages: ['en'], videos: [video], images: [] }),
    ).toBeNull()
    expect(
      checkAccessibility('facebook', {
        languages: [],
        videos: [{ ...video, captionLanguages: [] }],
        images: [],
      }),
    ).toBeNull()
  })
  it('refuses an image without alt text on any channel', () => {
    expect(
      checkAccessibility('x', {
        languages: [],
        videos: [],
        images: [{ what: 'image "a.png"', alt: ' ' }],
      })?.message,
    ).toBe('image "a.png" has no alt text; add it before the image goes out.')
    expect(
      checkAccessibility('x', {
        languages: [],
        videos: [],
        images: [{ what: 'image "a.png"', alt: 'A nurse' }],
      }),
    ).toBeNull()
  })
})
