import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { actorOf } from '../../scheduler'
import type { SanitizedConsentConfig } from '../defaults'
import { takeDown } from './takeDown'
import type { TakedownArgs } from './takedownTasks'

const revokedNow = (
  config: SanitizedConsentConfig,
  previous: Record<string, unknown> | undefined,
  next: Record<string, unknown> | undefined,
) =>
  !(previous && config.readConsent(previous).revokedAt) &&
  Boolean(next && config.readConsent(next).revokedAt)

/**
 * What revoking `doc` takes down, and in whose name: shared by the cascade and the Revoke tab's
 * preview, so the preview's reasons, owners and deadlines are the cascade's.
 */
export const revocationTakedown = (
  config: SanitizedConsentConfig,
  doc: Record<string, unknown> & { id: number | string },
  recordedBy: number | string | null,
  now = new Date(),
): TakedownArgs => {
  const consent = config.readConsent(doc)
  return {
    consentRecordId: doc.id,
    reference: consent.reference,
    reason: `consent revoked (${consent.reference})`,
    channelsAllowed: consent.channelsAllowed,
    recordedBy,
    now,
  }
}

/** Marks the record as taken care of, so the expiry sweep never runs the cascade a second time. */
export const stampTakedown =
  (config: SanitizedConsentConfig): CollectionBeforeChangeHook =>
  ({ data, originalDoc }) => {
    if (revokedNow(config, originalDoc, { ...(originalDoc ?? {}), ...data }))
      data.takedownDoneAt = new Date().toISOString()
    return data
  }

/**
 * Recording a revocation takes everything that relied on the consent down, in the same
 * transaction as the revocation itself (the hook runs with the operation's `req`): if any step
 * fails, the revocation is not recorded either, and the consent officer sees the error.
 */
export const cascadeRevocation =
  (config: SanitizedConsentConfig): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req }) => {
    if (operation !== 'update' || !revokedNow(config, previousDoc, doc)) return doc
    const consent = config.readConsent(doc)
    const summary = await takeDown(config, {
      ...revocationTakedown(config, doc, (req.user as { id?: number } | null)?.id ?? null),
      req,
    })
    req.context.consentTakedown = summary
    await config.onEvent(
      {
        type: 'consent.revoked',
        consentRecordId: doc.id,
        reference: consent.reference,
        actor: actorOf(req),
        cancelled: summary.cancelled,
        retracted: summary.retracted,
        queued: summary.queued,
        tasks: summary.tasks,
      },
      { payload: req.payload, req },
    )
    return doc
  }
