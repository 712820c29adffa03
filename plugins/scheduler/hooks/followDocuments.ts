import type { CollectionConfig } from 'payload'

import { ident, sql, tableName, transactionExecutor } from '../../postgres'
import type { SanitizedSchedulerConfig } from '../defaults'
import { type DocumentChange, followDocument } from '../operations/followDocument'

/**
 * Hooks the scheduler appends to every collection it publishes, so live posts follow their
 * document: an edit to the published version, an unpublish (back to draft) and a delete.
 * Saving a draft of a published document changes nothing live: with drafts, Payload writes the
 * draft to the versions table and leaves the published row alone, so the row's own `_status`
 * (read in this transaction) says what is live.
 */
export const followDocumentHooks = (
  config: SanitizedSchedulerConfig,
  collection: CollectionConfig,
): CollectionConfig['hooks'] => {
  const drafts = Boolean(
    collection.versions && typeof collection.versions === 'object' && collection.versions.drafts,
  )
  return {
    afterChange: [
      async ({ doc, operation, req }) => {
        if (operation !== 'update' || req.context?.skipDispatch) return doc
        const execute = transactionExecutor(req)
        let change: DocumentChange | null = 'edited'
        if (drafts) {
          const [row] = await execute(
            sql`SELECT _status::text AS status FROM ${ident(tableName(collection.slug))} WHERE id = ${Number(doc.id)}`,
          )
          const live = row?.status === 'published'
          change = !live ? 'unpublished' : doc._status === 'draft' ? null : 'edited'
        }
        if (change)
          await followDocument(execute, req.payload, config, {
            collection: collection.slug,
            id: doc.id,
            change,
            now: new Date(),
          })
        return doc
      },
    ],
    beforeDelete: [
      async ({ id, req }) => {
        // Before Payload deletes it (and the outbox's relation rows to it with it).
        if (req.context?.skipDispatch) return
        await followDocument(transactionExecutor(req), req.payload, config, {
          collection: collection.slug,
          id,
          change: 'deleted',
          now: new Date(),
        })
      },
    ],
  }
}
