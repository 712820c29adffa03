import type { PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  notificationsPlugin,
  notify,
  runNotifications,
  type TimedNoticeSource,
} from '../../../plugins/notifications'
import { sanitizeNotificationsOptions } from '../../../plugins/notifications/defaults'
import { type SmtpReceiver, startSmtpServer } from '../../support/smtpServer'
import { type MinimalApp, startMinimalPayload } from '../support/minimalPayload'

const PASSWORD = 'a-long-password'
const HOUR = 3_600_000

const roleOf = (req: PayloadRequest) => (req.user as { role?: string } | null)?.role

/** A host's timed notice: every note whose title says "[review]" is announced to the editors once. */
const notesToReview: TimedNoticeSource = async ({ payload }) => {
  type Row = { id: number | string }
  const notes = (
    await payload.find({
      collection: 'notes' as never,
      where: { title: { contains: '[review]' } },
      depth: 0,
    })
  ).docs as unknown as Row[]
  const editors = (
    await payload.find({
      collection: 'users' as never,
      where: { role: { equals: 'editor' } },
      depth: 0,
    })
  ).docs as unknown as Row[]
  return notes.map((note) => ({
    key: `review:${note.id}`,
    recipients: editors.map((editor) => editor.id),
    kind: 'review',
    subject: `To review: note ${note.id}`,
    text: 'A note is waiting for review.',
    link: `/admin/collections/notes/${note.id}`,
  }))
}

/**
 * The notifications plugin on a config with one `notes` collection and nothing of Carecast's: if it
 * needed a host collection, role or option it does not name, this file would not boot or pass.
 */
describe('notifications plugin on a minimal config', () => {
  let smtp: SmtpReceiver
  let app: MinimalApp
  let mailing: MinimalApp
  const ids: Record<'author' | 'editor', number | string> = { author: 0, editor: 0 }

  beforeAll(async () => {
    smtp = await startSmtpServer()
    // No SMTP: notifications are recorded and nothing is mailed.
    app = await startMinimalPayload('plugin_notifications', [
      notificationsPlugin({
        canReadAll: (req) => roleOf(req) === 'editor',
        timedNotices: [notesToReview],
      }),
    ])
    for (const [name, role] of [
      ['author', 'author'],
      ['editor', 'editor'],
    ] as const)
      ids[name] = (
        (await app.payload.create({
          collection: 'users' as never,
          data: { email: `${name}@example.test`, password: PASSWORD, role } as never,
        })) as unknown as { id: number | string }
      ).id
  })
  afterAll(async () => {
    await app?.close()
    await mailing?.close()
    await smtp?.close()
  })

  it('adds its one collection, related to the users collection it is given', () => {
    const slugs = app.payload.config.collections
      .map((collection) => collection.slug)
      .filter((slug) => !slug.startsWith('payload-'))
    expect(slugs.sort()).toEqual(['notes', 'notifications', 'users'])
    const collection = app.payload.collections.notifications.config
    const recipient = collection.fields.find(
      (field) => 'name' in field && field.name === 'recipient',
    ) as { relationTo?: unknown }
    expect(recipient.relationTo).toBe('users')
  })

  it('records notifications each recipient reads alone, whoever canReadAll allows reads all, and nobody creates one', async () => {
    await notify(app.payload, {
      recipients: [ids.author, ids.author, null, ids.editor],
      kind: 'note.published',
      subject: 'A note went out',
      text: 'It is on the site.',
      link: '/admin/collections/notes/1',
    })
    const author = await app.login('author@example.test', PASSWORD)
    const editor = await app.login('editor@example.test', PASSWORD)
    const read = async (token: string) =>
      (await (await app.rest('GET', '/notifications?depth=0', { token })).json()) as {
        docs: { recipient: number | string; subject: string }[]
      }
    const own = await read(author)
    expect(own.docs.map((doc) => String(doc.recipient))).toEqual([String(ids.author)])
    expect((await read(editor)).docs).toHaveLength(2)
    const forged = await app.rest('POST', '/notifications', {
      token: editor,
      body: { recipient: ids.author, kind: 'x', subject: 'x', text: 'x' },
    })
    expect(forged.status).toBe(403)
  })

  it('mails nothing without SMTP and keeps every record unmailed', async () => {
    const result = await runNotifications(app.payload, { now: new Date(Date.now() + HOUR) })
    expect(result).toMatchObject({ mailed: 0 })
    expect(smtp.messages).toHaveLength(0)
    const { docs } = await app.payload.find({ collection: 'notifications' as never, depth: 0 })
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((doc) => (doc as { sentAt?: unknown }).sentAt == null)).toBe(true)
  })

  it('records a host’s timed notice once, however many passes see it', async () => {
    await app.payload.create({
      collection: 'notes' as never,
      data: { title: 'Opening hours [review]', slug: 'hours', _status: 'published' } as never,
    })
    const now = new Date(Date.now() + 2 * HOUR)
    expect((await runNotifications(app.payload, { now })).noticed).toBe(1)
    expect((await runNotifications(app.payload, { now })).noticed).toBe(0)
    const { docs } = await app.payload.find({
      collection: 'notifications' as never,
      where: { kind: { equals: 'review' } },
      depth: 0,
    })
    expect(docs.map((doc) => String((doc as { recipient: unknown }).recipient))).toEqual([
      String(ids.editor),
    ])
  })

  it('with an SMTP URL, mails each person one plain-text digest with absolute links', async () => {
    mailing = await startMinimalPayload('plugin_notifications_smtp', [
      notificationsPlugin({
        smtpUrl: smtp.url,
        from: 'Notes <notes@example.test>',
        serverURL: 'https://notes.example.test/',
      }),
    ])
    const reader = (await mailing.payload.create({
      collection: 'users' as never,
      data: { email: 'reader@example.test', password: PASSWORD } as never,
    })) as unknown as { id: number | string }
    const at = new Date()
    for (const n of [1, 2])
      await notify(
        mailing.payload,
        {
          recipients: [reader.id],
          kind: 'note',
          subject: `Note ${n}`,
          text: `Line ${n}`,
          link: `/admin/collections/notes/${n}`,
        },
        { now: at },
      )
    const later = new Date(at.getTime() + 10 * 60_000)
    expect((await runNotifications(mailing.payload, { now: later })).mailed).toBe(1)
    expect((await runNotifications(mailing.payload, { now: later })).mailed).toBe(0)
    const [mail] = smtp.to('reader@example.test')
    expect(mail.from).toBe('notes@example.test')
    expect(mail.subject).toBe('2 new notifications')
    expect(mail.text).toContain('1. Note 1\n   Line 1\n')
    expect(mail.text).toContain('https://notes.example.test/admin/collections/notes/2')
    expect(mail.raw).toMatch(/Content-Type: text\/plain/i)
  })

  it('refuses an SMTP URL that is not one, without repeating it', () => {
    expect(() => sanitizeNotificationsOptions({ smtpUrl: 'http://user:secret@mail' })).toThrow(
      /^notificationsPlugin: smtpUrl must start with smtp:\/\/ or smtps:\/\/, not http:\/\/\.$/,
    )
    expect(() => sanitizeNotificationsOptions({ smtpUrl: 'not a url secret' })).toThrow(
      /^notificationsPlugin: smtpUrl is not a URL/,
    )
  })
})
