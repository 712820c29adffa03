import { type Executor, ident, param, sql, tableName } from '../../postgres'
import type { SanitizedSchedulerConfig } from '../defaults'
import { type AttemptEntry, pendingStates } from '../states'

/**
 * Cancels those of `ids` that are still pending (not live, not in a worker's hands), with the
 * reason and one attempt-log entry each, through the caller's executor (so inside the caller's
 * transaction). Rows in any other state are left alone: the check is part of the statement.
 * Returns the ids it cancelled.
 */
export const cancelPending = async (
  execute: Executor,
  config: Pick<SanitizedSchedulerConfig, 'publicationsSlug'>,
  args: { ids: number[]; reason: string; cause: AttemptEntry['kind']; now: Date },
): Promise<number[]> => {
  if (!args.ids.length) return []
  const entry: AttemptEntry = {
    at: args.now.toISOString(),
    kind: args.cause,
    outcome: 'cancelled',
    error: args.reason,
    worker: args.cause,
  }
  const rows = await execute(
    sql`UPDATE ${ident(tableName(config.publicationsSlug))}
           SET state = 'cancelled', cancel_reason = ${args.reason},
               attempt_log = coalesce(attempt_log, '[]'::jsonb) || ${JSON.stringify([entry])}::jsonb, updated_at = ${args.now}
         WHERE id = ANY(${param(args.ids)}::int[]) AND state::text = ANY(${param([...pendingStates])}::text[])
     RETURNING id`,
  )
  return rows.map((row) => Number(row.id))
}
