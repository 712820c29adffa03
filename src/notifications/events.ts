/**
 * The events the scheduler and consent plugins report through their `onEvent` option
 * (/work/briefs/issue13-events.md), declared here until they land.
 *
 * Replaced by the plugins' exported types when merged: `SchedulerEvent` and `EventActor` from
 * `plugins/scheduler`, `ConsentEvent` from `plugins/consent`.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { PublicationState } from '../../plugins/scheduler'

/** null: the system (a worker, the sweep). */
export type EventActor = { id: number | string; email?: string | null } | null

export type SchedulerEvent =
  | {
      type:
        | 'publication.submitted'
        | 'publication.approved'
        | 'publication.rejected'
        | 'publication.withdrawn'
        | 'publication.cancelled'
        | 'publication.retried'
        | 'publication.unpublish-requested'
      publicationId: number | string
      title: string
      channel: string
      actor: EventActor
      /** createdBy of the row (who to tell about a rejection/failure). */
      authorId: number | string | null
      reason?: string
      from: PublicationState
      to: PublicationState
    }
  | {
      type: 'publication.failed'
      publicationId: number | string
      title: string
      channel: string
      actor: null
      authorId: number | string | null
      error: string
    }
  | {
      type: 'dispatch.paused' | 'dispatch.resumed'
      scope: 'everything' | { channelAccountId: number | string }
      actor: EventActor
      reason?: string | null
    }
  | {
      type: 'channel-account.created' | 'channel-account.updated' | 'channel-account.deleted'
      channelAccountId: number | string
      name: string
      actor: EventActor
      /** Field NAMES only; a secret's value never appears in any event. */
      changedFields: string[]
    }

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
    }
  | {
      type: 'consent-task.created'
      taskId: number | string
      kind: 'takedown' | 'renewal'
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

/** What both plugins pass with an event: the operation's `req` when there is one (the worker has none). */
export type EventContext = { payload: Payload; req?: PayloadRequest }
