import { randomBytes } from 'node:crypto'

import type { CollectionConfig, CollectionSlug, Field, PayloadRequest } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import {
  consentConfigOf,
  consentGuards,
  consentPlugin,
  type ConsentPluginOptions,
  type ConsentView,
  runConsentSweep,
} from '../../../plugins/consent'
import { deliveryPlugin } from '../../../plugins/delivery'
import {
  type ChannelAdapter,
  DispatchWorker,
  schedulerConfigOf,
  schedulerPlugin,
} from '../../../plugins/scheduler'
import { expectCleanError } from '../../support/expectCleanError'
import { type MinimalApp, notes, startMinimalPayload } from '../support/minimalPayload'

// The scheduler stores account secrets encrypted with this key (an env variable, as in production).
process.env.CARECAST_SECRETS_KEY = randomBytes(32).toString('hex')
const HOUR = 3_600_000
const DAY = 24 * HOUR
const PASSWORD = 'a-long-password'

const roleOf = (req: PayloadRequest) => (req.user as { role?: string } | null)?.role
/** Who records permissions and revocations, reads takedown reports and works consent tasks. */
const canManage = (req: PayloadRequest) => roleOf(req) === 'editor'

/**
 * This config's own consent collection, nothing like Carecast's consent records: a flat
 * permission with a plain status, no form, signer or patient.
 */
const permissions: CollectionConfig = {
  slug: 'permissions',
  access: {
    read: ({ req }) => Boolean(req.user),
    create: ({ req }) => canManage(req),
    update: ({ req }) => canManage(req),
    delete: () => false,
  },
  fields: [
    { name: 'reference', type: 'text', required: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      options: ['active', 'revoked'],
      defaultValue: 'active',
    },
    { name: 'channels', type: 'select', hasMany: true, options: ['web', 'x', 'print'] },
    { name: 'uses', type: 'select', hasMany: true, options: ['name', 'photo', 'quote'] },
    { name: 'purposes', type: 'select', hasMany: true, options: ['newsletter', 'fundraising'] },
    { name: 'expiresOn', type: 'date' },
    { name: 'revokedAt', type: 'date' },
  ],
}

/** The minimal config's `notes`, with the permission a note relies on and the uses it makes of it. */
const notesWithPermission: CollectionConfig = {
  ...notes,
  fields: [
    ...notes.fields,
    { name: 'permission', type: 'relationship', relationTo: 'permissions' as CollectionSlug },
    { name: 'uses', type: 'select', hasMany: true, options: ['name', 'photo', 'quote'] },
  ],
}

const idOf = (value: unknown) =>
  (typeof value === 'object' && value
    ? (value as { id: number | string }).id
    : (value as number | string | null | undefined)) ?? null
const dateOf = (value: unknown) => (value ? new Date(value as string) : null)

