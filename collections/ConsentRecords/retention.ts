import { addYears } from 'date-fns'

/**
 * HIPAA (45 CFR 164.530(j)) keeps an authorization for six years from when it was created or
 * was last in effect, whichever is later. It was last in effect when it was revoked, else when
 * it expired; one that is still in effect (or ends on an event) is in effect today.
 */
export const RETENTION_YEARS = 6

type Stamp = string | Date | null | undefined

export const retentionEnds = (
  record: { createdAt?: Stamp; expiresOn?: Stamp; revokedAt?: Stamp },
  now: Date = new Date(),
): Date => {
  const time = (stamp: Stamp) => (stamp ? new Date(stamp).getTime() : null)
  const revoked = time(record.revokedAt)
  const expires = time(record.expiresOn)
  const lastInEffect =
    revoked ?? (expires !== null && expires < now.getTime() ? expires : now.getTime())
  return addYears(new Date(Math.max(time(record.createdAt) ?? 0, lastInEffect)), RETENTION_YEARS)
}
