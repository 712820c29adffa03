/**
 * What the scheduler tells its host, through the one `onEvent` option. The plugin writes only its
 * own tables; an audit trail or a notifier is the host's, built on these events.
 *
 * Glossary
 * - actor    who did it: the signed-in person, or `null` for the system (a worker, a sweep).
 * - author   the row's `createdBy`: the person to tell about a rejection or a failure.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { PublicationState } from './states'

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
      /**
       * A live copy sent again after its document was edited could not go out (a guard refused the
       * edited document, or the network refused it for good), so the old copy was taken down.
       */
      type: 'publication.taken-down'
      publicationId: number | string
      title: string
      channel: string
      actor: null
      authorId: number | string | null
      document: { collection: string; id: number | string }
      reason: string
      /** Whose rule refused (`GuardResult.source`), when a guard did. */
      source?: string
      sourceId?: number | string
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
  | {
      /**
       * The network no longer accepts the account's sign-in and it can't be renewed: its posts
       * wait until someone connects it again (issue 17).
       */
      type: 'channel-account.reconnect-needed'
      channelAccountId: number | string
      name: string
      channel: string
      actor: null
      /** Who the account's `owner` is, to tell along with the admins. */
      ownerId: number | string | null
      problem: string
    }

export type EventContext = { payload: Payload; req?: PayloadRequest }

export type SchedulerEventHandler = (
  event: SchedulerEvent,
  context: EventContext,
) => Promise<void> | void

/** The person behind a request, as events name them. */
export const actorOf = (req: PayloadRequest | undefined): EventActor => {
  const user = req?.user as { id?: number | string; email?: unknown } | null | undefined
  if (!user || user.id === undefined || user.id === null) return null
  return { id: user.id, email: typeof user.email === 'string' ? user.email : null }
}
