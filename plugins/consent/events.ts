/**
 * What the consent plugin tells its host, through the one `onEvent` option: revocations and
 * expiries with what the takedown did, takedown-report reads, and consent tasks created, done
 * and reopened. The plugin writes only its own tables; the host's audit trail and notifier are
 * built on these events.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { EventActor } from '../scheduler'

export type ConsentEvent =
  | {
      type: 'consent.revoked' | 'consent.expired'
      consentRecordId: number | string
      reference: string
      actor: EventActor
      cancelled: number
      retracted: number
      queued: number
      tasks: number
    }
  | {
      type: 'takedown-report.read'
      consentRecordId: number | string
      reference: string
      actor: EventActor
      /** The Revoke tab's preview (what a revocation would take down), read before revoking. */
      preview?: boolean
    }
  | {
      type: 'consent-task.created'
      taskId: number | string
      kind: 'takedown' | 'renewal' | 'review'
      consentRecordId: number | string
      ownerId: number | string | null
      dueAt: string
    }
  | {
      type: 'consent-task.done' | 'consent-task.reopened'
      taskId: number | string
      kind: string
      consentRecordId: number | string
      actor: EventActor
    }

export type ConsentEventHandler = (
  event: ConsentEvent,
  context: { payload: Payload; req?: PayloadRequest },
) => Promise<void> | void
