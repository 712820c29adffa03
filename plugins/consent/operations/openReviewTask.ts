import type { Payload } from 'payload'

import type { SanitizedConsentConfig } from '../defaults'

/**
 * A consent task for an edit the consent does not cover. The web copy is already down (the
 * scheduler took it down when the gate refused the edited document); a person must now either undo
 * the edit or record a consent that covers it, and publish again. One open task per publication:
 * a second refusal of the same row while the first task is open adds nothing.
 */
export const openReviewTask = async (
  payload: Payload,
  config: SanitizedConsentConfig,
  args: {
    consentRecordId: number | string
    publicationId: number | string
    place: string
    reason: string
    ownerId: number | string | null
    now: Date
  },
): Promise<{ id: number | string } | null> => {
  const open = await payload.count({
    collection: config.tasksSlug,
    where: {
      and: [
        { kind: { equals: 'review' } },
        { publication: { equals: args.publicationId } },
        { done: { equals: false } },
      ],
    },
    overrideAccess: true,
  })
  if (open.totalDocs > 0) return null
  const task = await payload.create({
    collection: config.tasksSlug,
    data: {
      kind: 'review',
      consentRecord: args.consentRecordId,
      publication: args.publicationId,
      place: args.place,
      instructions: `An edit asked for more than its consent allows, so the live web copy was taken down: ${args.reason} Undo the edit, or record a consent that covers it; then publish the document again and tick "done".`,
      dueAt: new Date(args.now.getTime() + config.takedownWithinHours * 3_600_000).toISOString(),
      owner: args.ownerId,
    } as never,
    overrideAccess: true,
  })
  return { id: task.id }
}
