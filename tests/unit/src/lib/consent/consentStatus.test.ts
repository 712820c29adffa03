import { describe, expect, it } from 'vitest'

import {
  type ConsentFacts,
  consentStatus,
  missingConsentElements,
} from '../../../../../src/lib/consent/consentStatus'

const now = new Date('2026-11-22T15:00:00Z')

const complete: ConsentFacts = {
  signedAt: '2026-02-01',
  signatureMethod: 'wet-ink',
  signedFormUploaded: true,
  signerType: 'patient',
  representativeAuthority: null,
  usesAllowed: ['name', 'likeness'],
  channelsAllowed: ['web'],
  purposes: ['patient-story'],
  recipients: 'The public, through the hospital website.',
  expiresOn: '2028-12-31',
  expiryEvent: null,
  statements: { rightToRevoke: true, treatmentNotConditioned: true, redisclosure: true },
  revokedAt: null,
}
const facts = (change: Partial<ConsentFacts>): ConsentFacts => ({ ...complete, ...change })
const unsigned = { signedAt: null, signatureMethod: null, signedFormUploaded: false }

describe('missingConsentElements (45 CFR 164.508(c))', () => {
  it('is empty for a complete authorization', () => {
    expect(missingConsentElements(complete)).toEqual([])
  })

  it.each<[Partial<ConsentFacts>, string]>([
    [{ signerType: null }, 'who signed (the patient or a representative)'],
    [{ signerType: ' ' }, 'who signed (the patient or a representative)'],
    [{ signerType: 'parent-guardian' }, 'the representative’s authority to act for the patient'],
    [
      { signerType: 'personal-representative', representativeAuthority: '  ' },
      'the representative’s authority to act for the patient',
    ],
    [{ usesAllowed: [] }, 'the information that may be disclosed (at least one use)'],
    [{ usesAllowed: [''] }, 'the information that may be disclosed (at least one use)'],
    [{ channelsAllowed: [] }, 'at least one channel'],
    [{ recipients: null }, 'who may receive the information (the recipients)'],
    [{ recipients: '  ' }, 'who may receive the information (the recipients)'],
    [{ purposes: [] }, 'at least one purpose'],
    [{ expiresOn: null, expiryEvent: null }, 'an expiry date or expiry event'],
    [{ expiresOn: null, expiryEvent: '   ' }, 'an expiry date or expiry event'],
    [{ expiresOn: 'not a date', expiryEvent: null }, 'an expiry date or expiry event'],
    [
      { statements: { rightToRevoke: false, treatmentNotConditioned: true, redisclosure: true } },
      'the statement of the right to revoke',
    ],
    [
      { statements: { rightToRevoke: true, treatmentNotConditioned: false, redisclosure: true } },
      'the statement that treatment is not conditioned on signing',
    ],
    [
      { statements: { rightToRevoke: true, treatmentNotConditioned: true, redisclosure: false } },
      'the statement that disclosed information may be redisclosed',
    ],
    [{ signedAt: null }, 'the signature date'],
    [{ signatureMethod: null }, 'the signature method'],
    [{ signatureMethod: '' }, 'the signature method'],
    [{ signedFormUploaded: false }, 'the signed form'],
  ])('names what is missing: %j', (change, element) => {
    expect(missingConsentElements(facts(change))).toEqual([element])
  })

  it('accepts an expiry event instead of a date, a Date object, and a guardian with their authority', () => {
    expect(
      missingConsentElements(facts({ expiresOn: null, expiryEvent: 'End of the 2026 campaign' })),
    ).toEqual([])
    expect(
      missingConsentElements(
        facts({
          expiresOn: new Date('2027-01-31T12:00:00Z'),
          signedAt: new Date('2026-01-02T12:00:00Z'),
        }),
      ),
    ).toEqual([])
    expect(
      missingConsentElements(
        facts({ signerType: 'parent-guardian', representativeAuthority: 'Mother of a minor' }),
      ),
    ).toEqual([])
  })

  it('lists everything, in a fixed order, for an empty record', () => {
    const empty: ConsentFacts = {
      signedAt: null,
      signatureMethod: null,
      signedFormUploaded: false,
      signerType: null,
      representativeAuthority: null,
      usesAllowed: [],
      channelsAllowed: [],
      purposes: [],
      recipients: null,
      expiresOn: null,
      expiryEvent: null,
      statements: { rightToRevoke: false, treatmentNotConditioned: false, redisclosure: false },
      revokedAt: null,
    }
    expect(missingConsentElements(empty)).toEqual([
      'who signed (the patient or a representative)',
      'the information that may be disclosed (at least one use)',
      'at least one channel',
      'who may receive the information (the recipients)',
      'at least one purpose',
      'an expiry date or expiry event',
      'the statement of the right to revoke',
      'the statement that treatment is not conditioned on signing',
      'the statement that disclosed information may be redisclosed',
      'the signature date',
      'the signature method',
      'the signed form',
    ])
    expect(consentStatus(empty, now)).toBe('incomplete')
  })
})

