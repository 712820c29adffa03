import { describe, expect, it } from 'vitest'

import { retentionEnds } from '../../../../collections/ConsentRecords/retention'

const now = new Date('2026-11-22T12:00:00Z')
const day = (iso: string) =>
  retentionEnds({ createdAt: '2018-03-01T00:00:00Z', ...JSON.parse(iso) }, now)
    .toISOString()
    .slice(0, 10)

describe('consent record retention (six years from creation or last in effect, whichever is later)', () => {
  it('runs from the revocation when the record was revoked', () => {
    expect(day('{"revokedAt":"2019-05-10T09:00:00Z","expiresOn":"2030-01-01"}')).toBe('2025-05-10')
  })

  it('runs from the expiry once the record has expired', () => {
    expect(day('{"expiresOn":"2019-12-31"}')).toBe('2025-12-31')
  })

  it('keeps a record still in effect (future expiry or an event) six years from today at least', () => {
    expect(day('{"expiresOn":"2027-06-30"}')).toBe('2032-11-22')
    expect(day('{}')).toBe('2032-11-22')
  })

  it('never ends before six years after creation', () => {
    expect(
      retentionEnds({ createdAt: '2026-01-15T00:00:00Z', revokedAt: '2025-12-01T00:00:00Z' }, now)
        .toISOString()
        .slice(0, 10),
    ).toBe('2032-01-15')
  })
})
