import type { CollectionAfterChangeHook } from 'payload'

import type { SanitizedSchedulerConfig } from '../../../defaults'
import { actorOf, type SchedulerEvent } from '../../../events'
import type { PublicationState } from '../../../states'
import { relationId } from '../relationId'

type MoveEvent = Extract<SchedulerEvent, { from: PublicationState }>

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined

/** Which move a person made, from the states before and after (and whether a reason came with it). */
const moveOf = (
  from: PublicationState,
  to: PublicationState,
  rejectionReason: string | undefined,
): MoveEvent['type'] | undefined => {
  if (to === 'awaiting-approval') return 'publication.submitted'
  if (to === 'scheduled') return from === 'failed' ? 'publication.retried' : 'publication.approved'
  // Back to draft: an approver's rejection carries a reason (enforceTransitions requires one);
  // an author withdrawing it does not.
  if (to === 'draft') return rejectionReason ? 'publication.rejected' : 'publication.withdrawn'
  if (to === 'cancelled') return 'publication.cancelled'
  if (to === 'retracting') return 'publication.unpublish-requested'
  return undefined
}

/**
 * Tells the host about each move a person makes (submit, approve, reject, withdraw, cancel, retry,
 * unpublish), with the operation's `req`, so what the host writes commits with the move. Moves the
 * plugin makes itself (`schedulerInternal`: the worker, the fixtures of a test) are not people's.
 */
export const emitTransition =
  (config: SanitizedSchedulerConfig): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req }) => {
    if (req.context?.schedulerInternal) return doc
    const from = (operation === 'create' ? 'draft' : previousDoc?.state) as PublicationState
    const to = doc.state as PublicationState
    if (!from || from === to) return doc
    const rejectionReason =
      to === 'draft' && text(doc.rejectionReason) !== text(previousDoc?.rejectionReason)
        ? text(doc.rejectionReason)
        : undefined
    const type = moveOf(from, to, rejectionReason)
    if (!type) return doc
    const reason =
      type === 'publication.rejected'
        ? rejectionReason
        : type === 'publication.cancelled' || type === 'publication.unpublish-requested'
          ? text(doc.cancelReason)
          : undefined
    const authorId = relationId(doc.createdBy)
    await config.onEvent(
      {
        type,
        publicationId: doc.id,
        title: String(doc.title ?? ''),
        channel: String(doc.channel ?? ''),
        actor: actorOf(req),
        authorId: authorId ?? null,
        ...(reason ? { reason } : {}),
        from,
        to,
      },
      { payload: req.payload, req },
    )
    return doc
  }
