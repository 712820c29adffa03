import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../src/slugs'
import type { credentialsFor } from '../support/credentials'
import { replies, type WebhookReceiver } from '../support/networks/webhookReceiver'
import { publicationAction, startOutboxWorld } from '../support/outboxWorld'
import {
  channelAccount,
  publication,
  publishedCampaign,
  scheduledPublication,
  TEST_SECRETS_KEY,
  testWorker,
} from '../support/schedulerFixtures'
import type { TestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

const HOUR = 3_600_000

/** The worker on the outbox (in process): sends, retries, pauses, guards at dispatch. */
describe('publications outbox', () => {
  let app: TestApp
  let receiver: WebhookReceiver
  let tokens: Awaited<ReturnType<typeof credentialsFor>>
  let campaignId: number | string
  let webhookId: number | string

  beforeAll(async () => {
    ;({ app, tokens, receiver, campaignId, webhookId } = await startOutboxWorld('outbox_dispatch'))
  })
  afterAll(async () => {
    await receiver?.close()
    await app?.close()
  })

  const act = (id: number | string, action: string, token: string, body: unknown = {}) =>
    publicationAction(app, id, action, token, body)

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
})
