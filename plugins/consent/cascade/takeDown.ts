import type { PayloadRequest } from 'payload'

import { schedulerConfigOf } from '../../scheduler'
import { adapterFor } from '../../scheduler/channels/registry'
import { tableName as table } from '../../scheduler/defaults'
import type { SanitizedConsentConfig } from '../defaults'
import { relyingPublicationsWhere } from '../sql/relyingPublications'
import { ident, param, sql, txExecute } from './txSql'

export type TakedownSummary = { cancelled: number; retracted: number; queued: number; tasks: number; publications: number[] }

const PENDING = ['draft', 'awaiting-approval', 'scheduled', 'failed']

/**
 * Everything that must follow a revocation (or an expiry), in the caller's transaction:
 * pending publications are cancelled; live web content leaves the public projection at once;
 * live posts on networks that can delete are queued for the worker to delete; the rest (networks
 * without delete, and print, broadcast and other channels the consent allowed) become takedown
 * tasks with an owner and a due date. If any step fails, nothing of it — nor the revocation — stays.
 */
export const takeDown = async (
  config: SanitizedConsentConfig,
  args: { consentRecordId: number | string; reference: string; reason: string; channelsAllowed: string[]; recordedBy: number | string | null; req: PayloadRequest; now: Date },
): Promise<TakedownSummary> => {
  const { req, now, reason } = args
  const payload = req.payload
  const publications = table(config.publicationsSlug)
  const documents = await config.relyingDocuments(args.consentRecordId, { payload, req })

  const rows = await txExecute(
    req,
    sql`SELECT p.id, p.state::text AS state, p.channel::text AS channel, p.remote_id, p.created_by_id, p.approved_by_id
          FROM ${ident(publications)} p
         WHERE ${relyingPublicationsWhere(config, args.consentRecordId, documents)}
         FOR UPDATE OF p`,
  )

  const scheduler = schedulerConfigOf(payload)
  const entry = (outcome: string, detail: string) => JSON.stringify([{ at: now.toISOString(), kind: 'consent', outcome, error: detail, worker: 'consent' }])
  const ids = (filter: (row: Record<string, unknown>) => boolean) => rows.filter(filter).map((row) => Number(row.id))
  const canDelete = (channel: unknown) => Boolean(adapterFor(scheduler, String(channel), payload)?.canDelete)

  const pending = ids((row) => PENDING.includes(String(row.state)))
  const web = rows.filter((row) => row.state === 'published' && row.channel === 'web')
  const deletable = ids((row) => (row.state === 'published' && row.channel !== 'web' && canDelete(row.channel)) || row.state === 'dispatching')
  const manual = rows.filter((row) => row.state === 'published' && row.channel !== 'web' && !canDelete(row.channel))

  if (pending.length) {
    await txExecute(req, sql`UPDATE ${ident(publications)} SET state = 'cancelled', cancel_reason = ${reason}, attempt_log = coalesce(attempt_log, '[]'::jsonb) || ${entry('cancelled', reason)}::jsonb, updated_at = ${now} WHERE id = ANY(${param(pending)}::int[])`)
  }
  if (web.length) {
    // Gone from what the delivery API reads the moment this transaction commits.
    await txExecute(req, sql`DELETE FROM ${ident(table(config.deliveryItemsSlug))} WHERE key = ANY(${param(web.map((row) => String(row.remote_id)))}::text[])`)
  }
  const retract = [...web.map((row) => Number(row.id)), ...deletable]
  if (retract.length) {
    // The worker deletes social posts (and tells front-ends to revalidate); a row that was mid-send
    // gets a new fencing token, so its sender can't record it as live afterwards.
    await txExecute(
      req,
      sql`UPDATE ${ident(publications)} SET state = 'retracting', cancel_reason = ${reason}, lease_owner = NULL, lease_expires_at = NULL, next_attempt_at = NULL,
            fencing_token = coalesce(fencing_token, 0) + 1, unpublish_at = NULL,
            attempt_log = coalesce(attempt_log, '[]'::jsonb) || ${entry('retracting', reason)}::jsonb, updated_at = ${now}
          WHERE id = ANY(${param(retract)}::int[])`,
    )
  }

  const due = new Date(now.getTime() + config.takedownWithinHours * 3_600_000).toISOString()
  let tasks = 0
  for (const row of manual) {
    await payload.create({
      collection: config.tasksSlug,
      data: {
        kind: 'takedown',
        consentRecord: args.consentRecordId,
        publication: row.id,
        place: `${row.channel} post ${row.remote_id ?? ''}`.trim(),
        instructions: `${reason}: ${row.channel}'s API can't delete posts. Delete post ${row.remote_id ?? '(id unknown)'} by hand in the ${row.channel} app, then tick "done".`,
        dueAt: due,
        owner: row.created_by_id ?? row.approved_by_id ?? args.recordedBy,
      } as never,
      req,
      overrideAccess: true,
    })
    tasks++
  }
  for (const channel of args.channelsAllowed.filter((name) => config.manualChannels.includes(name))) {
    await payload.create({
      collection: config.tasksSlug,
      data: {
        kind: 'takedown',
        consentRecord: args.consentRecordId,
        place: channel,
        instructions: `${reason} (${args.reference}): the consent allowed ${channel}. Withdraw every ${channel} use of this patient's story or image that is still planned or in circulation, then tick "done".`,
        dueAt: due,
        owner: args.recordedBy,
      } as never,
      req,
      overrideAccess: true,
    })
    tasks++
  }
  return { cancelled: pending.length, retracted: web.length, queued: deletable.length, tasks, publications: rows.map((row) => Number(row.id)) }
}
