import { randomBytes } from 'node:crypto'

import type { CollectionSlug, Field, PayloadRequest } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import {
  type ChannelAccount,
  type ChannelAdapter,
  type ChannelPost,
  DispatchWorker,
  schedulerConfigOf,
  schedulerPlugin,
} from '../../../plugins/scheduler'
import { expectCleanError } from '../../support/expectCleanError'
import { type MinimalApp, startMinimalPayload } from '../support/minimalPayload'

// The scheduler stores account secrets encrypted with this key (an env variable, as in production).
process.env.CARECAST_SECRETS_KEY = randomBytes(32).toString('hex')
const HOUR = 3_600_000
const PASSWORD = 'a-long-password'

/** A webhook adapter that sends nothing: it records what it was asked to post, and answers with an id. */
const recordingAdapter = () => {
  const sent: { post: ChannelPost; account: ChannelAccount }[] = []
  const adapter: ChannelAdapter = {
    channel: 'webhook',
    canDelete: false,
    async publish(post, account) {
      sent.push({ post, account })
      return {
        ok: true,
        remoteId: `hook-${sent.length}`,
        remoteUrl: `https://hooks.example.test/posts/${sent.length}`,
        status: 200,
      }
    },
  }
  return { adapter, sent }
}

const roleOf = (req: PayloadRequest) => (req.user as { role?: string } | null)?.role

/**
 * The scheduler on a config with one `notes` collection and nothing of Carecast's: if it needed
 * a host collection, field, hook or option it does not name, this file would not boot or pass.
 */
