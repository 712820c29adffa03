/**
 * Who hears about what. Each handler takes an event as the scheduler or consent plugin reports it
 * (`onEvent`) and records notifications; the notifications plugin mails them as digests.
 *
 * What may be said: every recipient is staff, and an email leaves Carecast, so a subject or body
 * carries only what each recipient's role may read in the admin and nothing about a patient:
 * publication titles (staff read publications) and the channel; a consent's reference, only to
 * consent officers and admins (the only roles that read consent records); a takedown's place and
 * due time, to the task's owner (who reads the task). Never a story's text, a patient's name or a
 * consent's details — and a patient's name that found its way into a title or a reason is cut out
 * (`withoutNames`). The link leads to the admin screen, where the role's access rules apply.
 */
import type { Payload, PayloadRequest } from 'payload'

import { notify } from '../../plugins/notifications'
import { childRequest } from '../lib/requests/childRequest'
import { slugs } from '../slugs'
import type { ConsentEvent, EventContext, SchedulerEvent } from './events'
import { adminPath, takedownDueSoonKey, utcTime } from './links'
import { withoutNames, patientNamesFor } from './patientNames'
import { plainReason } from './plainReason'
import { except, usersWithRole } from './recipients'

const DAY = 86_400_000

/** A publication changing state at a person's hand (the scheduler reports several types with one shape). */
type PublicationMove = Extract<SchedulerEvent, { from: unknown }>
type Submitted = PublicationMove & { type: 'publication.submitted' }
type Rejected = PublicationMove & { type: 'publication.rejected' }
type Failed = Extract<SchedulerEvent, { type: 'publication.failed' }>
type TakenDown = Extract<SchedulerEvent, { type: 'publication.taken-down' }>
type PublicationEvent = Submitted | Rejected | Failed | TakenDown
type TaskCreated = Extract<ConsentEvent, { type: 'consent-task.created' }>

const who = (actor: { email?: string | null } | null) => actor?.email || 'Someone'

/** The title and free text of a publication event with any patient's name cut out. */
const redactor = async (payload: Payload, event: PublicationEvent, req?: PayloadRequest) => {
  const names = await patientNamesFor(payload, event.publicationId, req)
  return (text: string) => withoutNames(text, names)
}

const titled = (event: PublicationEvent, clean: (text: string) => string) =>
  clean(event.title.trim()) || `publication ${event.publicationId}`

/** Sent for approval: every approver but the one who sent it and its author (admins when there is no such approver). */
export const onPublicationSubmitted = async (event: Submitted, { payload, req }: EventContext) => {
  let recipients = except(
    await usersWithRole(payload, ['approver']),
    event.actor?.id,
    event.authorId,
  )
  if (!recipients.length)
    recipients = except(await usersWithRole(payload, ['admin']), event.actor?.id, event.authorId)
  if (!recipients.length) return
  const clean = await redactor(payload, event, req)
  const title = titled(event, clean)
  await notify(
    payload,
    {
      recipients,
      kind: event.type,
      subject: `Awaiting your approval: ${title}`,
      text: `${who(event.actor)} sent the ${event.channel} publication "${title}" for approval.`,
      link: adminPath(payload, slugs.publications, event.publicationId),
    },
    { req },
  )
}

/** Rejected: its author, with the approver's reason. */
export const onPublicationRejected = async (event: Rejected, { payload, req }: EventContext) => {
  if (event.authorId == null) return
  const clean = await redactor(payload, event, req)
  const title = titled(event, clean)
  const reason = event.reason?.trim() ? clean(event.reason.trim()) : 'No reason was given.'
  await notify(
    payload,
    {
      recipients: [event.authorId],
      kind: event.type,
      subject: `Rejected: ${title}`,
      text: `${who(event.actor)} rejected the ${event.channel} publication "${title}".\nReason: ${reason}`,
      link: adminPath(payload, slugs.publications, event.publicationId),
    },
    { req },
  )
}

/** Failed for good (the worker gave up): its author and the admins, with the network's reason in plain words. */
export const onPublicationFailed = async (event: Failed, { payload, req }: EventContext) => {
  const clean = await redactor(payload, event, req)
  const title = titled(event, clean)
  await notify(
    payload,
    {
      recipients: [event.authorId, ...(await usersWithRole(payload, ['admin']))],
      kind: event.type,
      subject: `Not published: ${title}`,
      text: `The ${event.channel} publication "${title}" could not be published.\n${clean(plainReason(event.error))}`,
      link: adminPath(payload, slugs.publications, event.publicationId),
    },
    { req },
  )
}

/**
 * A live copy came down because its edited document can't go out: its author and the admins, with
 * the reason. When the consent gate refused, the consent task's notice says it instead (its owner
 * is the author), so it is not said twice.
 */
