import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import type { SanitizedSchedulerConfig } from '../../../defaults'
import { idempotencyKey } from '../../../lib/idempotencyKey'
import { editableStates, type PublicationState } from '../../../states'
import { missingCredential } from '../../channelAccounts/credentialsNeeded'
import { relationId } from '../relationId'

/**
 * The channel comes from the account (so the copy is checked against the right network), and the
 * idempotency key from what the row will post where and when — recomputed while it can still
 * change, frozen once dispatching has begun.
 */
export const assignChannelAndKey =
  (config: SanitizedSchedulerConfig): CollectionBeforeValidateHook =>
  async ({ data, originalDoc, req, collection }) => {
    if (!data || req.context?.schedulerInternal) return data
    const merged = { ...originalDoc, ...data } as Record<string, unknown>
    const accountId = relationId(merged.channelAccount)
    if (accountId !== undefined) {
      const account = await req.payload
        .findByID({
          collection: config.channelAccountsSlug,
          id: accountId,
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
        })
        .catch(() => null)
      if (!account)
        throw new ValidationError({
          collection: collection.slug,
          errors: [
            {
              path: 'channelAccount',
              message: `channelAccount: there is no channel account ${accountId}.`,
            },
          ],
        })
      data.channel = (account as unknown as { channel: string }).channel
      merged.channel = data.channel
      // An account that can't send is refused when chosen, not found out at dispatch.
      const missing = missingCredential(account as unknown as Record<string, unknown>)
      const stillOpen =
        originalDoc?.state === undefined ||
        editableStates.includes(originalDoc.state as PublicationState)
      if (missing && stillOpen)
        throw new ValidationError({
          collection: collection.slug,
          errors: [{ path: 'channelAccount', message: `channelAccount: ${missing}` }],
        })
    }
    const document = merged.document as { relationTo?: string; value?: unknown } | undefined
    const documentId = relationId(document?.value)
    const dueAt = merged.dueAt ? new Date(merged.dueAt as string) : undefined
    if (
      (originalDoc?.state === undefined ||
        editableStates.includes(originalDoc.state as PublicationState)) &&
      document?.relationTo &&
      documentId !== undefined &&
      dueAt &&
      !Number.isNaN(dueAt.getTime()) &&
      accountId !== undefined
    ) {
      data.idempotencyKey = idempotencyKey({
        collection: document.relationTo,
        id: String(documentId),
        channel: `${merged.channel}-${accountId}`,
        dueAt,
      })
    }
    return data
  }