/** The plugin's options, read from this config's own collections: the contract a host writes. */
const consentOptions: ConsentPluginOptions = {
  consentRecordsSlug: 'permissions' as CollectionSlug,
  readConsent: (doc): ConsentView => ({
    reference: String(doc.reference),
    status: String(doc.status),
    missingElements: [],
    usesAllowed: (doc.uses as string[] | undefined) ?? [],
    channelsAllowed: (doc.channels as string[] | undefined) ?? [],
    purposes: (doc.purposes as string[] | undefined) ?? [],
    expiresOn: dateOf(doc.expiresOn),
    signerType: null,
    patientDateOfBirth: null,
    revokedAt: dateOf(doc.revokedAt),
  }),
  recordColumns: { expiresOn: 'expires_on', revokedAt: 'revoked_at' },
  publicationsSlug: 'publications' as CollectionSlug,
  deliveryItemsSlug: 'delivery-items' as CollectionSlug,
  usersCollection: 'users' as CollectionSlug,
  reliance: async ({ collection, doc }) => ({
    reliances:
      collection === 'notes' && doc.permission
        ? [
            {
              consentRecordId: idOf(doc.permission),
              uses: (doc.uses as string[] | undefined) ?? [],
              what: `note "${String(doc.title)}"`,
            },
          ]
        : [],
    purpose: 'newsletter',
  }),
  relyingDocuments: async (consentRecordId, { payload, req }) => {
    const { docs } = await payload.find({
      collection: 'notes' as CollectionSlug,
      where: { permission: { equals: consentRecordId } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      ...(req ? { req } : {}),
    })
    return docs.map((doc) => ({ collection: 'notes', id: doc.id }))
  },
  accessibility: async () => ({ languages: [], videos: [], images: [] }),
  canManage,
}

/** An adapter that sends nothing: it records what it was asked to post and to delete. */
const recordingAdapter = (channel: string, canDelete: boolean) => {
  const sent: string[] = []
  const removed: string[] = []
  const adapter: ChannelAdapter = {
    channel,
    canDelete,
    async publish(post) {
      sent.push(post.publicationId)
      return { ok: true, remoteId: `${channel}-${sent.length}`, status: 200 }
    },
    ...(canDelete
      ? {
          async remove(remoteId: string) {
            removed.push(remoteId)
            return { ok: true as const, remoteId, status: 200 }
          },
        }
      : {}),
  }
  return { adapter, sent, removed }
}

/**
 * The consent plugin with the scheduler and delivery on a config with `users`, `notes` and a
 * `permissions` collection of its own — none of Carecast's consent records, stories or media.
 * If the plugin read a field, column, slug or vocabulary of Carecast's, this would not pass.
 */
describe('consent plugin on a minimal config', () => {
  let app: MinimalApp
  const webhook = recordingAdapter('webhook', true)
  // X's API can delete; here it stands in for a network whose API can't (Instagram needs an
  // image, and this config has no upload collection).
  const x = recordingAdapter('x', false)
  const tokens: Record<'author' | 'editor' | 'secondEditor', string> = {
    author: '',
    editor: '',
    secondEditor: '',
  }
  const accounts: Record<'webhook' | 'x', number> = { webhook: 0, x: 0 }

  type Doc = Record<string, unknown> & { id: number }
  const create = async (collection: string, data: Record<string, unknown>) =>
    (await app.payload.create({
      collection: collection as never,
      data: data as never,
    })) as unknown as Doc
  const find = async (collection: string, where: Record<string, unknown>) =>
    (
      await app.payload.find({
        collection: collection as never,
        where: where as never,
        depth: 0,
        pagination: false,
      })
    ).docs as unknown as Doc[]
  const row = async (id: number) =>
    (await app.payload.findByID({
      collection: 'publications' as never,
      id,
      depth: 0,
    })) as unknown as Doc

  beforeAll(async () => {
    app = await startMinimalPayload(
      'plugin_consent',
      [
        schedulerPlugin({
          collections: ['notes' as CollectionSlug],
          mediaCollections: [],
          canAuthor: (req) => roleOf(req) === 'author' || roleOf(req) === 'editor',
          canApprove: (req) => roleOf(req) === 'editor',
          canRead: (req) => Boolean(roleOf(req)),
          channels: { webhook: webhook.adapter, x: x.adapter },
          serializeDocument: ({ collection, doc }) => ({
            type: collection,
            slug: doc.slug,
            title: doc.title,
          }),
          guards: consentGuards(consentOptions),
        }),
        deliveryPlugin(),
        consentPlugin(consentOptions),
      ],
      // The consent plugin needs a consent collection of the host's (it names it by slug), and a
      // document that relies on it: here a field on notes.
      { collections: [notesWithPermission, permissions] },
    )
    for (const [name, role] of [
      ['author', 'author'],
      ['editor', 'editor'],
      ['secondEditor', 'editor'],
    ] as const) {
      await create('users', { email: `${name}@example.test`, password: PASSWORD, role })
      tokens[name] = await app.login(`${name}@example.test`, PASSWORD)
    }
    accounts.webhook = (
      await create('channel-accounts', {
        name: 'Partner webhook',
        channel: 'webhook',
        url: 'https://hooks.example.test/in',
        // An account without the secret its channel needs can't be chosen for a post.
        secret: `whsec_${Buffer.from('partner-signing-key').toString('base64')}`,
      })
    ).id
    accounts.x = (
      await create('channel-accounts', {
        name: 'Clinic on X',
        channel: 'x',
        accessToken: 'clinic-x-token',
      })
    ).id
  })
  afterAll(async () => {
    await app?.close()
  })

  beforeEach(() => {
    for (const adapter of [webhook, x]) adapter.sent.length = adapter.removed.length = 0
  })

  let count = 0
  const permission = (data: Record<string, unknown> = {}) =>
    create('permissions', {
      reference: `P-${++count}`,
      status: 'active',
      channels: ['web', 'x'],
      uses: ['name', 'quote'],
      purposes: ['newsletter'],
      ...data,
    })
  const noteRelyingOn = (permissionId: number, uses = ['name']) =>
    create('notes', {
      title: `Note ${++count}`,
      slug: `note-${count}`,
      _status: 'published',
      permission: permissionId,
      uses,
    })

  const act = (id: number, action: string, token: string) =>
    app.rest('POST', `/publications/${id}/${action}`, { token, body: {} })
  /** A publication of a note, written and sent for approval by one editor (approved by the other). */
  const submitted = async (
    noteId: number,
    account: number,
    dueAt = new Date(Date.now() + HOUR),
  ) => {
    const created = await app.rest('POST', '/publications', {
      token: tokens.editor,
      body: {
        document: { relationTo: 'notes', value: noteId },
        channelAccount: account,
        dueAt: dueAt.toISOString(),
        timeZone: 'UTC',
        text: 'Read our newsletter',
      },
    })
    const body = (await created.json()) as { doc: { id: number } }
    expect(created.status, JSON.stringify(body)).toBe(201)
    const submit = await act(body.doc.id, 'submit', tokens.editor)
    expect(submit.status, await submit.clone().text()).toBe(200)
    return body.doc.id
  }
  const approved = async (noteId: number, account: number, dueAt?: Date) => {
    const id = await submitted(noteId, account, dueAt)
    const response = await act(id, 'approve', tokens.secondEditor)
    expect(response.status, await response.clone().text()).toBe(200)
    return id
  }
  /** A worker whose clock is two hours ahead, so a row due in an hour is due. */
  const worker = () =>
    new DispatchWorker(app.payload, schedulerConfigOf(app.payload), {
      now: () => new Date(Date.now() + 2 * HOUR),
      random: () => 0.5,
    })
  const tasksOf = (permissionId: number) =>
    find('consent-tasks', { consentRecord: { equals: permissionId } })

  it('adds its tasks collection, the takedown-report endpoint, and its fields to the host’s consent collection and to publications', async () => {
    const slugs = app.payload.config.collections
      .map((collection) => collection.slug)
      .filter((slug) => !slug.startsWith('payload-'))
    expect(slugs.sort()).toEqual([
      'channel-accounts',
      'consent-tasks',
      'delivery-items',
      'metric-budgets',
      'metric-days',
      'metric-snapshots',
      'metric-watches',
      'notes',
      'permissions',
      'publications',
      'users',
    ])
    const configOf = (slug: string) =>
      app.payload.config.collections.find((collection) => collection.slug === slug)!
    const names = (fields: Field[]) =>
      fields.flatMap((field) => ('name' in field ? [field.name] : []))
    expect(names(configOf('permissions').fields)).toEqual(
      expect.arrayContaining(['takedownDoneAt', 'renewalWarnedAt']),
    )
    const reliesOn = configOf('publications').fields.find(
      (field) => 'name' in field && field.name === 'reliesOnConsent',
    ) as { relationTo?: unknown } | undefined
    expect(reliesOn?.relationTo).toBe('permissions')
    const tasks = configOf('consent-tasks').fields as (Field & {
      name: string
      relationTo?: unknown
    })[]
    expect(
      Object.fromEntries(
        tasks.filter((field) => field.relationTo).map((field) => [field.name, field.relationTo]),
      ),
    ).toEqual({
      consentRecord: 'permissions',
      publication: 'publications',
      owner: 'users',
      doneBy: 'users',
    })

    // The endpoint runs on this config's tables, for whom `canManage` accepts only.
    const granted = await permission()
    const report = await app.rest('GET', `/permissions/${granted.id}/takedown-report`, {
      token: tokens.editor,
    })
    expect(report.status, await report.clone().text()).toBe(200)
    expect(await report.json()).toMatchObject({
      consentRecord: { id: granted.id, reference: granted.reference, status: 'active' },
      publications: [],
      manualTasks: [],
    })
    expect(
      (
        await app.rest('GET', `/permissions/${granted.id}/takedown-report`, {
          token: tokens.author,
        })
      ).status,
    ).toBe(403)
  })

  it('refuses approval of a note whose permission does not allow the channel, naming the rule, and allows it once it does', async () => {
    const narrow = await permission({ channels: ['x'] })
    const note = await noteRelyingOn(narrow.id)
    const id = await submitted(note.id, accounts.webhook)
    // Webhooks are the web's channel in consent terms (the plugin's default mapping).
    await expectCleanError(await act(id, 'approve', tokens.secondEditor), {
      status: 400,
      field: 'channelAccount',
      problem: new RegExp(
        `consent record ${narrow.reference} \\(for note "${note.title}"\\) does not allow the web channel`,
      ),
    })
    expect(await row(id)).toMatchObject({ state: 'awaiting-approval', approvedBy: null })

    // A use the permission doesn't cover is refused too, on its own rule.
    const quoted = await noteRelyingOn(narrow.id, ['photo'])
    const onX = await submitted(quoted.id, accounts.x)
    await expectCleanError(await act(onX, 'approve', tokens.secondEditor), {
      status: 400,
      field: 'document',
      problem: /does not allow "photo", which the content uses/,
    })

    const widened = await app.rest('PATCH', `/permissions/${narrow.id}`, {
      token: tokens.editor,
      body: { channels: ['x', 'web'] },
    })
    expect(widened.status, await widened.clone().text()).toBe(200)
    const approval = await act(id, 'approve', tokens.secondEditor)
    expect(approval.status, await approval.clone().text()).toBe(200)
    expect(await row(id)).toMatchObject({ state: 'scheduled', reliesOnConsent: [narrow.id] })
    // And the dispatch-time gate lets it out.
    expect(await worker().runOnce()).toBe(1)
    expect(webhook.sent).toEqual([String(id)])
    expect((await row(id)).state).toBe('published')
  })

  it('a revocation cancels what is pending, queues the live webhook post for deletion, and lists the post no API can delete', async () => {
    const granted = await permission({ channels: ['web', 'x'] })
    const note = await noteRelyingOn(granted.id)
    const liveOnWebhook = await approved(note.id, accounts.webhook)
    const liveOnX = await approved(note.id, accounts.x)
    const pending = await approved(note.id, accounts.webhook, new Date(Date.now() + 3 * DAY))
    const dispatcher = worker()
    expect(await dispatcher.runOnce()).toBe(2)
    expect(await row(liveOnWebhook)).toMatchObject({ state: 'published', remoteId: 'webhook-1' })
    expect(await row(liveOnX)).toMatchObject({ state: 'published', remoteId: 'x-1' })

    // Only someone `canManage` accepts may record it (this collection's own access, same check).
    expect(
      (
        await app.rest('PATCH', `/permissions/${granted.id}`, {
          token: tokens.author,
          body: { status: 'revoked', revokedAt: new Date().toISOString() },
        })
      ).status,
    ).toBe(403)
    expect((await row(pending)).state).toBe('scheduled')
    const revoked = await app.rest('PATCH', `/permissions/${granted.id}`, {
      token: tokens.editor,
      body: { status: 'revoked', revokedAt: new Date().toISOString() },
    })
    expect(revoked.status, await revoked.clone().text()).toBe(200)
    expect(
      ((await revoked.json()) as { doc: { takedownDoneAt?: string } }).doc.takedownDoneAt,
    ).toBeTruthy()

    expect(await row(pending)).toMatchObject({
      state: 'cancelled',
      cancelReason: `consent revoked (${granted.reference})`,
    })
    expect((await row(liveOnWebhook)).state).toBe('retracting')
    // The network that can't delete keeps its post live, and a person gets the task.
    expect((await row(liveOnX)).state).toBe('published')
    const tasks = await tasksOf(granted.id)
    expect(tasks).toHaveLength(1)
    expect(tasks[0]).toMatchObject({
      kind: 'takedown',
      publication: liveOnX,
      place: 'x post x-1',
      done: false,
    })

    expect(webhook.removed).toEqual([])
    expect(await dispatcher.runOnce()).toBe(1)
    expect(await dispatcher.runOnce()).toBe(0)
    expect(webhook.removed).toEqual(['webhook-1'])
    expect((await row(liveOnWebhook)).state).toBe('retracted')

    const report = (await (
      await app.rest('GET', `/permissions/${granted.id}/takedown-report`, { token: tokens.editor })
    ).json()) as { publications: { id: number; state: string; stillLive: boolean }[] }
    expect(
      Object.fromEntries(
        report.publications.map((entry) => [entry.id, [entry.state, entry.stillLive]]),
      ),
    ).toEqual({
      [liveOnWebhook]: ['retracted', false],
      [liveOnX]: ['published', true],
      [pending]: ['cancelled', false],
    })
  })

  it('the expiry sweep takes down what relies on an expired permission after its last day, once', async () => {
    const lastDay = new Date(Date.now() + 10 * DAY)
    lastDay.setUTCHours(12, 0, 0, 0)
    const expiring = await permission({ expiresOn: lastDay.toISOString() })
    const note = await noteRelyingOn(expiring.id)
    const live = await approved(note.id, accounts.webhook)
    expect(await worker().runOnce()).toBe(1)
    expect((await row(live)).state).toBe('published')

    const config = consentConfigOf(app.payload)
    // Still in force through the whole of its last day: a warning, no takedown.
    const lateOnLastDay = new Date(lastDay)
    lateOnLastDay.setUTCHours(23, 59, 0, 0)
    expect(await runConsentSweep(app.payload, config, lateOnLastDay)).toEqual({
      expired: 0,
      warned: 1,
    })
    expect((await row(live)).state).toBe('published')
    expect((await tasksOf(expiring.id)).map((task) => task.kind)).toEqual(['renewal'])

    // Just past midnight UTC after it: over (a rule of "expiry + 24 h" would hold it till noon).
    const dayAfter = new Date(lateOnLastDay.getTime() + 2 * 60_000)
    expect(await runConsentSweep(app.payload, config, dayAfter)).toEqual({ expired: 1, warned: 0 })
    expect(await row(live)).toMatchObject({
      state: 'retracting',
      cancelReason: `consent expired (${expiring.reference})`,
    })
    expect(await runConsentSweep(app.payload, config, new Date(dayAfter.getTime() + DAY))).toEqual({
      expired: 0,
      warned: 0,
    })
    const consentEntries = ((await row(live)).attemptLog as { kind: string }[]).filter(
      (entry) => entry.kind === 'consent',
    )
    expect(consentEntries).toHaveLength(1)

    expect(await worker().runOnce()).toBe(1)
    expect(webhook.removed).toEqual(['webhook-1'])
    expect((await row(live)).state).toBe('retracted')
  })
})
