import type { Pool } from 'pg'

import type { SanitizedSchedulerConfig } from '../../defaults'
import type { MetricsSupport } from '../../channels/types'
import { metricTables } from './tables'

/**
 * The spacing between calls that keeps an account inside `calls` per `windowMs` over ANY window,
 * fixed or rolling (Meta's is rolling): a generic cell rate with no burst lets through at most
 * one window's worth of calls plus the last request's own cost, so the pace is set on the limit
 * less the largest request. E.g. Mastodon, 300 per 5 minutes, one status a call: a call each
 * 1.003 s; Meta, 200 per hour with up to 50 ids a call: 24 s per id.
 */
export const callSpacingMs = (support: MetricsSupport): number => {
  const largest = support.callsFor?.(support.batchSize) ?? 1
  const { calls, windowMs } = support.rateLimit
  return windowMs / Math.max(1, calls - largest)
}

export type Reservation = { granted: true } | { granted: false; notBefore: Date }

/**
 * Reserves `cost` calls of the account's budget at `now`, for every worker at once: one atomic
 * upsert moves the account's "allowed at" on by cost × spacing only if it has come. Refused, it
 * says when the account may be asked again.
 */
export const reserveCalls = async (
  pool: Pool,
  config: SanitizedSchedulerConfig,
  args: { accountId: number; cost: number; spacingMs: number; now: Date },
): Promise<Reservation> => {
  const t = metricTables(config)
  const step = args.cost * args.spacingMs
  const { rows } = await pool.query(
    `INSERT INTO "${t.budgets}" AS b (account_id, allowed_at, updated_at, created_at)
     VALUES ($1, $2::timestamptz + ($3::float8 * interval '1 millisecond'), $2, $2)
     ON CONFLICT (account_id) DO UPDATE
        SET allowed_at = greatest(b.allowed_at, $2::timestamptz) + ($3::float8 * interval '1 millisecond'),
            updated_at = $2
      WHERE b.allowed_at <= $2
     RETURNING allowed_at`,
    [args.accountId, args.now, step],
  )
  if (rows.length) return { granted: true }
  const { rows: held } = await pool.query(
    `SELECT allowed_at FROM "${t.budgets}" WHERE account_id = $1`,
    [args.accountId],
  )
  return { granted: false, notBefore: new Date(held[0]?.allowed_at ?? args.now) }
}

/** The network said to come back later (a 429): no worker asks for this account before then. */
export const holdAccount = async (
  pool: Pool,
  config: SanitizedSchedulerConfig,
  args: { accountId: number; until: Date; now: Date },
) => {
  const t = metricTables(config)
  await pool.query(
    `INSERT INTO "${t.budgets}" AS b (account_id, allowed_at, updated_at, created_at)
     VALUES ($1, $2, $3, $3)
     ON CONFLICT (account_id) DO UPDATE SET allowed_at = greatest(b.allowed_at, $2), updated_at = $3`,
    [args.accountId, args.until, args.now],
  )
}
