import type { PayloadRequest } from 'payload'

import { slugs } from '../slugs'
import type { FieldChange } from './diffFields'

export type AuditAction = 'create' | 'update' | 'delete' | 'read' | 'revoke' | 'approve' | 'reject'

/**
 * Appends one event to the audit trail, inside the caller's transaction (`req`), so an audited
 * change and its audit event commit or roll back together.
 */
export const recordAuditEvent = async (
  req: PayloadRequest,
  event: {
    action: AuditAction
    collection: string
    documentId: string | number
    changes?: Record<string, FieldChange>
    note?: string
  },
): Promise<void> => {
  const user = req.user
  await req.payload.create({
    collection: slugs.auditEvents,
    data: {
      action: event.action,
      collectionSlug: event.collection,
      documentId: String(event.documentId),
      user: user && user.collection === slugs.users ? user.id : null,
      actorEmail: user && 'email' in user ? String(user.email ?? '') : null,
      changes: event.changes ?? null,
      note: event.note ?? null,
    },
    req,
    overrideAccess: true,
    context: { audit: false },
  })
}
