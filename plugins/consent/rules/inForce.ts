import { type SQL, sql } from '../../postgres'

const DAY_MS = 86_400_000

/**
 * The one rule for when a consent stops holding: it is in force through the whole of its expiry
 * day in UTC, and ends at 00:00 UTC the day after. The date is picked as a day and stored at
 * 12:00 UTC, so "expiry + 24 h" would hold it 12 hours too long. The status rules, the gate, the
 * expiry sweep (through `consentEndsAtSql`) and the serializers all use this.
 */
export const consentEndsAt = (expiresOn: Date): Date =>
  new Date(
    Date.UTC(expiresOn.getUTCFullYear(), expiresOn.getUTCMonth(), expiresOn.getUTCDate()) + DAY_MS,
  )

/** Whether a consent with this expiry (none: until revoked) still holds at `at`. */
export const isInForceAt = (expiresOn: Date | string | null | undefined, at: Date): boolean => {
  if (expiresOn === null || expiresOn === undefined || expiresOn === '') return true
  const date = expiresOn instanceof Date ? expiresOn : new Date(expiresOn)
  if (Number.isNaN(date.getTime())) return true
  return at.getTime() < consentEndsAt(date).getTime()
}

/**
 * The same rule as a boundary for a database query, where no function can run per row: at `at`, a
 * consent with an expiry date still holds exactly when its `expiresOn` is at or after this instant
 * (00:00 UTC of `at`'s UTC day — the last day still in force is today). `consentEndsAt(x) > at`
 * ⇔ `x >= earliestExpiryInForceAt(at)`, for any time of day `x` was stored at.
 */
export const earliestExpiryInForceAt = (at: Date): Date =>
  new Date(consentEndsAt(at).getTime() - DAY_MS)

/** `consentEndsAt` in SQL, for a timestamptz column (e.g. the expiry-date column of the records table). */
export const consentEndsAtSql = (column: SQL): SQL =>
  sql`((date_trunc('day', ${column} AT TIME ZONE 'UTC') + interval '1 day') AT TIME ZONE 'UTC')`
