import { relationId } from '../collections/publications/relationId'
import { idempotencyKey } from '../lib/idempotencyKey'
import { nextOccurrenceAfter } from '../../calendar'
import type { PublicationRecord } from '../types'
import type { WorkerContext } from './processRow'

const COPIED = [
  'title',
  'document',
  'channelAccount',
  'channel',
  'timeZone',
  'text',
  'hashtags',
  'link',
  'media',
  'repeat',
  'createdBy',
  'submittedBy',
  'submittedAt',
  'approvedBy',
  'approvedAt',
] as const

/**
 * An evergreen re-share is a chain of rows: when one occurrence is live, the next is created,
 * already approved (the approval covered the rule), with its own time and idempotency key.
 * The key is unique, so two workers (or a retry after a crash) can't create it twice.
 */
export const scheduleNextOccurrence = async (
  ctx: WorkerContext,
  publication: PublicationRecord,
): Promise<void> => {
  const { payload, config } = ctx
  const originId = relationId(publication.repeatOf)
  const origin =
    originId === undefined
      ? publication
      : (((await payload.findByID({
          collection: config.publicationsSlug,
          id: originId,
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
        })) as unknown as PublicationRecord | null) ?? publication)
  const dueAt = new Date(publication.dueAt)
  const next = nextOccurrenceAfter({
    rrule: String(publication.repeat),
    dtstart: new Date(origin.dueAt),
    timeZone: publication.timeZone,
    after: dueAt,
  })
  if (!next) return

  const data: Record<string, unknown> = {}
  for (const field of COPIED) data[field] = publication[field] ?? null
  const documentId = relationId(publication.document.value)
  data.document = { relationTo: publication.document.relationTo, value: documentId }
  data.media = ((publication.media ?? []) as { relationTo: string; value: unknown }[]).map(
    (ref) => ({ relationTo: ref.relationTo, value: relationId(ref.value) }),
  )
  data.repeatOf = origin.id
  data.dueAt = next.toISOString()
  data.state = 'scheduled'
  if (publication.unpublishAt)
    data.unpublishAt = new Date(
      next.getTime() + (new Date(publication.unpublishAt).getTime() - dueAt.getTime()),
    ).toISOString()
  data.idempotencyKey = idempotencyKey({
    collection: publication.document.relationTo,
    id: String(documentId),
    channel: `${publication.channel}-${relationId(publication.channelAccount)}`,
    dueAt: next,
  })

  const existing = await payload.find({
    collection: config.publicationsSlug,
    where: { idempotencyKey: { equals: data.idempotencyKey } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (existing.totalDocs > 0) return
  try {
    await payload.create({
      collection: config.publicationsSlug,
      data: data as never,
      overrideAccess: true,
      context: { schedulerInternal: true },
    })
  } catch (error) {
    // Another worker made it first: the unique key did its job.
    const again = await payload.find({
      collection: config.publicationsSlug,
      where: { idempotencyKey: { equals: data.idempotencyKey } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    if (again.totalDocs === 0) throw error
  }
}