describe('scheduler plugin on a minimal config', () => {
  let app: MinimalApp
  const webhook = recordingAdapter()
  const tokens: Record<'author' | 'editor' | 'secondEditor', string> = {
    author: '',
    editor: '',
    secondEditor: '',
  }
  const ids: Record<'editor' | 'secondEditor' | 'account', number | string> = {
    editor: 0,
    secondEditor: 0,
    account: 0,
  }

  type Doc = Record<string, unknown> & { id: number }
  const create = async (collection: string, data: Record<string, unknown>) =>
    (await app.payload.create({
      collection: collection as never,
      data: data as never,
    })) as unknown as Doc

  beforeAll(async () => {
    app = await startMinimalPayload('plugin_scheduler', [
      schedulerPlugin({
        collections: ['notes' as CollectionSlug],
        // A host without uploads: the outbox then has no media field.
        mediaCollections: [],
        canAuthor: (req) => roleOf(req) === 'author' || roleOf(req) === 'editor',
        canApprove: (req) => roleOf(req) === 'editor',
        canRead: (req) => Boolean(roleOf(req)),
        channels: { webhook: webhook.adapter },
        serializeDocument: ({ collection, doc }) => ({
          type: collection,
          slug: doc.slug,
          title: doc.title,
        }),
        guards: [
          ({ document }) =>
            String(document.title).includes('[embargoed]')
              ? {
                  ok: false,
                  reason: 'title: this note is under embargo until the press release',
                  field: 'title',
                }
              : { ok: true },
        ],
      }),
    ])
    // The slugs are this config's, not the generated (Carecast) types': documents are plain records here.
    for (const [name, role] of [
      ['author', 'author'],
      ['editor', 'editor'],
      ['secondEditor', 'editor'],
    ] as const) {
      const user = await create('users', {
        email: `${name}@example.test`,
        password: PASSWORD,
        role,
      })
      if (name !== 'author') ids[name] = user.id
      tokens[name] = await app.login(`${name}@example.test`, PASSWORD)
    }
    ids.account = (
      await create('channel-accounts', {
        name: 'Partner webhook',
        channel: 'webhook',
        url: 'https://hooks.example.test/in',
        // An account without the secret its channel signs with can't be chosen for a post.
        secret: `whsec_${Buffer.from('partner-signing-key').toString('base64')}`,
      })
    ).id
  })
  afterAll(async () => {
    await app?.close()
  })

  beforeEach(() => {
    webhook.sent.length = 0
  })

  let noteCount = 0
  const publishedNote = async (title: string) =>
    create('notes', { title, slug: `note-${++noteCount}`, _status: 'published' })

  /** A publication of a note, written and sent for approval by the first editor. */
  const submitted = async (noteId: number | string, dueAt = new Date(Date.now() + HOUR)) => {
    const created = await app.rest('POST', '/publications', {
      token: tokens.editor,
      body: {
        document: { relationTo: 'notes', value: noteId },
        channelAccount: ids.account,
        dueAt: dueAt.toISOString(),
        timeZone: 'UTC',
        text: 'Clinic hours change next week',
      },
    })
    const body = (await created.json()) as { doc: { id: number; state: string } }
    expect(created.status, JSON.stringify(body)).toBe(201)
    expect(body.doc.state).toBe('draft')
    const submit = await act(body.doc.id, 'submit', tokens.editor)
    expect(submit.status, await submit.clone().text()).toBe(200)
    return body.doc.id
  }
  const act = (id: number | string, action: string, token: string) =>
    app.rest('POST', `/publications/${id}/${action}`, { token, body: {} })
  const row = async (id: number | string) =>
    (await app.payload.findByID({
      collection: 'publications' as never,
      id,
      depth: 0,
    })) as unknown as Record<string, unknown>
  /** A worker whose clock is two hours ahead, so a row due in an hour is due. */
  const worker = () =>
    new DispatchWorker(app.payload, schedulerConfigOf(app.payload), {
      now: () => new Date(Date.now() + 2 * HOUR),
      random: () => 0.5,
    })

  it('adds its outbox, channel accounts, control global and endpoints to a config that has none of the host’s', async () => {
    const slugs = app.payload.config.collections
      .map((collection) => collection.slug)
      .filter((slug) => !slug.startsWith('payload-'))
    expect(slugs.sort()).toEqual([
      'channel-accounts',
      'metric-budgets',
      'metric-days',
      'metric-snapshots',
      'metric-watches',
      'notes',
      'publications',
      'users',
    ])
    expect(app.payload.config.globals.map((global) => global.slug)).toEqual(['scheduler-control'])
    expect(
      app.payload.config.endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`),
    ).toEqual(
      expect.arrayContaining([
        'post /scheduler/pause',
        'post /scheduler/resume',
        'get /scheduler/status',
      ]),
    )
    // The document relation names exactly the collections given, not Carecast's.
    const outbox = (
      app.payload.collections as unknown as Record<string, { config: { fields: Field[] } }>
    ).publications
    const document = outbox.config.fields.find(
      (field) => 'name' in field && field.name === 'document',
    ) as { relationTo?: unknown }
    expect(document.relationTo).toEqual(['notes'])
    // And the endpoints run against the tables drizzle made from this config.
    const status = await app.rest('GET', '/scheduler/status', { token: tokens.editor })
    expect(status.status, await status.clone().text()).toBe(200)
    expect(await status.json()).toMatchObject({ paused: false, oldestDueLagMs: null })
    expect((await app.rest('GET', '/scheduler/status')).status).toBe(401)
  })

  it('takes a note from draft through approval to published, sent exactly once through the configured adapter', async () => {
    const note = await publishedNote('New clinic hours')
    const id = await submitted(note.id)
    expect((await row(id)).state).toBe('awaiting-approval')

    // Someone who may only author can't approve; an approver can't approve what they sent.
    await expectCleanError(await act(id, 'approve', tokens.author), {
      status: 400,
      field: 'state',
      problem: /may not move/,
    })
    await expectCleanError(await act(id, 'approve', tokens.editor), {
      status: 400,
      field: 'state',
      problem: /another approver must/,
    })
    expect((await row(id)).state).toBe('awaiting-approval')
    const approved = await act(id, 'approve', tokens.secondEditor)
    expect(approved.status, await approved.clone().text()).toBe(200)
    expect(await row(id)).toMatchObject({
      state: 'scheduled',
      approvedBy: ids.secondEditor,
      submittedBy: ids.editor,
    })

    const dispatcher = worker()
    expect(await dispatcher.runOnce()).toBe(1)
    expect(await dispatcher.runOnce()).toBe(0)
    expect(webhook.sent).toHaveLength(1)
    const [{ post, account }] = webhook.sent
    expect(post).toMatchObject({
      publicationId: String(id),
      text: 'Clinic hours change next week',
      document: { type: 'notes', slug: note.slug, title: 'New clinic hours' },
    })
    expect(post.idempotencyKey).toMatch(new RegExp(`^notes:${note.id}:webhook-${ids.account}:`))
    expect(account.url).toBe('https://hooks.example.test/in')
    expect(await row(id)).toMatchObject({
      state: 'published',
      remoteId: 'hook-1',
      remoteUrl: 'https://hooks.example.test/posts/1',
    })
  })

  it('refuses approval with the guard’s reason, and saves nothing', async () => {
    const note = await publishedNote('Merger news [embargoed]')
    const id = await submitted(note.id)
    await expectCleanError(await act(id, 'approve', tokens.secondEditor), {
      status: 400,
      field: 'title',
      problem: /under embargo until the press release/,
    })
    expect(await row(id)).toMatchObject({
      state: 'awaiting-approval',
      approvedBy: null,
      approvedAt: null,
    })
    expect(await worker().runOnce()).toBe(0)
    expect(webhook.sent).toHaveLength(0)
  })

  it('claims nothing while paused, and the held row goes out once resumed', async () => {
    const note = await publishedNote('Flu shots')
    const id = await submitted(note.id)
    expect((await act(id, 'approve', tokens.secondEditor)).status).toBe(200)

    const pause = await app.rest('POST', '/scheduler/pause', {
      token: tokens.secondEditor,
      body: { reason: 'storm closure' },
    })
    expect(pause.status, await pause.clone().text()).toBe(200)
    // Pausing is an operator's switch; an author can't flip it.
    expect(
      (await app.rest('POST', '/scheduler/resume', { token: tokens.author, body: {} })).status,
    ).toBe(403)
    const dispatcher = worker()
    expect(await dispatcher.runOnce()).toBe(0)
    expect(webhook.sent).toHaveLength(0)
    expect((await row(id)).state).toBe('scheduled')

    expect(
      (await app.rest('POST', '/scheduler/resume', { token: tokens.secondEditor, body: {} }))
        .status,
    ).toBe(200)
    expect(await dispatcher.runOnce()).toBe(1)
    expect(webhook.sent.map((entry) => entry.post.publicationId)).toEqual([String(id)])
    expect((await row(id)).state).toBe('published')
  })
})
