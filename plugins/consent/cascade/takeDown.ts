import type { PayloadRequest } from 'payload'

import { removeItems } from '../../delivery'
import {
  cancelPending,
  requestRetraction,
  type RetractionRow,
  schedulerConfigOf,
} from '../../scheduler'
import { transactionExecutor } from '../../postgres'
import type { SanitizedConsentConfig } from '../defaults'
import { lockRelyingPublications } from '../sql/relyingPublications'
import { type TakedownArgs, takedownTasks } from './takedownTasks'

export type TakedownSummary = {
  cancelled: number
  retracted: number
  queued: number
  tasks: number
  publications: number[]
}

/** What a takedown does to each publication relying on the consent, as its operations decided it. */
export type TakedownDecision = {
  /** Every relying publication, whatever its state. */
  publications: number[]
  /** Pending (not live, not in a worker's hands): cancelled. */
  cancelled: number[]
  /** Live on the web: out of the public projection in the takedown's own transaction. */
  web: RetractionRow[]
  /** Live (or being sent) on a network that can delete: queued for the worker to delete. */
  queued: RetractionRow[]
  /** Live on a network whose API can't delete: a consent task each. */
  cannotDelete: RetractionRow[]
}

/**
 * The steps that decide what comes down, in `req`'s transaction: the relying rows are locked,
 * the pending ones cancelled and the live ones handed to the scheduler's retraction, which alone
 * knows which networks can delete. Shared by the takedown and its preview (which rolls it back),
 * so what the Revoke tab announces is what these same operations then do.
 */
export const decideTakedown = async (
  config: SanitizedConsentConfig,
  args: TakedownArgs,
  req: PayloadRequest,
): Promise<TakedownDecision> => {
  const { now, reason } = args
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
  return {
    publications: ids,
    cancelled,
    web: retracting.filter((row) => row.channel === 'web'),
    queued: retracting.filter((row) => row.channel !== 'web'),
    cannotDelete,
  }
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
  args: TakedownArgs & { req: PayloadRequest },
): Promise<TakedownSummary> => {
  const { req } = args
  const decision = await decideTakedown(config, args, req)
  // Gone from what the delivery API reads the moment this transaction commits; the worker then
  // marks the rows retracted and tells the front-ends to revalidate.
  await removeItems(
    transactionExecutor(req),
    config.deliveryItemsSlug,
    decision.web.map((row) => row.remoteId).filter((key): key is string => Boolean(key)),
  )
  const tasks = takedownTasks(config, args, decision.cannotDelete)
  for (const task of tasks)
    await req.payload.create({
      collection: config.tasksSlug,
      data: task as never,
      req,
      overrideAccess: true,
    })
  return {
    cancelled: decision.cancelled.length,
    retracted: decision.web.length,
    queued: decision.queued.length,
    tasks: tasks.length,
    publications: decision.publications,
  }
}
