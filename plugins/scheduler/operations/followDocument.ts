import type { Payload } from 'payload'

import { type Executor, ident, param, sql, tableName } from '../../postgres'
import { adapterFor } from '../channels/registry'
import type { SanitizedSchedulerConfig } from '../defaults'
import { requestRetraction } from './requestRetraction'

export type DocumentChange = 'edited' | 'unpublished' | 'deleted'

export type FollowResult = { refreshed: number[]; retracting: number[]; olderCopy: number[] }

/**
 * What a change to a published document does to its live posts, through the caller's executor
 * (so in the transaction of the change). A channel whose copy *is* the document
 * (`followsDocument`: the web) follows it: an edit asks the worker to send it again — through the
 * guards, which take it down instead when the edit broke a rule (a diagnosis the consent does not
 * allow); an unpublish or a delete takes it down, and with it every embed of it. Posts on the
 * social networks stay as they were sent (most networks can't edit a post): they are marked
 * "live with an older copy" so the schedule says so.
 */
export const followDocument = async (
  execute: Executor,
  payload: Payload,
  config: SanitizedSchedulerConfig,
  args: { collection: string; id: number | string; change: DocumentChange; now: Date },
): Promise<FollowResult> => {
  const publications = tableName(config.publicationsSlug)
  const rows = await execute(
    sql`SELECT p.id, p.channel::text AS channel FROM ${ident(publications)} p
          JOIN ${ident(`${publications}_rels`)} r ON r.parent_id = p.id AND r.path = 'document'
         WHERE r.${ident(`${tableName(args.collection)}_id`)} = ${Number(args.id)} AND p.state = 'published'
         ORDER BY p.id FOR UPDATE OF p`,
  )
  const follows = (channel: unknown) =>
    Boolean(adapterFor(config, String(channel), payload)?.followsDocument)
  const following = rows.filter((row) => follows(row.channel)).map((row) => Number(row.id))
  const others = rows.filter((row) => !follows(row.channel)).map((row) => Number(row.id))
  const result: FollowResult = { refreshed: [], retracting: [], olderCopy: [] }

  if (following.length && args.change === 'edited') {
    await execute(
      sql`UPDATE ${ident(publications)} SET refresh_requested_at = ${args.now}, updated_at = ${args.now}
           WHERE id = ANY(${param(following)}::int[])`,
    )
    result.refreshed = following
  } else if (following.length) {
    const reason =
      args.change === 'deleted' ? 'the document was deleted' : 'the document was unpublished'
    const { retracting } = await requestRetraction(execute, payload, config, {
      ids: following,
      reason,
      cause: 'document',
      now: args.now,
    })
    result.retracting = retracting.map((row) => row.id)
  }
  if (others.length) {
    await execute(
      sql`UPDATE ${ident(publications)} SET document_changed_at = coalesce(document_changed_at, ${args.now})
           WHERE id = ANY(${param(others)}::int[])`,
    )
    result.olderCopy = others
  }
  return result
}
