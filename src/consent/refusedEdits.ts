import { consentConfigOf, openReviewTask } from '../../plugins/consent'
import type { SchedulerEvent } from '../../plugins/scheduler'
import type { EventContext } from '../notifications/events'

/**
 * The scheduler took a live web copy down because the consent gate refused the edited document:
 * the consent plugin opens a review task on the consent it named, owned by the post's author, so
 * a person undoes the edit or records a consent that covers it.
 */
export const openTaskForRefusedEdit = async (event: SchedulerEvent, { payload }: EventContext) => {
  if (event.type !== 'publication.taken-down' || event.source !== 'consent') return
  if (event.sourceId === undefined) return
  await openReviewTask(payload, consentConfigOf(payload), {
    consentRecordId: event.sourceId,
    publicationId: event.publicationId,
    place: `${event.channel} copy of publication ${event.publicationId}`,
    reason: event.reason,
    ownerId: event.authorId,
    now: new Date(),
  })
}
