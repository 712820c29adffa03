import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../src/slugs'
import type { credentialsFor } from '../support/credentials'
import { expectCleanError } from '../support/expectCleanError'
import type { WebhookReceiver } from '../support/networks/webhookReceiver'
import { publicationAction, startOutboxWorld } from '../support/outboxWorld'
import {
  channelAccount,
  publication,
  scheduledPublication,
  TEST_SECRETS_KEY,
  testWorker,
  userByRole,
} from '../support/schedulerFixtures'
import type { TestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

const HOUR = 3_600_000

/** Approval, copy limits and the web channel; dispatch itself is in scheduler-dispatch.test.ts. */
describe('publications outbox', () => {
  let app: TestApp
  let receiver: WebhookReceiver
  let tokens: Awaited<ReturnType<typeof credentialsFor>>
  let secondApprover: string
  let campaignId: number | string
  let webhookId: number | string

  beforeAll(async () => {
    ;({ app, tokens, secondApprover, receiver, campaignId, webhookId } =
      await startOutboxWorld('outbox'))
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
    publicationAction(app, id, action, token, body)

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

    it('refuses approval by an approver who edited the draft before its author sent it, and records each editor', async () => {
      const marketer = (await userByRole(app, 'marketer')).id
      const approver = (await userByRole(app, 'approver')).id
      const doc = await draft(tokens.marketer.token!)
      expect((await publication(app, doc.id)).editors).toEqual([marketer])
      // The approver polishes the draft's copy before the marketer has sent it.
      const edited = await app.rest('PATCH', `/${slugs.publications}/${doc.id}`, {
        token: tokens.approver.token!,
        body: { text: 'Free heart screenings, every Saturday in March' },
      })
      expect(edited.status, await edited.clone().text()).toBe(200)
      // A save that changes nothing of the copy, media, time or account records no one.
      await app.rest('PATCH', `/${slugs.publications}/${doc.id}`, {
        token: tokens.admin.token!,
        body: { text: 'Free heart screenings, every Saturday in March' },
      })
      expect((await publication(app, doc.id)).editors).toEqual([marketer, approver])
      await act(doc.id, 'submit', tokens.marketer.token!)
      expect((await publication(app, doc.id)).submittedBy).toBe(marketer)

      await expectCleanError(await act(doc.id, 'approve', tokens.approver.token!), {
        status: 400,
        field: 'state',
        problem: /you wrote, edited or sent for approval; another approver must/,
      })
      expect((await publication(app, doc.id)).state).toBe('awaiting-approval')
      // Editors are the plugin's record: nobody can clear them through the API.
      await app.rest('PATCH', `/${slugs.publications}/${doc.id}`, {
        token: tokens.admin.token!,
        body: { editors: [] },
      })
      expect((await publication(app, doc.id)).editors).toEqual([marketer, approver])
      expect((await act(doc.id, 'approve', secondApprover)).status).toBe(200)
      expect((await publication(app, doc.id)).state).toBe('scheduled')
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
