import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { SanitizedSchedulerConfig } from '../../../defaults'
import { actorOf } from '../../../events'
import { secretFields } from '../secretFields'

// Bookkeeping, and `credentialsSet`, which only restates which secrets changed.
const IGNORED = new Set(['id', 'createdAt', 'updatedAt', 'credentialsSet'])

/**
 * The names of the fields whose value differs. Secrets are compared as stored (ciphertext, a new
 * one for each new secret) and only their names leave this function, never a value.
 */
const changedFieldNames = (
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
): string[] =>
  [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])]
    .filter((key) => !IGNORED.has(key))
    .filter((key) => JSON.stringify(before?.[key] ?? null) !== JSON.stringify(after[key] ?? null))
    .sort()

/** Tells the host an account was created or changed (field names only), and about a pause or resume. */
export const emitAccountChange =
  (config: SanitizedSchedulerConfig): CollectionAfterChangeHook =>
  async ({ data, doc, previousDoc, operation, req }) => {
    const actor = actorOf(req)
    const context = { payload: req.payload, req }
    const before = operation === 'create' ? undefined : (previousDoc as Record<string, unknown>)
    // `doc` has been read back without the write-only secrets; what was stored is in `data`
    // (encryptSecrets put the new ciphertext there, or the stored one back).
    const stored = Object.fromEntries(
      Object.keys(secretFields).map((field) => [field, data?.[field] ?? null]),
    )
    const changedFields = changedFieldNames(before, { ...doc, ...stored })
    if (operation === 'create' || changedFields.length)
      await config.onEvent(
        {
          type: operation === 'create' ? 'channel-account.created' : 'channel-account.updated',
          channelAccountId: doc.id,
          name: String(doc.name ?? ''),
          actor,
          changedFields,
        },
        context,
      )
    if (Boolean(before?.paused) !== Boolean(doc.paused))
      await config.onEvent(
        {
          type: doc.paused ? 'dispatch.paused' : 'dispatch.resumed',
          scope: { channelAccountId: doc.id },
          actor,
          // A resume's reason is one given with it, not the pause's left standing.
          reason:
            doc.paused || doc.pausedReason !== before?.pausedReason
              ? (doc.pausedReason ?? null)
              : null,
        },
        context,
      )
    return doc
  }

export const emitAccountDelete =
  (config: SanitizedSchedulerConfig): CollectionAfterDeleteHook =>
  async ({ id, doc, req }) => {
    await config.onEvent(
      {
        type: 'channel-account.deleted',
        channelAccountId: id,
        name: String(doc?.name ?? ''),
        actor: actorOf(req),
        changedFields: [],
      },
      { payload: req.payload, req },
    )
  }
