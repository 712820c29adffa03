import { describe, expect, it } from 'vitest'

import { consentEndsAt, earliestExpiryInForceAt, isInForceAt } from '../../../../plugins/consent'
import { storyConsentInForce } from '../../../../src/delivery/serializers/story'
import { consentStatus } from '../../../../src/lib/consent/consentStatus'

// The admin's date picker stores a day at 12:00 UTC.
const expiresOn = '2026-06-30T12:00:00.000Z'

describe('a consent is in force through its expiry day (UTC), and not a moment after', () => {
  it('ends at 00:00 UTC the day after the expiry date', () => {
    expect(consentEndsAt(new Date(expiresOn)).toISOString()).toBe('2026-07-01T00:00:00.000Z')
    expect(isInForceAt(expiresOn, new Date('2026-06-30T23:59:59.999Z'))).toBe(true)
    expect(isInForceAt(expiresOn, new Date('2026-07-01T00:00:00.000Z'))).toBe(false)
    expect(isInForceAt(null, new Date('2099-01-01T00:00:00Z'))).toBe(true)
  })

  it('is the rule the story serializer applies: at 06:00 UTC the next day the story is withheld (expiry + 24 h would still hold it until noon)', () => {
    const record = { status: 'active', expiry: { expiresOn } }
    expect(storyConsentInForce(record, new Date('2026-06-30T20:00:00Z'))).toBe(true)
    expect(storyConsentInForce(record, new Date('2026-07-01T06:00:00Z'))).toBe(false)
    expect(
      storyConsentInForce({ ...record, status: 'revoked' }, new Date('2026-06-30T20:00:00Z')),
    ).toBe(false)
  })

  it('is the rule the status derivation applies', () => {
    const facts = {
      signedAt: '2026-01-05T12:00:00.000Z',
      signatureMethod: 'wet-ink',
      signedFormUploaded: true,
      signerType: 'patient',
      representativeAuthority: null,
      usesAllowed: ['name'],
      channelsAllowed: ['web'],
      purposes: ['patient-story'],
      recipients: 'The public.',
      expiresOn,
      expiryEvent: null,
      statements: { rightToRevoke: true, treatmentNotConditioned: true, redisclosure: true },
      revokedAt: null,
    }
    expect(consentStatus(facts, new Date('2026-06-30T23:59:59Z'))).toBe('active')
    expect(consentStatus(facts, new Date('2026-07-01T06:00:00Z'))).toBe('expired')
  })

  it('gives access rules a query boundary that agrees with isInForceAt at every hour, whatever time of day the expiry was stored at', () => {
    const stored = ['00:00:00.000', '12:00:00.000', '23:59:59.999'].map(
      (time) => new Date(`2026-06-30T${time}Z`),
    )
    for (let hour = -30; hour <= 54; hour++) {
      const at = new Date(Date.UTC(2026, 5, 30) + hour * 3_600_000)
      const boundary = earliestExpiryInForceAt(at)
      for (const expiry of stored)
        expect(
          expiry.getTime() >= boundary.getTime(),
          `${expiry.toISOString()} at ${at.toISOString()}`,
        ).toBe(isInForceAt(expiry, at))
    }
    expect(earliestExpiryInForceAt(new Date('2026-07-01T06:00:00Z')).toISOString()).toBe(
      '2026-07-01T00:00:00.000Z',
    )
  })
})
