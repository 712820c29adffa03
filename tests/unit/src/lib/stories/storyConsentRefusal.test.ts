import { describe, expect, it } from 'vitest'

import type { ConsentView } from '../../../../../plugins/consent'
import { storyConsentRefusal } from '../../../../../src/lib/stories/storyConsentRefusal'

const consent = (over: Partial<ConsentView> = {}): ConsentView => ({
  reference: 'AUTH-1',
  status: 'active',
  missingElements: [],
  usesAllowed: ['name', 'likeness'],
  channelsAllowed: ['web'],
  purposes: ['patient-story'],
  expiresOn: null,
  signerType: 'patient',
  patientDateOfBirth: null,
  revokedAt: null,
  ...over,
})

describe('whether a story may be published on its consent', () => {
  it('allows a consent in force that allows the purpose and every use', () => {
    expect(storyConsentRefusal(consent(), ['name'])).toBeNull()
    expect(storyConsentRefusal(consent(), [])).toBeNull()
  })

  it('refuses a revoked, expired or incomplete consent, saying which and when', () => {
    expect(
      storyConsentRefusal(
        consent({ status: 'revoked', revokedAt: new Date('2026-11-02T10:00:00Z') }),
        [],
      ),
    ).toBe(
      'consent record AUTH-1 was revoked on 2026-11-02: a story can be published only while its consent is in force.',
    )
    expect(
      storyConsentRefusal(
        consent({ status: 'expired', expiresOn: new Date('2026-10-31T00:00:00Z') }),
        [],
      ),
    ).toContain('expired on 2026-10-31')
    expect(
      storyConsentRefusal(consent({ status: 'incomplete', missingElements: ['signature'] }), []),
    ).toContain('is incomplete (missing: signature)')
  })

  it('refuses a consent for another purpose, or one that does not allow a use the story makes', () => {
    expect(storyConsentRefusal(consent({ purposes: ['awareness-campaign'] }), [])).toBe(
      'consent record AUTH-1 does not allow the purpose "patient-story" (it allows: awareness-campaign).',
    )
    expect(storyConsentRefusal(consent(), ['name', 'diagnosis', 'voice'])).toBe(
      'consent record AUTH-1 does not allow "diagnosis", "voice", which the story uses (it allows: name, likeness).',
    )
  })
})
