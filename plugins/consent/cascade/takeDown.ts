import type { PayloadRequest } from 'payload'

import { removeItems } from '../../delivery'
import { cancelPending, requestRetraction, schedulerConfigOf } from '../../scheduler'
import { transactionExecutor } from '../../postgres'
import type { SanitizedConsentConfig } from '../defaults'
import { lockRelyingPublications } from '../sql/relyingPublications'

export type TakedownSummary = {
  cancelled: number
  retracted: number
  queued: number
  tasks: number
  publications: number[]
}

/**
 * Everything that must follow a revocation (or an expiry), in the caller's transaction:
 * pending publications are cancelled; live web content leaves the public projection at once;
 * live posts on networks that can delete are queued for the worker to delete; the rest (networks
 * without delete, and print, broadcast and other channels the consent allowed) become takedown
 * tasks with an owner and a due date. If any step fails, nothing of it — nor the revocation — stays.
 *
 * The consent plugin decides *what* relies on the consent; each table is changed by the plugin
 * that owns it (the scheduler's outbox, the delivery projection), through its exported operation.
 */
export const takeDown = async (
  config: SanitizedConsentConfig,
  args: {
    consentRecordId: number | string
    reference: string
    reason: string
    channelsAllowed: string[]
    recordedBy: number | string | null
    req: PayloadRequest
    now: Date
  },
): Promise<TakedownSummary> => {
  const { req, now, reason } = args
  const payload = req.payload
  const execute = transactionExecutor(req)
  const scheduler = schedulerConfigOf(payload)
  const documents = await config.relyingDocuments(args.consentRecordId, { payload, req })
  const ids = await lockRelyingPublications(execute, config, args.consentRecordId, documents)

  const cancelled = await cancelPending(execute, scheduler, { ids, reason, cause: 'consent', now })
  const { retracting, cannotDelete } = await requestRetraction(execute, payload, scheduler, {
    ids,
    reason,
    cause: 'consent',
    now,
  })
  const web = retracting.filter((row) => row.channel === 'web')
  // Gone from what the delivery API reads the moment this transaction commits; the worker then
  // marks the rows retracted and tells the front-ends to revalidate.
  await removeItems(
    execute,
    config.deliveryItemsSlug,
    web.map((row) => row.remoteId).filter((key): key is string => Boolean(key)),
  )

  const due = new Date(now.getTime() + config.takedownWithinHours * 3_600_000).toISOString()
  let tasks = 0
  for (const row of cannotDelete) {
    await payload.create({
      collection: config.tasksSlug,
      data: {
        kind: 'takedown',
        consentRecord: args.consentRecordId,
        publication: row.id,
        place: `${row.channel} post ${row.remoteId ?? ''}`.trim(),
        instructions: `${reason}: ${row.channel}'s API can't delete posts. Delete post ${row.remoteId ?? '(id unknown)'} by hand in the ${row.channel} app, then tick "done".`,
        dueAt: due,
        owner: row.createdBy ?? row.approvedBy ?? args.recordedBy,
      } as never,
      req,
      overrideAccess: true,
    })
    tasks++
  }
  for (const channel of args.channelsAllowed.filter((name) =>
    config.manualChannels.includes(name),
  )) {
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
  return {
    cancelled: cancelled.length,
    retracted: web.length,
    queued: retracting.length - web.length,
    tasks,
    publications: ids,
  }
}
