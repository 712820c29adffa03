import type { Payload } from 'payload'

import { type Executor, ident, param, sql, tableName } from '../../postgres'
import { adapterFor } from '../channels/registry'
import type { SanitizedSchedulerConfig } from '../defaults'
import type { AttemptEntry } from '../states'

export type RetractionRow = {
  id: number
  channel: string
  remoteId: string | null
  createdBy: number | null
  approvedBy: number | null
}

export type RetractionResult = {
  /** Now `retracting`: the worker deletes them (and pings front-ends) on its next claim. */
  retracting: RetractionRow[]
  /** Live on a network whose API can't delete: unchanged, for a person to take down by hand. */
  cannotDelete: RetractionRow[]
}

/**
 * Asks the worker to take down those of `ids` that are live or being sent, through the caller's
 * executor. A row mid-send gets a new fencing token and loses its lease, so its sender can't
 * record it as live afterwards; the next claim reconciles (is the post there?) and deletes it.
 * Rows on networks that can't delete are returned, not changed; rows in other states are ignored.
 */
export const requestRetraction = async (
  execute: Executor,
  payload: Payload,
  config: SanitizedSchedulerConfig,
  args: { ids: number[]; reason: string; cause: AttemptEntry['kind']; now: Date },
): Promise<RetractionResult> => {
  const result: RetractionResult = { retracting: [], cannotDelete: [] }
  if (!args.ids.length) return result
  const table = ident(tableName(config.publicationsSlug))
  const rows = await execute(
    sql`SELECT id, state::text AS state, channel::text AS channel, remote_id, created_by_id, approved_by_id FROM ${table}
         WHERE id = ANY(${param(args.ids)}::int[]) AND state IN ('published', 'dispatching') FOR UPDATE`,
  )
  for (const row of rows) {
    const item: RetractionRow = {
      id: Number(row.id),
      channel: String(row.channel),
      remoteId:
        row.remote_id === null || row.remote_id === undefined ? null : String(row.remote_id),
      createdBy:
        row.created_by_id === null || row.created_by_id === undefined
          ? null
          : Number(row.created_by_id),
      approvedBy:
        row.approved_by_id === null || row.approved_by_id === undefined
          ? null
          : Number(row.approved_by_id),
    }
    const deletable =
      row.state === 'dispatching' || Boolean(adapterFor(config, item.channel, payload)?.canDelete)
    ;(deletable ? result.retracting : result.cannotDelete).push(item)
  }
  if (result.retracting.length) {
    const entry: AttemptEntry = {
      at: args.now.toISOString(),
      kind: args.cause,
      outcome: 'retracting',
      error: args.reason,
      worker: args.cause,
    }
    await execute(
      sql`UPDATE ${table} SET state = 'retracting', cancel_reason = ${args.reason}, lease_owner = NULL, lease_expires_at = NULL, next_attempt_at = NULL,
            fencing_token = coalesce(fencing_token, 0) + 1, unpublish_at = NULL,
            attempt_log = coalesce(attempt_log, '[]'::jsonb) || ${JSON.stringify([entry])}::jsonb, updated_at = ${args.now}
          WHERE id = ANY(${param(result.retracting.map((row) => row.id))}::int[])`,
    )
  }
  return result
}
