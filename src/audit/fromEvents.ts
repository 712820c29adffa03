import type { PayloadRequest } from 'payload'

import type { ConsentEvent } from '../../plugins/consent'
import type { SchedulerEvent } from '../../plugins/scheduler'
import { slugs } from '../slugs'
import type { AuditAction } from './actions'
import { appendAuditEvent } from './recordAuditEvent'

type Context = { payload: import('payload').Payload; req?: PayloadRequest }

/** Seed and system jobs that opt out (`context: { audit: false }`) are not recorded. */
const optedOut = (req?: PayloadRequest) => req?.context?.audit === false

const moves: Record<string, AuditAction> = {
  'publication.submitted': 'submit',
  'publication.approved': 'approve',
  'publication.rejected': 'reject',
  'publication.withdrawn': 'withdraw',
  'publication.cancelled': 'cancel',
  'publication.retried': 'retry',
  'publication.unpublish-requested': 'unpublish',
}

/**
 * The scheduler's events as audit events: who moved which publication from what state to what
 * (and why), a row the worker gave up on, who paused or resumed what and why, and which fields of
 * a channel account changed — names only: the event never carries a secret, and neither does this.
 */
export const auditSchedulerEvent = async (event: SchedulerEvent, { payload, req }: Context) => {
  if (optedOut(req)) return
  switch (event.type) {
    case 'publication.failed':
      return appendAuditEvent(payload, req, null, {
        action: 'fail',
        collection: slugs.publications,
        documentId: event.publicationId,
        changes: { state: { before: 'dispatching', after: 'failed' } },
        note: event.error,
      })
    case 'publication.taken-down':
      return appendAuditEvent(payload, req, null, {
        action: 'takedown',
        collection: slugs.publications,
        documentId: event.publicationId,
        changes: { state: { before: 'published', after: 'retracted' } },
        note: event.reason,
      })
    case 'dispatch.paused':
    case 'dispatch.resumed': {
      const paused = event.type === 'dispatch.paused'
      const everything = event.scope === 'everything'
      return appendAuditEvent(payload, req, event.actor, {
        action: paused ? 'pause' : 'resume',
        collection: everything ? slugs.schedulerControl : slugs.channelAccounts,
        documentId: event.scope === 'everything' ? 'everything' : event.scope.channelAccountId,
        changes: { paused: { before: !paused, after: paused } },
        note: event.reason ?? null,
      })
    }
    case 'channel-account.created':
    case 'channel-account.updated':
    case 'channel-account.deleted':
      return appendAuditEvent(payload, req, event.actor, {
        action:
          event.type === 'channel-account.created'
            ? 'create'
            : event.type === 'channel-account.updated'
              ? 'update'
              : 'delete',
        collection: slugs.channelAccounts,
        documentId: event.channelAccountId,
        changes: { changedFields: event.changedFields },
        note: event.changedFields.length
          ? `${event.name}: ${event.changedFields.join(', ')}`
          : event.name,
      })
    case 'channel-account.reconnect-needed':
      // The system marked it: the trail says when an account stopped working, and why.
      return appendAuditEvent(payload, req, null, {
        action: 'update',
        collection: slugs.channelAccounts,
        documentId: event.channelAccountId,
        changes: { connection: { before: 'connected', after: 'reconnect-needed' } },
        note: `${event.name}: ${event.problem}`,
      })
    default:
      return appendAuditEvent(payload, req, event.actor, {
        action: moves[event.type],
        collection: slugs.publications,
        documentId: event.publicationId,
        changes: { state: { before: event.from, after: event.to } },
        note: event.reason ?? null,
      })
  }
}

const takedownNote = (cause: string, event: Extract<ConsentEvent, { cancelled: number }>): string =>
  `${cause} (${event.reference}): ${event.cancelled} cancelled, ${event.retracted} off the web, ${event.queued} deletion(s) queued, ${event.tasks} manual task(s)`

/**
 * The consent plugin's events as audit events. The revocation itself is recorded by the consent
 * records' own hook (`revoke`); this adds what its takedown did, the expiry sweep's takedowns, who
 * read a takedown report, and each consent task created, ticked done or reopened.
 */
export const auditConsentEvent = async (event: ConsentEvent, { payload, req }: Context) => {
  if (optedOut(req)) return
  const person = req?.user
    ? { id: req.user.id, email: 'email' in req.user ? String(req.user.email ?? '') : null }
    : null
  switch (event.type) {
    case 'consent.revoked':
    case 'consent.expired':
      return appendAuditEvent(payload, req, event.actor, {
        action: event.type === 'consent.revoked' ? 'takedown' : 'expire',
        collection: slugs.consentRecords,
        documentId: event.consentRecordId,
        changes: {
          takedown: {
            cancelled: event.cancelled,
            retracted: event.retracted,
            queued: event.queued,
            tasks: event.tasks,
          },
        },
        note: takedownNote(
          event.type === 'consent.revoked' ? 'consent revoked' : 'consent expired',
          event,
        ),
      })
    case 'takedown-report.read':
      return appendAuditEvent(payload, req, event.actor, {
        action: 'read-report',
        collection: slugs.consentRecords,
        documentId: event.consentRecordId,
        note: `${event.preview ? 'takedown preview' : 'takedown report'} for ${event.reference}`,
      })
    case 'consent-task.created':
      return appendAuditEvent(payload, req, person, {
        action: 'create',
        collection: slugs.consentTasks,
        documentId: event.taskId,
        changes: {
          kind: { before: null, after: event.kind },
          owner: { before: null, after: event.ownerId },
          dueAt: { before: null, after: event.dueAt },
        },
        note: `${event.kind} task for consent record ${event.consentRecordId}`,
      })
    case 'consent-task.done':
    case 'consent-task.reopened': {
      const done = event.type === 'consent-task.done'
      return appendAuditEvent(payload, req, event.actor, {
        action: done ? 'task-done' : 'task-reopen',
        collection: slugs.consentTasks,
        documentId: event.taskId,
        changes: { done: { before: !done, after: done } },
        note: `${event.kind} task for consent record ${event.consentRecordId}`,
      })
    }
  }
}
