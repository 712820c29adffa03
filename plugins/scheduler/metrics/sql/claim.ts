import type { Pool } from 'pg'

import type { SanitizedSchedulerConfig } from '../../defaults'
import { metricTables } from './tables'

export type ClaimedWatch = {
  id: number
  publicationId: number
  accountId: number | null
  channel: string
  publishedAt: Date
  fencingToken: number
  failures: number
  /** The publication as it is now: a post taken down since is not read. */
  state: string | null
  remoteId: string | null
}

/**
 * Takes up to `limit` due readings for this worker, atomically, the way the outbox is claimed:
 * rows another worker holds are skipped (SKIP LOCKED), each claim sets a lease and bumps the
 * fencing token, and a reading whose worker died is due again when its lease runs out.
 *
 * It takes only what can be read now: no account whose rate-limit budget is closed, and at most
 * one request's worth per account (`perAccount`, the adapter's batch size by channel), so a
 * backlog on one account never fills the claim with rows that would only be put back. Due rows
 * are found through a partial index on `next_at` of the watches still running.
 */
export const claimReadings = async (
  pool: Pool,
  config: SanitizedSchedulerConfig,
  args: {
    workerId: string
    limit: number
    leaseMs: number
    now: Date
    /** Posts one request can carry, by channel; other channels' watches are claimed one at a time. */
    perAccount: Record<string, number>
  },
): Promise<ClaimedWatch[]> => {
  const t = metricTables(config)
  const { rows } = await pool.query(
    `WITH candidates AS (
       SELECT w.id, live.yes AS live,
              row_number() OVER (PARTITION BY w.account_id, live.yes ORDER BY w.next_at, w.id) AS n,
              coalesce(caps.cap, 1) AS cap
         FROM "${t.watches}" w
         LEFT JOIN "${t.publications}" p ON p.id = w.publication_id
         CROSS JOIN LATERAL (SELECT coalesce(p.state = 'published' AND p.remote_id IS NOT NULL, false) AS yes) live
         LEFT JOIN unnest($5::text[], $6::int[]) AS caps(channel, cap) ON caps.channel = w.channel
         LEFT JOIN "${t.budgets}" b ON b.account_id = w.account_id
        WHERE w.ended_at IS NULL AND w.next_at <= $2
          AND (w.lease_expires_at IS NULL OR w.lease_expires_at < $2)
          -- A post taken down is claimed whatever its account's budget: it is ended, not read.
          AND (NOT live.yes OR b.allowed_at IS NULL OR b.allowed_at <= $2)
     ), due AS (
       SELECT w.id FROM "${t.watches}" w
        WHERE w.id IN (SELECT id FROM candidates WHERE NOT live OR n <= cap)
          AND (w.lease_expires_at IS NULL OR w.lease_expires_at < $2)
        ORDER BY w.next_at
        LIMIT $3
        FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE "${t.watches}" w
          SET lease_owner = $1,
              lease_expires_at = $2::timestamptz + ($4::int * interval '1 millisecond'),
              fencing_token = coalesce(w.fencing_token, 0) + 1,
              updated_at = $2
         FROM due WHERE w.id = due.id
       RETURNING w.id, w.publication_id, w.account_id, w.channel, w.published_at,
                 w.fencing_token, w.failures
     )
     SELECT c.*, p.state::text AS state, p.remote_id
       FROM claimed c LEFT JOIN "${t.publications}" p ON p.id = c.publication_id`,
    [
      args.workerId,
      args.now,
      args.limit,
      args.leaseMs,
      Object.keys(args.perAccount),
      Object.values(args.perAccount),
    ],
  )
  return rows.map((row) => ({
    id: Number(row.id),
    publicationId: Number(row.publication_id),
    accountId: row.account_id === null ? null : Number(row.account_id),
    channel: String(row.channel),
    publishedAt: new Date(row.published_at),
    fencingToken: Number(row.fencing_token),
    failures: Number(row.failures ?? 0),
    state: row.state ?? null,
    remoteId: row.remote_id ?? null,
  }))
}

/**
 * When the next reading could be made: the earliest moment a running watch is due and its
 * account's budget open. The collector sleeps until then (within its poll interval), so a paced
 * backlog is read as fast as the networks allow and an idle one costs nothing.
 */
export const nextReadingDue = async (
  pool: Pool,
  config: SanitizedSchedulerConfig,
): Promise<Date | null> => {
  const t = metricTables(config)
  const { rows } = await pool.query(
    `SELECT min(greatest(w.next_at, coalesce(b.allowed_at, w.next_at), coalesce(w.lease_expires_at, w.next_at))) AS at
       FROM "${t.watches}" w LEFT JOIN "${t.budgets}" b ON b.account_id = w.account_id
      WHERE w.ended_at IS NULL`,
  )
  return rows[0]?.at ? new Date(rows[0].at) : null
}