export const onPublicationTakenDown = async (event: TakenDown, { payload, req }: EventContext) => {
  if (event.source === 'consent') return
  const clean = await redactor(payload, event, req)
  const title = titled(event, clean)
  await notify(
    payload,
    {
      recipients: [event.authorId, ...(await usersWithRole(payload, ['admin']))],
      kind: event.type,
      subject: `Taken down after an edit: ${title}`,
      text: `The ${event.channel} copy of "${title}" was taken down: its document was edited and can't go out as it is now.\n${clean(plainReason(event.reason))}`,
      link: adminPath(payload, slugs.publications, event.publicationId),
    },
    { req },
  )
}

type TaskView = { place?: string | null; dueAt?: string | null }

const readTask = async (payload: Payload, event: TaskCreated, req?: PayloadRequest) =>
  (await payload.findByID({
    collection: slugs.consentTasks,
    id: event.taskId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    select: { place: true, dueAt: true },
    // The task was written in the event's transaction; a child request sees it without changing it.
    ...(req ? { req: childRequest(req) } : {}),
  })) as TaskView | null

/**
 * A consent task was made. A takedown: its owner (the consent officers when it has none). A
 * renewal: the consent officers, with the consent's reference, which only they and admins read.
 */
export const onConsentTaskCreated = async (event: TaskCreated, { payload, req }: EventContext) => {
  const task = await readTask(payload, event, req)
  const due = utcTime(task?.dueAt ?? event.dueAt)
  const link = adminPath(payload, slugs.consentTasks, event.taskId)
  if (event.kind === 'renewal') {
    await notify(
      payload,
      {
        recipients: await usersWithRole(payload, ['consent-officer']),
        kind: 'consent-task.renewal',
        subject: `Consent to renew: ${task?.place ?? `consent record ${event.consentRecordId}`}`,
        text: `${task?.place ?? 'A consent'} expires soon, and live or scheduled content relies on it. Ask for a renewal, or plan the takedown, by ${due}.`,
        link,
      },
      { req },
    )
    return
  }
  if (event.kind === 'review') {
    // The owner (the post's author) and the consent officers: either may settle it.
    const officers = await usersWithRole(payload, ['consent-officer'])
    await notify(
      payload,
      {
        recipients: [event.ownerId, ...officers],
        kind: 'consent-task.review',
        subject: `Taken down after an edit: ${task?.place ?? 'see the task'}`,
        text: `An edit to a published document asked for more than its consent allows, so its web copy was taken down (${task?.place ?? 'see the task'}). Undo the edit or record a consent that covers it, by ${due}, then tick "done" on the task.`,
        link,
      },
      { req },
    )
    return
  }
  const owners =
    event.ownerId != null ? [event.ownerId] : await usersWithRole(payload, ['consent-officer'])
  // Already due within a day: this notice is also the "due within 24 hours" one, not repeated by the clock.
  const dueSoon = new Date(event.dueAt).getTime() - Date.now() <= DAY
  await notify(
    payload,
    {
      recipients: owners,
      kind: 'consent-task.takedown',
      subject: `Takedown by hand, due ${due}: ${task?.place ?? 'see the task'}`,
      text: `A consent no longer covers a post that no API can take down: ${task?.place ?? 'see the task'}. Take it down by ${due}, then tick "done" on the task.`,
      link,
    },
    { req, ...(dueSoon ? { key: takedownDueSoonKey(event.taskId) } : {}) },
  )
}

type ReconnectNeeded = Extract<SchedulerEvent, { type: 'channel-account.reconnect-needed' }>

/** An account's sign-in stopped working for good: its owner and the admins, to connect it again. */
export const onReconnectNeeded = async (event: ReconnectNeeded, { payload, req }: EventContext) => {
  await notify(
    payload,
    {
      recipients: [event.ownerId, ...(await usersWithRole(payload, ['admin']))],
      kind: event.type,
      subject: `Reconnect needed: ${event.name}`,
      text: `The ${event.channel} account "${event.name}" must be connected again: ${event.problem}\nIts posts wait (none is lost) until someone opens the account and presses Connect.`,
      link: adminPath(payload, slugs.channelAccounts, event.channelAccountId),
    },
    { req },
  )
}

/** The scheduler's `onEvent`: the events someone must hear about; the others are the audit trail's. */
export const notifySchedulerEvent = async (event: SchedulerEvent, context: EventContext) => {
  if (event.type === 'publication.submitted')
    await onPublicationSubmitted(event as Submitted, context)
  else if (event.type === 'publication.rejected')
    await onPublicationRejected(event as Rejected, context)
  else if (event.type === 'publication.failed') await onPublicationFailed(event, context)
  else if (event.type === 'publication.taken-down') await onPublicationTakenDown(event, context)
  else if (event.type === 'channel-account.reconnect-needed')
    await onReconnectNeeded(event, context)
}

/** The consent plugin's `onEvent`. */
export const notifyConsentEvent = async (event: ConsentEvent, context: EventContext) => {
  if (event.type === 'consent-task.created') await onConsentTaskCreated(event, context)
}
