import type { Pool } from 'pg'

import type { SanitizedSchedulerConfig } from '../../defaults'
import { metricNames, type PostMetrics } from '../../channels/types'
import { metricTables } from './tables'

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

export type Reading = {
  watchId: number
  fencingToken: number
  metrics: PostMetrics
  /** The next reading, or `null`: the post has had its 90 days. */
  nextAt: Date | null
}

/**
 * Stores one dated snapshot per reading, adds its change since the post's previous reading to the
 * post's row for that UTC day, and moves each watch on to its next reading — one statement. A
 * snapshot is written only for a watch this worker still holds (the fencing token matches), so a
 * worker whose lease was taken over can't add a second reading of the same slot. Returns how many
 * were stored.
 */
export const recordReadings = async (
  pool: Pool,
  config: SanitizedSchedulerConfig,
  now: Date,
  readings: Reading[],
): Promise<number> => {
  if (!readings.length) return 0
  const t = metricTables(config)
  const columns = metricNames.map(snakeCase)
  const list = (prefix: string) => columns.map((c) => `${prefix}${c}`).join(', ')
  // A change exists where the reading has the metric; from nothing before, it is the whole total.
  const change = (c: string) => `input.${c} - coalesce(previous.${c}, 0)`
  const added = (c: string) =>
    `${c} = CASE WHEN EXCLUDED.${c} IS NULL THEN d.${c} ELSE coalesce(d.${c}, 0) + EXCLUDED.${c} END`
  const { rowCount } = await pool.query(
    `WITH input AS (
       SELECT * FROM unnest($2::int[], $3::int[], $4::timestamptz[], ${columns
         .map((_, i) => `$${i + 5}::numeric[]`)
         .join(', ')}) AS u(id, token, next_at, ${columns.join(', ')})
     ), moved AS (
       UPDATE "${t.watches}" w
          SET next_at = input.next_at,
              ended_at = CASE WHEN input.next_at IS NULL THEN $1::timestamptz END,
              ended_reason = CASE WHEN input.next_at IS NULL THEN 'measured for 90 days' END,
              readings = coalesce(w.readings, 0) + 1, last_read_at = $1,
              failures = 0, last_error = NULL,
              lease_owner = NULL, lease_expires_at = NULL, updated_at = $1
         FROM input
        WHERE w.id = input.id AND w.fencing_token = input.token
       RETURNING w.id, w.publication_id, w.channel
     ), previous AS (
       SELECT moved.id, last.*
         FROM moved LEFT JOIN LATERAL (
           SELECT ${list('s.')} FROM "${t.snapshots}" s
            WHERE s.publication_id = moved.publication_id
            ORDER BY s.taken_at DESC LIMIT 1) last ON true
     ), stored AS (
       INSERT INTO "${t.snapshots}" (publication_id, channel, taken_at, ${list('')}, updated_at, created_at)
       SELECT moved.publication_id, moved.channel, $1, ${list('input.')}, $1, $1
         FROM moved JOIN input ON input.id = moved.id
     )
     INSERT INTO "${t.days}" AS d (publication_id, day, ${list('')}, updated_at, created_at)
     SELECT moved.publication_id, date_trunc('day', $1::timestamptz, 'UTC'),
            ${columns.map(change).join(', ')}, $1, $1
       FROM moved JOIN input ON input.id = moved.id JOIN previous ON previous.id = moved.id
     ON CONFLICT (publication_id, day) DO UPDATE
        SET ${columns.map(added).join(', ')}, updated_at = EXCLUDED.updated_at`,
    [
      now,
      readings.map((r) => r.watchId),
      readings.map((r) => r.fencingToken),
      readings.map((r) => r.nextAt),
      ...metricNames.map((name) => readings.map((r) => r.metrics[name] ?? null)),
    ],
  )
  return rowCount ?? 0
}

export type Settlement = {
  watchId: number
  fencingToken: number
  /** When to try again; `null` with `endedReason` to stop watching. */
  nextAt: Date | null
  failures: number
  lastError: string | null
  endedReason: string | null
}

/**
 * Releases watches that were not read this time — deferred (a rate limit, a failure to retry) or
 * ended (taken down, gone from the network, given up) — fenced like `recordReadings`. Nothing
 * already stored is touched: a failed read loses no earlier snapshot.
 */
export const settleWatches = async (
  pool: Pool,
  config: SanitizedSchedulerConfig,
  now: Date,
  items: Settlement[],
): Promise<void> => {
  if (!items.length) return
  const t = metricTables(config)
  await pool.query(
    `UPDATE "${t.watches}" w
        SET next_at = u.next_at, failures = u.failures, last_error = u.last_error,
            ended_at = CASE WHEN u.ended_reason IS NOT NULL THEN $1::timestamptz END,
            ended_reason = u.ended_reason,
            lease_owner = NULL, lease_expires_at = NULL, updated_at = $1
       FROM unnest($2::int[], $3::int[], $4::timestamptz[], $5::int[], $6::text[], $7::text[])
            AS u(id, token, next_at, failures, last_error, ended_reason)
      WHERE w.id = u.id AND w.fencing_token = u.token`,
    [
      now,
      items.map((i) => i.watchId),
      items.map((i) => i.fencingToken),
      items.map((i) => i.nextAt),
      items.map((i) => i.failures),
      items.map((i) => i.lastError),
      items.map((i) => i.endedReason),
    ],
  )
}
