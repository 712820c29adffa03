import type { Pool } from 'pg'

import type { SanitizedSchedulerConfig } from '../defaults'
import { tableName } from '../defaults'
import type { AttemptEntry, PublicationState } from '../states'

export type { AttemptEntry }

/** Columns an outcome may set; anything else is a programming error, not SQL to build. */
type OutcomeColumns = {
  state: PublicationState
  remote_id?: string | null
  remote_url?: string | null
  published_at?: Date | null
  retracted_at?: Date | null
  next_attempt_at?: Date | null
  last_error?: string | null
  cancel_reason?: string | null
  unpublish_at?: null
  refresh_requested_at?: null
}

const ALLOWED = new Set([
  'remote_id',
  'remote_url',
  'published_at',
  'retracted_at',
  'next_attempt_at',
  'last_error',
  'cancel_reason',
  'unpublish_at',
  'refresh_requested_at',
])

/**
 * Records what happened to a claimed row and releases its lease — only if this worker still
 * holds the lease it was given (same owner, same fencing token). A worker that stalled past its
 * lease gets `false` and must not act further: the row is someone else's now.
 */
export const recordOutcome = async (
  pool: Pool,
  config: SanitizedSchedulerConfig,
  claim: { id: number; fencingToken: number; workerId: string },
  set: OutcomeColumns,
  attempt: AttemptEntry,
  now: Date,
): Promise<boolean> => {
  const publications = tableName(config.publicationsSlug)
  const values: unknown[] = [
    claim.id,
    claim.fencingToken,
    claim.workerId,
    set.state,
    JSON.stringify([attempt]),
    now,
  ]
  const assignments: string[] = []
  for (const [column, value] of Object.entries(set)) {
    if (column === 'state') continue
    if (!ALLOWED.has(column)) throw new Error(`recordOutcome: ${column} is not an outcome column`)
    values.push(value)
    assignments.push(`${column} = $${values.length}`)
  }
  const { rowCount } = await pool.query(
    `UPDATE "${publications}"
        SET state = $4::"enum_${publications}_state",
            lease_owner = NULL,
            lease_expires_at = NULL,
            attempt_log = coalesce(attempt_log, '[]'::jsonb) || $5::jsonb,
            updated_at = $6${assignments.length ? `,\n            ${assignments.join(',\n            ')}` : ''}
      WHERE id = $1 AND fencing_token = $2 AND lease_owner = $3`,
    values,
  )
  return rowCount === 1
}
