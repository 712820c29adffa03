import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import type { SanitizedConsentConfig } from '../defaults'
import { takeDown } from './takeDown'

const revokedNow = (previous: unknown, next: unknown) => !(previous as { revocation?: { receivedAt?: unknown } } | undefined)?.revocation?.receivedAt && Boolean((next as { revocation?: { receivedAt?: unknown } })?.revocation?.receivedAt)

/** Marks the record as taken care of, so the expiry sweep never runs the cascade a second time. */
export const stampTakedown: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (revokedNow(originalDoc, data)) data.takedownDoneAt = new Date().toISOString()
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
    if (operation !== 'update' || !revokedNow(previousDoc, doc)) return doc
    const summary = await takeDown(config, {
      consentRecordId: doc.id,
      reference: String(doc.reference ?? doc.id),
      reason: `consent revoked (${doc.reference ?? doc.id})`,
      channelsAllowed: (doc.channelsAllowed as string[] | undefined) ?? [],
      recordedBy: (req.user as { id?: number } | null)?.id ?? null,
      req,
      now: new Date(),
    })
    req.context.consentTakedown = summary
    return doc
  }
