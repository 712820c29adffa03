import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../src/slugs'
import { credentialsFor } from '../support/credentials'
import { expectCleanError } from '../support/expectCleanError'
import {
  replies,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/networks/webhookReceiver'
import {
  channelAccount,
  makeUser,
  publication,
  publishedCampaign,
  scheduledPublication,
  TEST_SECRETS_KEY,
  testWorker,
  userByRole,
} from '../support/schedulerFixtures'
import { login, startTestApp, type TestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

const HOUR = 3_600_000

describe('publications outbox', () => {
  let app: TestApp
  let receiver: WebhookReceiver
  let tokens: Awaited<ReturnType<typeof credentialsFor>>
  let secondApprover: string
  let campaignId: number | string
  let webhookId: number | string

  beforeAll(async () => {
    app = await startTestApp('outbox')
    tokens = await credentialsFor(app)
    await makeUser(app, 'approver', 'approver2@carecast.test')
    secondApprover = await login(app, 'approver2@carecast.test', 'a-long-password')
    receiver = await startWebhookReceiver()
    campaignId = (await publishedCampaign(app, 'Heart Month')).id
    webhookId = (
      await channelAccount(app, { channel: 'webhook', url: receiver.url, secret: receiver.secret })
    ).id
  })
  afterAll(async () => {
    await receiver?.close()
    await app?.close()
  })

  const draft = async (token: string, data: Record<string, unknown> = {}) => {
    const response = await app.rest('POST', `/${slugs.publications}`, {
      token,
      body: {
        document: { relationTo: slugs.campaigns, value: campaignId },
        channelAccount: webhookId,
        dueAt: new Date(Date.now() + HOUR).toISOString(),
        timeZone: 'America/New_York',
        text: 'Free heart screenings',
        ...data,
      },
    })
    const body = (await response.json()) as { doc: { id: number; state: string } }
    expect(response.status, JSON.stringify(body)).toBe(201)
    return body.doc
  }
  const act = (id: number | string, action: string, token: string, body: unknown = {}) =>
    app.rest('POST', `/${slugs.publications}/${id}/${action}`, { token, body })

  describe('approval', () => {
    it('goes draft → awaiting-approval → scheduled, stamped with who did what', async () => {
      const doc = await draft(tokens.marketer.token!)
      expect(doc.state).toBe('draft')
      expect((await act(doc.id, 'submit', tokens.marketer.token!)).status).toBe(200)
      const approved = await act(doc.id, 'approve', tokens.approver.token!)
      expect(approved.status, await approved.clone().text()).toBe(200)
      const row = await publication(app, doc.id)
      expect(row.state).toBe('scheduled')
      expect(row.approvedBy).toBe((await userByRole(app, 'approver')).id)
      expect(row.submittedBy).toBe((await userByRole(app, 'marketer')).id)
      expect(String(row.idempotencyKey)).toMatch(
        new RegExp(`^campaigns:${campaignId}:webhook-${webhookId}:\\d{4}-`),
      )
    })

    it('refuses approval by a marketer, and by the approver who wrote or sent it', async () => {
      const doc = await draft(tokens.marketer.token!)
      await act(doc.id, 'submit', tokens.marketer.token!)
      await expectCleanError(await act(doc.id, 'approve', tokens.marketer.token!), {
        status: 400,
        field: 'state',
        problem: /may not move/,
      })

      const own = await draft(tokens.admin.token!)
      await act(own.id, 'submit', tokens.admin.token!)
      await expectCleanError(await act(own.id, 'approve', tokens.admin.token!), {
        status: 400,
        field: 'state',
        problem: /another approver must/,
      })
      expect((await act(own.id, 'approve', secondApprover)).status).toBe(200)
      expect((await publication(app, own.id)).state).toBe('scheduled')
    })

    it('needs a reason to reject, and sends the row back to draft with it', async () => {
      const doc = await draft(tokens.marketer.token!)
      await act(doc.id, 'submit', tokens.marketer.token!)
      await expectCleanError(await act(doc.id, 'reject', tokens.approver.token!), {
        status: 400,
        field: 'reason',
        problem: /say why/,
      })
      expect(
        (await act(doc.id, 'reject', tokens.approver.token!, { reason: 'Wrong date' })).status,
      ).toBe(200)
      const row = await publication(app, doc.id)
      expect(row.state).toBe('draft')
      expect(row.rejectionReason).toBe('Wrong date')
    })

    it('sends an approved publication back when its copy or time changes', async () => {
      const doc = await draft(tokens.marketer.token!)
      await act(doc.id, 'submit', tokens.marketer.token!)
      await act(doc.id, 'approve', tokens.approver.token!)
      const edited = await app.rest('PATCH', `/${slugs.publications}/${doc.id}`, {
        token: tokens.marketer.token!,
        body: { text: 'Free heart screenings — now on Saturday too' },
      })
      expect(edited.status, await edited.clone().text()).toBe(200)
      const row = await publication(app, doc.id)
      expect(row.state).toBe('awaiting-approval')
      expect(row.approvedBy).toBeNull()

      // A time change counts too; an unrelated re-save of the same values does not.
      await act(doc.id, 'approve', tokens.approver.token!)
      await app.rest('PATCH', `/${slugs.publications}/${doc.id}`, {
        token: tokens.marketer.token!,
        body: { text: row.text },
      })
      expect((await publication(app, doc.id)).state).toBe('scheduled')
      await app.rest('PATCH', `/${slugs.publications}/${doc.id}`, {
        token: tokens.marketer.token!,
        body: { dueAt: new Date(Date.now() + 2 * HOUR).toISOString() },
      })
      expect((await publication(app, doc.id)).state).toBe('awaiting-approval')
    })

    it('refuses a state only the dispatcher sets, and writes nothing', async () => {
      const doc = await draft(tokens.marketer.token!)
      await expectCleanError(
        await app.rest('PATCH', `/${slugs.publications}/${doc.id}`, {
          token: tokens.admin.token!,
          body: { state: 'published', text: 'changed' },
        }),
        { status: 400, field: 'state', problem: /can't go from draft to published/ },
      )
      const row = await publication(app, doc.id)
      expect(row.state).toBe('draft')
      expect(row.text).toBe('Free heart screenings')
    })

    it('refuses to approve a draft document', async () => {
      const unpublished = await app.payload.create({
        collection: slugs.campaigns,
        data: {
          title: 'Not yet',
          startsAt: new Date().toISOString(),
          endsAt: new Date(Date.now() + HOUR).toISOString(),
          timeZone: 'America/New_York',
        } as never,
        draft: true,
      })
      const doc = await draft(tokens.marketer.token!, {
        document: { relationTo: slugs.campaigns, value: unpublished.id },
      })
      await act(doc.id, 'submit', tokens.marketer.token!)
      await expectCleanError(await act(doc.id, 'approve', tokens.approver.token!), {
        status: 400,
        field: 'document',
        problem: /is a draft; publish it/,
      })
    })

    it('keeps anonymous callers and API clients out of the outbox', async () => {
      expect((await app.rest('GET', `/${slugs.publications}`)).status).toBe(403)
      const { docs } = (await (
        await app.rest('GET', `/${slugs.publications}`, { apiKey: tokens['front-end'].apiKey })
      ).json()) as { docs?: unknown[] }
      expect(docs ?? []).toEqual([])
      expect((await app.rest('POST', `/${slugs.publications}/1/approve`)).status).toBe(401)
    })
  })

  describe('copy limits', () => {
    it('refuses an X post over 280 weighted characters, naming the field and the count', async () => {
      const x = await channelAccount(app, { channel: 'x', accessToken: 'x-token' })
      const response = await app.rest('POST', `/${slugs.publications}`, {
        token: tokens.marketer.token!,
        body: {
          document: { relationTo: slugs.campaigns, value: campaignId },
          channelAccount: x.id,
          dueAt: new Date(Date.now() + HOUR).toISOString(),
          timeZone: 'America/New_York',
          text: 'a'.repeat(270),
          link: 'https://hospital.org/heart',
        },
      })
      await expectCleanError(response, { status: 400, field: 'text', problem: /294 of 280/ })
    })

    it('refuses an Instagram post without an image or video', async () => {
      const ig = await channelAccount(app, {
        channel: 'instagram',
        accessToken: 'ig-token',
        externalId: '1784',
      })
      const response = await app.rest('POST', `/${slugs.publications}`, {
        token: tokens.marketer.token!,
        body: {
          document: { relationTo: slugs.campaigns, value: campaignId },
          channelAccount: ig.id,
          dueAt: new Date(Date.now() + HOUR).toISOString(),
          timeZone: 'America/New_York',
          text: 'Look',
        },
      })
      await expectCleanError(response, { status: 400, field: 'media', problem: /image or video/i })
    })
  })

  describe('dispatch', () => {
    it('sends a due publication once, records the attempt, and leaves early ones alone', async () => {
      const now = new Date()
      const due = await scheduledPublication(app, {
        document: campaignId,
        account: webhookId,
        dueAt: new Date(now.getTime() - 1000),
        link: 'https://hospital.example/heart',
      })
      const later = await scheduledPublication(app, {
        document: campaignId,
        account: webhookId,
        dueAt: new Date(now.getTime() + HOUR),
      })
      const before = receiver.deliveries.length
      await testWorker(app, { now: () => now }).runOnce()
      const sent = receiver.deliveries.slice(before)
      expect(sent).toHaveLength(1)
      const body = sent[0].body as {
        type: string
        data: {
          publicationId: string
          text: string
          link: string
          document: Record<string, unknown>
        }
      }
      expect(body.type).toBe('publication.published')
      expect(body.data.publicationId).toBe(String(due.id))
      expect(body.data.link).toContain('utm_campaign=heart-month-2026')
      expect(body.data.link).toContain('utm_source=webhook')
      expect(body.data.text).toContain(body.data.link)
      expect(body.data.document).toMatchObject({ type: 'campaigns', title: 'Heart Month' })

      const row = await publication(app, due.id)
      expect(row.state).toBe('published')
      expect(row.remoteId).toBe(sent[0].id)
      expect(row.attempts).toBe(1)
      expect(row.attemptLog).toEqual([
        expect.objectContaining({ kind: 'publish', outcome: 'published', status: 204 }),
      ])
      expect((await publication(app, later.id)).state).toBe('scheduled')
      // Claimed once: a second pass finds nothing to send.
      await testWorker(app, { now: () => now }).runOnce()
      expect(receiver.deliveries.length - before).toBe(1)
    })

    it('retries a 500 with backoff, honours 429 Retry-After, and stops at a permanent 400 with its message', async () => {
      const now = new Date()
      const worker = testWorker(app, { now: () => now })
      let offset = 0
      const one = async (plan: ReturnType<typeof replies.serverError>) => {
        // Same document, account and time would be the same publication (the key is unique).
        const row = await scheduledPublication(app, {
          document: campaignId,
          account: webhookId,
          dueAt: new Date(now.getTime() - 1000 - ++offset),
        })
        receiver.program(plan)
        expect(await worker.runOnce()).toBe(1)
        return publication(app, row.id)
      }
      const failed500 = await one(replies.serverError())
      expect(failed500.state).toBe('scheduled')
      expect(new Date(String(failed500.nextAttemptAt)).getTime()).toBeGreaterThan(now.getTime())
      expect(failed500.lastError).toMatch(/internal server error|500/)

      const limited = await one(replies.tooManyRequests('7'))
      expect(limited.state).toBe('scheduled')
      expect(new Date(String(limited.nextAttemptAt)).getTime()).toBeGreaterThanOrEqual(
        now.getTime() + 7000,
      )

      const refused = await one(replies.badRequest('unknown event type'))
      expect(refused.state).toBe('failed')
      expect(refused.lastError).toMatch(/permanent error.*unknown event type/)
      expect(refused.attemptLog).toEqual([
        expect.objectContaining({ outcome: 'failed', status: 400 }),
      ])

      // The retry time is honoured: not before it, and sent once it has come.
      await testWorker(app, { now: () => new Date(now.getTime() + 6000) }).runOnce()
      expect((await publication(app, failed500.id as number)).state).toBe('published')
      expect((await publication(app, limited.id as number)).state).toBe('scheduled')
      await testWorker(app, { now: () => new Date(now.getTime() + 7500) }).runOnce()
      expect((await publication(app, limited.id as number)).state).toBe('published')
      expect((await publication(app, refused.id as number)).state).toBe('failed')
    })

    it('retries a receiver that does not answer in time', async () => {
      const now = new Date()
      const impatient = await channelAccount(app, {
        channel: 'webhook',
        url: receiver.url,
        secret: receiver.secret,
        settings: { timeoutMs: 200 },
      })
      const row = await scheduledPublication(app, {
        document: campaignId,
        account: impatient.id,
        dueAt: new Date(now.getTime() - 1000),
      })
      receiver.program(replies.hang())
      await testWorker(app, { now: () => now }).runOnce()
      const waited = await publication(app, row.id)
      expect(waited.state).toBe('scheduled')
      expect(waited.lastError).toMatch(/did not answer within 200 ms/)
      expect(waited.attemptLog).toEqual([expect.objectContaining({ outcome: 'retry', status: 0 })])
      // Out of the way of the next tests' programmed answers.
      await app.payload.update({
        collection: slugs.publications,
        id: row.id,
        data: { state: 'cancelled' } as never,
        context: { schedulerInternal: true },
      })
    })

    it('runs the checks again at dispatch: a document unpublished after approval is cancelled with the reason', async () => {
      const now = new Date()
      const campaign = await publishedCampaign(app, 'Withdrawn later')
      const row = await scheduledPublication(app, {
        document: campaign.id,
        account: webhookId,
        dueAt: new Date(now.getTime() - 1000),
      })
      await app.payload.update({
        collection: slugs.campaigns,
        id: campaign.id,
        data: { _status: 'draft' } as never,
      })
      const before = receiver.deliveries.length
      await testWorker(app, { now: () => now }).runOnce()
      const cancelled = await publication(app, row.id)
      expect(cancelled.state).toBe('cancelled')
      expect(cancelled.cancelReason).toMatch(/is a draft/)
      expect(receiver.deliveries.length).toBe(before)
    })

    it('gives up after the last attempt, and a person can retry a failed one', async () => {
      const now = new Date()
      const row = await scheduledPublication(app, {
        document: campaignId,
        account: webhookId,
        dueAt: new Date(now.getTime() - 1000),
      })
      await app.payload.update({
        collection: slugs.publications,
        id: row.id,
        data: { attempts: 7 } as never,
        context: { schedulerInternal: true },
      })
      receiver.program(replies.serverError())
      await testWorker(app, { now: () => now }).runOnce()
      const failed = await publication(app, row.id)
      expect(failed.state).toBe('failed')
      expect(failed.lastError).toMatch(/gave up after 8 attempts/)

      expect((await act(row.id, 'retry', tokens.marketer.token!)).status).toBe(200)
      const retried = await publication(app, row.id)
      expect(retried.state).toBe('scheduled')
      expect(retried.attempts).toBe(0)
      await testWorker(app, { now: () => new Date() }).runOnce()
      expect((await publication(app, row.id)).state).toBe('published')
    })

    it('dispatches nothing while paused, everywhere or on one account, and resumes', async () => {
      const now = new Date()
      const row = await scheduledPublication(app, {
        document: campaignId,
        account: webhookId,
        dueAt: new Date(now.getTime() - 1000),
      })
      const pause = await app.rest('POST', '/scheduler/pause', {
        token: tokens.approver.token!,
        body: { reason: 'Crisis: hold all posts' },
      })
      expect(pause.status).toBe(200)
      expect(
        (await app.rest('POST', '/scheduler/pause', { token: tokens.marketer.token! })).status,
      ).toBe(403)
      expect(await testWorker(app, { now: () => now }).runOnce()).toBe(0)
      const status = (await (
        await app.rest('GET', '/scheduler/status', { token: tokens.marketer.token! })
      ).json()) as { paused: boolean; reason: string }
      // What the dashboard's banner says: who paused and when; a marketer may not flip it.
      expect(status).toMatchObject({
        paused: true,
        reason: 'Crisis: hold all posts',
        changedBy: expect.any(String),
        changedAt: expect.any(String),
        canOperate: false,
      })
      expect(
        await (
          await app.rest('GET', '/scheduler/status', { token: tokens.approver.token! })
        ).json(),
      ).toMatchObject({ canOperate: true })
      await app.rest('POST', '/scheduler/resume', { token: tokens.approver.token! })

      await app.payload.update({
        collection: slugs.channelAccounts,
        id: webhookId,
        data: { paused: true } as never,
      })
      expect(await testWorker(app, { now: () => now }).runOnce()).toBe(0)
      await app.payload.update({
        collection: slugs.channelAccounts,
        id: webhookId,
        data: { paused: false } as never,
      })
      expect(await testWorker(app, { now: () => now }).runOnce()).toBe(1)
      expect((await publication(app, row.id)).state).toBe('published')
    })

    it('takes a post down at its unpublish time', async () => {
      const now = new Date()
      const row = await scheduledPublication(app, {
        document: campaignId,
        account: webhookId,
        dueAt: new Date(now.getTime() - 1000),
        unpublishAt: new Date(now.getTime() + HOUR).toISOString(),
      })
      await testWorker(app, { now: () => now }).runOnce()
      expect((await publication(app, row.id)).state).toBe('published')
      const before = receiver.deliveries.length
      await testWorker(app, { now: () => new Date(now.getTime() + HOUR + 1000) }).runOnce()
      const retracted = await publication(app, row.id)
      expect(retracted.state).toBe('retracted')
      expect(retracted.retractedAt).toBeTruthy()
      expect((receiver.deliveries[before].body as { type: string }).type).toBe(
        'publication.retracted',
      )
    })

    it('repeats a re-share on its RRULE at the same wall-clock time across the DST change', async () => {
      // 9:00 New York on Saturday 31 October 2026 (EDT, UTC-4); the next is 7 November (EST, UTC-5).
      const first = new Date('2026-10-31T13:00:00Z')
      const row = await scheduledPublication(app, {
        document: campaignId,
        account: webhookId,
        dueAt: first,
        repeat: 'FREQ=WEEKLY;COUNT=3',
      })
      await testWorker(app, { now: () => new Date('2026-10-31T13:00:01Z') }).runOnce()
      const next = await app.payload.find({
        collection: slugs.publications,
        where: { repeatOf: { equals: row.id } },
        sort: 'dueAt',
      })
      expect(next.docs.map((doc) => (doc as { dueAt: string }).dueAt)).toEqual([
        '2026-11-07T14:00:00.000Z',
      ])
      expect((next.docs[0] as { state: string }).state).toBe('scheduled')
      await testWorker(app, { now: () => new Date('2026-11-07T14:00:01Z') }).runOnce()
      await testWorker(app, { now: () => new Date('2026-11-14T14:00:01Z') }).runOnce()
      await testWorker(app, { now: () => new Date('2026-11-21T14:00:01Z') }).runOnce()
      const all = await app.payload.find({
        collection: slugs.publications,
        where: { repeatOf: { equals: row.id } },
        sort: 'dueAt',
      })
      expect(
        all.docs.map((doc) => [(doc as { dueAt: string }).dueAt, (doc as { state: string }).state]),
      ).toEqual([
        ['2026-11-07T14:00:00.000Z', 'published'],
        ['2026-11-14T14:00:00.000Z', 'published'],
      ])
    })
  })

  describe('web channel', () => {
    it('writes the public projection on publish and removes it on unpublish', async () => {
      const web = await channelAccount(app, { channel: 'web' })
      const campaign = await app.payload.update({
        collection: slugs.campaigns,
        id: campaignId,
        data: { slug: 'heart-month' } as never,
      })
      expect((campaign as { slug: string }).slug).toBe('heart-month')
      const now = new Date()
      const row = await scheduledPublication(app, {
        document: campaignId,
        account: web.id,
        dueAt: new Date(now.getTime() - 1000),
      })
      await testWorker(app, { now: () => now }).runOnce()
      const live = await publication(app, row.id)
      expect(live.state).toBe('published')
      expect(live.remoteId).toBe('campaigns/heart-month')
      const pool = (app.payload.db as unknown as { pool: import('pg').Pool }).pool
      const { rows } = await pool.query('SELECT data FROM delivery_items WHERE key = $1', [
        'campaigns/heart-month',
      ])
      expect(rows[0].data).toMatchObject({
        type: 'campaigns',
        slug: 'heart-month',
        title: 'Heart Month',
      })
      expect(JSON.stringify(rows[0].data)).not.toMatch(/owner|budget/)

      expect((await act(row.id, 'unpublish', tokens.marketer.token!)).status).toBe(200)
      await testWorker(app, { now: () => new Date() }).runOnce()
      expect((await publication(app, row.id)).state).toBe('retracted')
      expect(
        (await pool.query('SELECT 1 FROM delivery_items WHERE key = $1', ['campaigns/heart-month']))
          .rowCount,
      ).toBe(0)
    })
  })
})
