import type { Payload, PayloadRequest } from 'payload'

import { childRequest } from '../lib/requests/childRequest'
import { slugs } from '../slugs'
import type { AuditAction } from './actions'
import type { FieldChange } from './diffFields'

/** Who acted, as the trail stores them: a user, or nobody (the system: a worker, the sweep). */
export type AuditActor = { id: number | string; email?: string | null } | null

type AuditEventInput = {
  action: AuditAction
  collection: string
  documentId: string | number
  changes?: Record<string, FieldChange | unknown>
  note?: string | null
}

/**
 * Appends one event with an explicit actor. With `req` it is written inside the caller's
 * transaction, so the change and its event commit or roll back together; without (a worker,
 * after its own write) it is a write of its own.
 */
export const appendAuditEvent = async (
  payload: Payload,
  req: PayloadRequest | undefined,
  actor: AuditActor,
  event: AuditEventInput,
): Promise<void> => {
  // A person signed in through another auth collection is named by email only.
  const isUser = !req?.user || req.user.collection === slugs.users
  await payload.create({
    collection: slugs.auditEvents,
    data: {
      action: event.action,
      collectionSlug: event.collection,
      documentId: String(event.documentId),
      user: actor && isUser ? (actor.id as number) : null,
      actorEmail: actor?.email ?? null,
      changes: (event.changes ?? null) as never,
      note: event.note ? event.note.slice(0, 2000) : null,
    },
    // A child of the request: same transaction and user, but Payload writes this call's
    // `context: { audit: false }` onto the request it is given, and on the caller's own request
    // that would switch auditing off for the rest of the operation (the next event, the next read).
    ...(req ? { req: childRequest(req) } : {}),
    overrideAccess: true,
    context: { audit: false },
  })
}

/**
 * Appends one event to the audit trail for the person making the request, inside the caller's
 * transaction (`req`), so an audited change and its audit event commit or roll back together.
 */
export const recordAuditEvent = async (req: PayloadRequest, event: AuditEventInput) => {
  const user = req.user
  await appendAuditEvent(
    req.payload,
    req,
    user ? { id: user.id, email: 'email' in user ? String(user.email ?? '') : null } : null,
    event,
  )
}