describe('consentStatus', () => {
  it('is active when signed, complete and in force', () => {
    expect(consentStatus(complete, now)).toBe('active')
    expect(consentStatus(facts({ expiresOn: null, expiryEvent: 'End of the campaign' }), now)).toBe(
      'active',
    )
  })

  it('is revoked once a revocation is recorded, whatever else is true', () => {
    expect(consentStatus(facts({ revokedAt: '2026-06-01T10:00:00Z' }), now)).toBe('revoked')
    expect(
      consentStatus(
        facts({
          revokedAt: '2026-06-01T10:00:00Z',
          expiresOn: '2020-01-01',
          purposes: [],
          ...unsigned,
        }),
        now,
      ),
    ).toBe('revoked')
    expect(consentStatus(facts({ revokedAt: new Date('2027-01-01T00:00:00Z') }), now)).toBe(
      'revoked',
    )
  })

  it('is valid through the whole expiry day in UTC, and expired from 00:00 UTC the next day', () => {
    const expiresToday = facts({ expiresOn: '2026-11-22' })
    expect(consentStatus(expiresToday, new Date('2026-11-22T00:00:00Z'))).toBe('active')
    expect(consentStatus(expiresToday, new Date('2026-11-22T23:59:59.999Z'))).toBe('active')
    expect(consentStatus(expiresToday, new Date('2026-11-23T00:00:00Z'))).toBe('expired')
    // As the admin's day picker stores it: noon UTC on the chosen day.
    expect(
      consentStatus(
        facts({ expiresOn: '2026-11-22T12:00:00.000Z' }),
        new Date('2026-11-22T23:00:00Z'),
      ),
    ).toBe('active')
    expect(consentStatus(facts({ expiresOn: new Date('2026-11-21T12:00:00Z') }), now)).toBe(
      'expired',
    )
  })

  it('puts expired before incomplete and pending', () => {
    expect(consentStatus(facts({ expiresOn: '2025-01-31', channelsAllowed: [] }), now)).toBe(
      'expired',
    )
    expect(consentStatus(facts({ expiresOn: '2025-01-31', ...unsigned }), now)).toBe('expired')
  })

  it('is pending while only the signature is outstanding', () => {
    expect(consentStatus(facts(unsigned), now)).toBe('pending')
    expect(consentStatus(facts({ signedAt: null }), now)).toBe('pending')
    expect(consentStatus(facts({ signedAt: null, signatureMethod: 'electronic' }), now)).toBe(
      'pending',
    )
  })

  it('is pending while the signature date is after today (UTC days), active from that day', () => {
    expect(consentStatus(facts({ signedAt: '2026-12-01' }), now)).toBe('pending')
    expect(consentStatus(facts({ signedAt: '2026-11-23T12:00:00.000Z' }), now)).toBe('pending')
    // Signed today, stored at noon UTC, read in the morning: already signed.
    expect(
      consentStatus(
        facts({ signedAt: '2026-11-22T12:00:00.000Z' }),
        new Date('2026-11-22T08:00:00Z'),
      ),
    ).toBe('active')
  })

  it('is incomplete when anything besides the signature is missing, signed or not', () => {
    expect(consentStatus(facts({ channelsAllowed: [] }), now)).toBe('incomplete')
    expect(consentStatus(facts({ signerType: 'parent-guardian' }), now)).toBe('incomplete')
    expect(consentStatus(facts({ ...unsigned, purposes: [] }), now)).toBe('incomplete')
    expect(
      consentStatus(
        facts({
          signedAt: '2026-12-01',
          statements: { rightToRevoke: true, treatmentNotConditioned: true, redisclosure: false },
        }),
        now,
      ),
    ).toBe('incomplete')
  })

  it('is incomplete, not active, without the recipients (164.508(c)(1)(iii)), signed or not', () => {
    expect(consentStatus(facts({ recipients: null }), now)).toBe('incomplete')
    expect(consentStatus(facts({ recipients: ' ' }), now)).toBe('incomplete')
    expect(consentStatus(facts({ ...unsigned, recipients: null }), now)).toBe('incomplete')
  })

  it('is incomplete when signed but the signature method or the signed form is missing', () => {
    expect(consentStatus(facts({ signedFormUploaded: false }), now)).toBe('incomplete')
    expect(consentStatus(facts({ signatureMethod: null }), now)).toBe('incomplete')
  })
})
