import type { Payload, PayloadRequest } from 'payload'

import { notificationsConfigOf } from './config'
import type { NotificationInput } from './types'

export type NotifyOptions = {
  /** Writes in this request's transaction: the notices commit or roll back with the change. */
  req?: PayloadRequest
  /** When it happened. @default now */
  now?: Date
  /**
   * Records it at most once per recipient under this key (the marker a timed notice with the same
   * key finds, so a notice already given is not given again). @default none
   */
  key?: string
}

const SUBJECT_MAX = 200

/** The recipients once each, without empty values (an event's author may be unknown). */
export const uniqueRecipients = (recipients: NotificationInput['recipients']) => [
  ...new Map(
    recipients
      .filter((id): id is number | string => id !== null && id !== undefined && id !== '')
      .map((id) => [String(id), id]),
  ).values(),
]

/**
 * Records a notification for each recipient; the digest mails them later. Returns the new ids.
 * Server code only: it writes with `overrideAccess`, as nobody may create one through the API.
 */
export const notify = async (
  payload: Payload,
  input: NotificationInput,
  options: NotifyOptions = {},
): Promise<(number | string)[]> => {
  const config = notificationsConfigOf(payload)
  if (!input.subject.trim() || !input.text.trim())
    throw new Error(`notify: a notification of kind "${input.kind}" needs a subject and a text.`)
  const createdAt = (options.now ?? new Date()).toISOString()
  let recipients = uniqueRecipients(input.recipients)
  if (options.key && recipients.length) {
    const { docs } = await payload.find({
      collection: config.slug,
      where: { key: { equals: options.key }, recipient: { in: recipients } },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      select: { recipient: true } as never,
      req: options.req,
    })
    const told = new Set(docs.map((doc) => String((doc as { recipient?: unknown }).recipient)))
    recipients = recipients.filter((id) => !told.has(String(id)))
  }
  const ids: (number | string)[] = []
  for (const recipient of recipients) {
    const doc = (await payload.create({
      collection: config.slug,
      data: {
        recipient,
        kind: input.kind,
        subject: input.subject.trim().slice(0, SUBJECT_MAX),
        text: input.text.trim(),
        link: input.link ?? null,
        key: options.key ?? null,
        createdAt,
      } as never,
      // No `depth` or `locale`: the Local API would write them onto the caller's request.
      select: { id: true } as never,
      overrideAccess: true,
      req: options.req,
    })) as unknown as { id: number | string }
    ids.push(doc.id)
  }
  return ids
}
