import { createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import {
  notificationsConfigOf,
  notify,
  runNotifications,
  type Notifier,
} from '../../plugins/notifications'
import { lexicalFromParagraphs } from '../../src/lib/lexicalPlainText'
import type { SchedulerEvent } from '../../src/notifications/events'
import { notifyConsentEvent, notifySchedulerEvent } from '../../src/notifications/handlers'
import { slugs } from '../../src/slugs'
import { activeConsent, publishedStory, signedForm } from '../support/consentFixtures'
import { credentialsFor, userIdFor } from '../support/credentials'
import {
  channelAccount,
  makeUser,
  publishedCampaign,
  TEST_SECRETS_KEY,
} from '../support/schedulerFixtures'
import { type SmtpReceiver, startSmtpServer } from '../support/smtpServer'
import { login, type TestApp, startTestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY
const SERVER_URL = 'https://carecast.example.test'
process.env.SERVER_URL = SERVER_URL

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

type Id = number | string
type User = { id: Id; email: string }
type NotificationRow = {
  id: Id
  recipient: Id
  kind: string
  subject: string
  text: string
  link: string | null
  key?: string | null
  sentAt?: string | null
  digestId?: string | null
  read?: boolean
  readAt?: string | null
}

describe('notifications', () => {
  let app: TestApp
  let payload: Payload
  let smtp: SmtpReceiver
  let tokens: Awaited<ReturnType<typeof credentialsFor>>
  let webAccount: Id
  const people: Record<
    | 'admin'
    | 'marketer'
    | 'approver'
    | 'secondApprover'
    | 'officer'
    | 'secondOfficer'
    | 'author'
    | 'digestAuthor'
    | 'quietAuthor',
    User
  > = {} as never
  /** The pass's clock: each flush is later than the last, so no person's hourly limit carries over. */
  let clock = Date.now() + DAY

  const user = async (role: string, email: string): Promise<User> => {
    const doc = await makeUser(app, role, email)
    return { id: doc.id, email }
  }

  beforeAll(async () => {
    smtp = await startSmtpServer()
    // Read when the config is built, as `npm start` reads it.
    process.env.SMTP_URL = smtp.url
    app = await startTestApp('notifications')
    payload = app.payload
    tokens = await credentialsFor(app)
    for (const role of ['admin', 'marketer', 'approver'] as const)
      people[role] = {
        id: await userIdFor(app, role),
        email: `${role}@carecast.test`,
      }
    people.officer = { id: await userIdFor(app, 'consent-officer'), email: 'consent@carecast.test' }
    people.secondApprover = await user('approver', 'approver2@carecast.test')
    people.secondOfficer = await user('consent-officer', 'consent2@carecast.test')
    people.author = await user('marketer', 'author@carecast.test')
    people.digestAuthor = await user('marketer', 'digest-author@carecast.test')
    people.quietAuthor = await user('marketer', 'quiet-author@carecast.test')
    webAccount = (await channelAccount(app, { channel: 'web' })).id
  })
  afterAll(async () => {
    vi.useRealTimers()
    await app?.close()
    await smtp?.close()
    delete process.env.SMTP_URL
  })

  const all = async (where: Record<string, unknown> = {}) =>
    (
      await payload.find({
        collection: slugs.notifications,
        where: where as never,
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        sort: 'createdAt',
      })
    ).docs as unknown as NotificationRow[]

  const recipientsOf = (rows: NotificationRow[]) => rows.map((row) => String(row.recipient)).sort()
  const ids = (...users: User[]) => users.map((one) => String(one.id)).sort()

  /** A draft publication of a document (the handlers read it, as they will when the scheduler reports on it). */
  const draft = async (
    title: string,
    document: { collection: string; id: Id },
    createdBy: Id = people.author.id,
  ) =>
    (await payload.create({
      collection: slugs.publications,
      data: {
        title,
        document: { relationTo: document.collection, value: document.id },
        channelAccount: webAccount,
        dueAt: new Date(Date.now() + DAY).toISOString(),
        timeZone: 'UTC',
        text: 'Screenings all week at the heart centre',
        createdBy,
      } as never,
      overrideAccess: true,
    })) as unknown as { id: Id; title: string }

  const campaignPublication = async (title: string, createdBy?: Id) => {
    const campaign = await publishedCampaign(app)
    return draft(title, { collection: slugs.campaigns, id: campaign.id }, createdBy)
  }

  const submitted = (
    publication: { id: Id; title: string },
    actor: User,
    authorId: Id | null,
  ): SchedulerEvent => ({
    type: 'publication.submitted',
    publicationId: publication.id,
    title: publication.title,
    channel: 'web',
    actor: { id: actor.id, email: actor.email },
    authorId,
    from: 'draft',
    to: 'awaiting-approval',
  })
  const rejected = (
    publication: { id: Id; title: string },
    authorId: Id,
    reason: string,
  ): SchedulerEvent => ({
    type: 'publication.rejected',
    publicationId: publication.id,
    title: publication.title,
    channel: 'web',
    actor: { id: people.approver.id, email: people.approver.email },
    authorId,
    reason,
    from: 'awaiting-approval',
    to: 'draft',
  })
  const failed = (
    publication: { id: Id; title: string },
    authorId: Id,
    error: string,
  ): SchedulerEvent => ({
    type: 'publication.failed',
    publicationId: publication.id,
    title: publication.title,
    channel: 'facebook',
    actor: null,
    authorId,
    error,
  })

  /** A pass an hour and more after the last one: every digest due goes out. */
  const flush = async () => {
    clock += 2 * HOUR
    return runNotifications(payload, { now: new Date(clock) })
  }

  describe('who hears about what', () => {
    it('tells every approver but the sender and the author about a submission, in the operation’s transaction', async () => {
      const publication = await campaignPublication('Heart Month: screening week')

      // Rolled back with the change that caused it: nobody was told about what did not happen.
      const req = await createLocalReq({}, payload)
      await initTransaction(req)
      await notifySchedulerEvent(submitted(publication, people.author, people.author.id), {
        payload,
        req,
      })
      await killTransaction(req)
      expect(await all({ link: { contains: `/publications/${publication.id}` } })).toHaveLength(0)

      // The author sent it: both approvers hear.
      await notifySchedulerEvent(submitted(publication, people.author, people.author.id), {
        payload,
      })
      const told = await all({
        kind: { equals: 'publication.submitted' },
        link: { equals: `/admin/collections/publications/${publication.id}` },
      })
      expect(recipientsOf(told)).toEqual(ids(people.approver, people.secondApprover))
      expect(told[0]).toMatchObject({
        subject: 'Awaiting your approval: Heart Month: screening week',
        text: 'author@carecast.test sent the web publication "Heart Month: screening week" for approval.',
        sentAt: null,
        read: false,
      })

      // An approver who authored and sent one is not asked to approve it; the other approver is.
      const own = await campaignPublication('Flu clinic hours', people.approver.id)
      await notifySchedulerEvent(submitted(own, people.approver, people.approver.id), { payload })
      expect(
        recipientsOf(await all({ link: { equals: `/admin/collections/publications/${own.id}` } })),
      ).toEqual(ids(people.secondApprover))
    })

    it('shows each recipient only their own in the admin API, admins everyone’s, and lets nobody create or rewrite one', async () => {
      const second = await login(app, people.secondApprover.email, 'a-long-password')
      const mine = await app.rest('GET', `/${slugs.notifications}?limit=100&depth=0`, {
        token: second,
      })
      expect(mine.status).toBe(200)
      const { docs } = (await mine.json()) as { docs: NotificationRow[] }
      expect(docs.length).toBe(2)
      expect(new Set(docs.map((doc) => String(doc.recipient)))).toEqual(
        new Set([String(people.secondApprover.id)]),
      )

      const asAdmin = (await (
        await app.rest('GET', `/${slugs.notifications}?limit=100&depth=0`, tokens.admin)
      ).json()) as { totalDocs: number }
      expect(asAdmin.totalDocs).toBe((await all()).length)
      // The author was told nothing yet, and reads nothing of anyone else's.
      const asMarketer = (await (
        await app.rest('GET', `/${slugs.notifications}?depth=0`, tokens.marketer)
      ).json()) as { totalDocs: number }
      expect(asMarketer.totalDocs).toBe(0)
      expect((await app.rest('GET', `/${slugs.notifications}`)).status).toBe(403)

      const create = await app.rest('POST', `/${slugs.notifications}`, {
        ...tokens.admin,
        body: { recipient: people.admin.id, kind: 'x', subject: 'forged', text: 'forged' },
      })
      expect(create.status).toBe(403)

      // The recipient ticks it read (readAt is stamped); the subject stays what was said.
      const target = docs[0]
      const marked = await app.rest('PATCH', `/${slugs.notifications}/${target.id}`, {
        token: second,
        body: { read: true, subject: 'rewritten', readAt: '2000-01-01T00:00:00.000Z' },
      })
      expect(marked.status, await marked.clone().text()).toBe(200)
      const [after] = await all({ id: { equals: target.id } })
      expect(after.read).toBe(true)
      expect(after.subject).toBe(target.subject)
      expect(new Date(after.readAt!).getTime()).toBeGreaterThan(Date.now() - MINUTE)
      // Someone else's can't be touched, even by an admin.
      const notMine = await app.rest('PATCH', `/${slugs.notifications}/${target.id}`, {
        ...tokens.admin,
        body: { read: false },
      })
      expect([403, 404]).toContain(notMine.status)
      expect(
        (await app.rest('DELETE', `/${slugs.notifications}/${target.id}`, tokens.admin)).status,
      ).toBe(403)
    })

    it('tells the author about a rejection, with the reason, and the author and admins about a failure, in plain words', async () => {
      const publication = await campaignPublication('Diabetes Month kickoff')
      await notifySchedulerEvent(
        rejected(publication, people.author.id, 'The link goes to last year’s page.'),
        { payload },
      )
      const rejection = await all({ kind: { equals: 'publication.rejected' } })
      expect(recipientsOf(rejection)).toEqual(ids(people.author))
      expect(rejection[0].subject).toBe('Rejected: Diabetes Month kickoff')
      expect(rejection[0].text).toContain('Reason: The link goes to last year’s page.')

      await notifySchedulerEvent(
        failed(
          publication,
          people.author.id,
          'Failed (permanent): 401 Error validating access token: Session has expired',
        ),
        { payload },
      )
      const failure = await all({ kind: { equals: 'publication.failed' } })
      expect(recipientsOf(failure)).toEqual(ids(people.author, people.admin))
      expect(failure[0].subject).toBe('Not published: Diabetes Month kickoff')
      expect(failure[0].text).toContain(
        "refused the channel account's sign-in: reconnect the account",
      )
      expect(failure[0].text).toContain(
        'The network said: Failed (permanent): 401 Error validating access token',
      )
    })

    it('tells the consent officers, and only them, about a renewal, with the consent’s reference', async () => {
      const consent = await activeConsent(app, (await signedForm(app)).id)
      const task = await payload.create({
        collection: slugs.consentTasks,
        data: {
          kind: 'renewal',
          consentRecord: consent.id,
          place: `consent ${consent.reference}`,
          instructions: 'Renew',
          dueAt: new Date(Date.now() + 29 * DAY).toISOString(),
        } as never,
        overrideAccess: true,
      })
      // The consent plugin reports the task's creation (onEvent) to the host's handlers itself.
      const told = await all({ kind: { equals: 'consent-task.renewal' } })
      expect(recipientsOf(told)).toEqual(ids(people.officer, people.secondOfficer))
      expect(told[0].subject).toBe(`Consent to renew: consent ${consent.reference}`)
      expect(told[0].link).toBe(`/admin/collections/consent-tasks/${task.id}`)
    })
  })

  describe('the digest', () => {
    it('mails each person one digest with all their items, at most one an hour (fake clock)', async () => {
      const [first, second, third, fourth] = [
        await campaignPublication('Digest post one', people.digestAuthor.id),
        await campaignPublication('Digest post two', people.digestAuthor.id),
        await campaignPublication('Digest post three', people.digestAuthor.id),
        await campaignPublication('Digest post four', people.digestAuthor.id),
      ]
      const start = clock + DAY
      const mails = () => smtp.to(people.digestAuthor.email)
      const at = async (offset: number, run: () => Promise<unknown>) => {
        vi.useFakeTimers({ toFake: ['Date'] })
        vi.setSystemTime(new Date(start + offset))
        try {
          return await run()
        } finally {
          vi.useRealTimers()
        }
      }
      const pass = (offset: number) => runNotifications(payload, { now: new Date(start + offset) })

      await at(0, () =>
        notifySchedulerEvent(rejected(first, people.digestAuthor.id, 'Too long.'), { payload }),
      )
      // The first item waits a few minutes for others to join it.
      await pass(2 * MINUTE)
      expect(mails()).toHaveLength(0)
      await at(10 * MINUTE, () =>
        notifySchedulerEvent(rejected(second, people.digestAuthor.id, 'Wrong image.'), { payload }),
      )
      // Two workers at once: one holds the lock, and either way one mail goes out.
      await Promise.all([pass(10 * MINUTE), pass(10 * MINUTE)])
      expect(mails()).toHaveLength(1)
      const [digest] = mails()
      expect(digest.subject).toBe('2 new notifications')
      expect(digest.text).toContain('1. Rejected: Digest post one')
      expect(digest.text).toContain('2. Rejected: Digest post two')
      expect(digest.text).toContain('Reason: Wrong image.')
      expect(digest.text).toContain(`${SERVER_URL}/admin/collections/publications/${first.id}`)
      expect(digest.text).toContain(`${SERVER_URL}/admin/collections/publications/${second.id}`)
      expect(digest.text).toContain(
        `All your notifications: ${SERVER_URL}/admin/collections/notifications`,
      )
      expect(digest.from).toBe('carecast@localhost')
      const stamped = await all({ recipient: { equals: people.digestAuthor.id } })
      expect(stamped.map((row) => row.sentAt)).toEqual([
        new Date(start + 10 * MINUTE).toISOString(),
        new Date(start + 10 * MINUTE).toISOString(),
      ])
      expect(new Set(stamped.map((row) => row.digestId)).size).toBe(1)

      // Twenty minutes later another item: it waits for the hour since the last mail.
      await at(20 * MINUTE, () =>
        notifySchedulerEvent(rejected(third, people.digestAuthor.id, 'Typo.'), { payload }),
      )
      await pass(40 * MINUTE)
      expect(mails()).toHaveLength(1)
      // An hour after the first item, one more: it goes out with the waiting one once the hour since
      // the last mail is up.
      await at(65 * MINUTE, () =>
        notifySchedulerEvent(rejected(fourth, people.digestAuthor.id, 'Date.'), { payload }),
      )
      await pass(65 * MINUTE)
      expect(mails()).toHaveLength(1)
      await pass(70 * MINUTE)
      expect(mails()).toHaveLength(2)
      expect(mails()[1].text).toContain('1. Rejected: Digest post three')
      expect(mails()[1].text).toContain('2. Rejected: Digest post four')
      expect(mails()[1].text).not.toContain('Digest post one')
      await pass(3 * HOUR)
      expect(mails()).toHaveLength(2)
      clock = Math.max(clock, start + 3 * HOUR)
    })

    it('mails nothing without SMTP, and the notifications stay in the admin', async () => {
      const config = notificationsConfigOf(payload)
      const smtpNotifier = config.notifier as Notifier
      // What the plugin resolves when SMTP_URL is unset (see the minimal-config suite, which boots so).
      config.notifier = null
      try {
        await notify(payload, {
          recipients: [people.quietAuthor.id],
          kind: 'test',
          subject: 'Recorded only',
          text: 'Nothing is mailed without SMTP.',
        })
        expect((await flush()).mailed).toBe(0)
        expect(smtp.to(people.quietAuthor.email)).toHaveLength(0)
        const [record] = await all({ recipient: { equals: people.quietAuthor.id } })
        expect(record).toMatchObject({ subject: 'Recorded only', sentAt: null })
      } finally {
        config.notifier = smtpNotifier
      }
      await flush()
      expect(smtp.to(people.quietAuthor.email)).toHaveLength(1)
    })
  })

  describe('takedowns due within 24 hours', () => {
    it('tells the owner once, whether the task was made close to its due time or long before it', async () => {
      // A revocation makes a takedown by hand for print, owned by the officer who recorded it and
      // due in 24 hours: its creation notice is the "due within a day" one.
      const consent = await activeConsent(app, (await signedForm(app)).id)
      const revoke = await app.rest('PATCH', `/${slugs.consentRecords}/${consent.id}`, {
        ...tokens['consent-officer'],
        body: { revocation: { receivedAt: new Date().toISOString(), method: 'written-letter' } },
      })
      expect(revoke.status, await revoke.clone().text()).toBe(200)
      const { docs: made } = await payload.find({
        collection: slugs.consentTasks,
        where: { consentRecord: { equals: consent.id }, kind: { equals: 'takedown' } },
        depth: 0,
        overrideAccess: true,
      })
      expect(made).toHaveLength(1)
      const task = made[0] as unknown as { id: Id; dueAt: string; owner: Id; place: string }
      expect(String(task.owner)).toBe(String(people.officer.id))
      await notifyConsentEvent(
        {
          type: 'consent-task.created',
          taskId: task.id,
          kind: 'takedown',
          consentRecordId: consent.id,
          ownerId: task.owner,
          dueAt: task.dueAt,
        },
        { payload },
      )
      const created = await all({ kind: { equals: 'consent-task.takedown' } })
      expect(recipientsOf(created)).toEqual(ids(people.officer))
      expect(created[0].subject).toMatch(
        /^Takedown by hand, due \d{4}-\d\d-\d\d \d\d:\d\d UTC: print$/,
      )

      // One made two days ahead, by hand here (the cascade gives 24 hours), owned by a marketer.
      const later = (await payload.create({
        collection: slugs.consentTasks,
        data: {
          kind: 'takedown',
          consentRecord: consent.id,
          place: 'broadcast',
          instructions: 'Withdraw the radio spot',
          dueAt: new Date(Date.now() + 2 * DAY).toISOString(),
          owner: people.marketer.id,
        } as never,
        overrideAccess: true,
      })) as unknown as { id: Id }
      const dueSoon = () => all({ kind: { equals: 'consent-task.due-soon' } })

      await runNotifications(payload, { now: new Date() })
      // The first task's owner was told at creation; the second is not due within a day yet.
      expect(await dueSoon()).toHaveLength(0)
      const dayAhead = Date.now() + 25 * HOUR
      expect((await runNotifications(payload, { now: new Date(dayAhead) })).noticed).toBe(1)
      expect((await runNotifications(payload, { now: new Date(dayAhead + HOUR) })).noticed).toBe(0)
      const notices = await dueSoon()
      expect(recipientsOf(notices)).toEqual(ids(people.marketer))
      expect(notices[0]).toMatchObject({
        subject: 'Takedown due within 24 hours: broadcast',
        link: `/admin/collections/consent-tasks/${later.id}`,
        key: `consent-task-due-soon:${later.id}`,
      })
      // Done tasks are left alone.
      await payload.update({
        collection: slugs.consentTasks,
        id: later.id,
        data: { done: true } as never,
        overrideAccess: true,
      })
      expect(
        (await runNotifications(payload, { now: new Date(dayAhead + 2 * HOUR) })).noticed,
      ).toBe(0)
      clock = Math.max(clock, dayAhead + 2 * HOUR)
    })
  })

  describe('what a notification may say', () => {
    it('carries no patient name or story text, in the record or the mail, even when a title or reason has one', async () => {
      const consent = await activeConsent(app, (await signedForm(app)).id, {
        person: { legalName: 'Philippa Vantongeren', dateOfBirth: '1960-03-02' },
      })
      const story = await publishedStory(app, consent.id, {
        title: 'Philippa’s second chance',
        displayName: 'Philippa',
        narrative: lexicalFromParagraphs([
          'Philippa walks to the cardiology clinic every morning.',
        ]),
      })
      const publication = await draft(
        "Philippa's story for Heart Month",
        { collection: slugs.patientStories, id: story.id },
        people.marketer.id,
      )
      await notifySchedulerEvent(submitted(publication, people.marketer, people.marketer.id), {
        payload,
      })
      await notifySchedulerEvent(
        rejected(publication, people.marketer.id, 'Ask Philippa Vantongeren for a newer photo.'),
        { payload },
      )
      await notifySchedulerEvent(
        failed(publication, people.marketer.id, '400 The caption names Philippa Vantongeren twice'),
        { payload },
      )
      const before = smtp.messages.length
      await flush()
      const rows = await all({
        link: { equals: `/admin/collections/publications/${publication.id}` },
      })
      expect(recipientsOf(rows)).toEqual(
        ids(people.approver, people.secondApprover, people.marketer, people.marketer, people.admin),
      )
      const mails = smtp.messages.slice(before)
      // The two approvers, the author and the admin.
      expect(mails.length).toBeGreaterThanOrEqual(4)
      const said = [
        ...rows.flatMap((row) => [row.subject, row.text]),
        ...mails.flatMap((mail) => [mail.subject, mail.text, mail.raw]),
      ].join('\n')
      expect(said).toContain("[patient]'s story for Heart Month")
      expect(said).not.toMatch(/Philippa|Vantongeren|walks to the/i)
      expect(said).not.toContain('1960')
    })
  })
})
