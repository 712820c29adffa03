import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterReadHook,
  CollectionBeforeOperationHook,
} from 'payload'

import { diffFields } from './diffFields'
import { recordAuditEvent } from './recordAuditEvent'

/** Seed and system jobs pass `context: { audit: false }`; everything a person does is recorded. */
const auditing = (context: Record<string, unknown>) => context.audit !== false

/** Records creates and updates with the before/after of each changed field. */
export const auditChanges =
  (collection: string): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req, context }) => {
    if (!auditing(context)) return doc
    const changes = diffFields(operation === 'create' ? undefined : previousDoc, doc)
    if (operation === 'update' && Object.keys(changes).length === 0) return doc
    await recordAuditEvent(req, { action: operation, collection, documentId: doc.id, changes })
    return doc
  }

export const auditDeletes =
  (collection: string): CollectionAfterDeleteHook =>
  async ({ id, doc, req, context }) => {
    if (!auditing(context)) return
    await recordAuditEvent(req, {
      action: 'delete',
      collection,
      documentId: id,
      changes: diffFields(doc, {}),
    })
  }

/**
 * Read auditing needs to know the operation, which afterRead is not told: Payload's own update
 * also reads the document back. Remember it here and log only true reads.
 */
export const rememberOperation: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  req.context.carecastOperation = operation
  return args
}

/** Records who read which document (once per document per request). */
export const auditReads =
  (collection: string): CollectionAfterReadHook =>
  async ({ doc, req, context }) => {
    if (!auditing(context) || !req.user || req.context.carecastOperation !== 'read') return doc
    const seen = (req.context.auditedReads ??= new Set<string>()) as Set<string>
    const key = `${collection}:${doc.id}`
    if (seen.has(key)) return doc
    seen.add(key)
    await recordAuditEvent(req, { action: 'read', collection, documentId: doc.id })
    return doc
  }
