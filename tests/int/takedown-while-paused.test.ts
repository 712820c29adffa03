import type { Pool } from 'pg'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { slugs } from '../../src/slugs'
import { activeConsent, publishedStory, signedForm } from '../support/consentFixtures'
import { credentialsFor } from '../support/credentials'
import { type MastodonServer, startMastodonServer } from '../support/networks/mastodonServer'
import { startWebhookReceiver, type WebhookReceiver } from '../support/networks/webhookReceiver'
import {
  channelAccount,
  publication,
  publishedCampaign,
  scheduledPublication,
  TEST_SECRETS_KEY,
  testWorker,
} from '../support/schedulerFixtures'
import { startTestApp, type TestApp } from '../support/testPayload'
import { waitFor } from '../support/workerProcesses'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

/** The takedown target for social networks (README, "Consent enforcement"). */
const SOCIAL_TARGET_MS = 10_000

/**
 * A crisis pause stops new posts; it must never keep a patient's content online after their
 * consent is withdrawn, nor a post past its unpublish time.
 */
describe('takedowns while publishing is paused', () => {
  let app: TestApp
  let pool: Pool
  let tokens: Awaited<ReturnType<typeof credentialsFor>>
  let receiver: WebhookReceiver
  let mastodon: MastodonServer
  let accounts: Record<'web' | 'webhook' | 'mastodon', number | string>
  let formId: number | string

  beforeAll(async () => {
    app = await startTestApp('paused_takedown')
    pool = (app.payload.db as unknown as { pool: Pool }).pool
    tokens = await credentialsFor(app)
    formId = (await signedForm(app)).id
    receiver = await startWebhookReceiver()
    mastodon = await startMastodonServer({ users: { 'm-token': 'stmarys' } })
    accounts = {
      web: (await channelAccount(app, { channel: 'web' })).id,
      webhook: (
        await channelAccount(app, {
          channel: 'webhook',
          url: receiver.url,
          secret: receiver.secret,
        })
      ).id,
      mastodon: (
        await channelAccount(app, {
          channel: 'mastodon',
          baseUrl: mastodon.url,
          accessToken: 'm-token',
        })
      ).id,
    }
  })
  afterAll(async () => {
    await receiver?.close()
    await mastodon?.close()
    await app?.close()
  })

  const pauseAll = async (paused: boolean) => {
    const response = await app.rest('POST', `/scheduler/${paused ? 'pause' : 'resume'}`, {
      token: tokens.approver.token!,
      body: paused ? { reason: 'Crisis: hold all posts' } : undefined,
    })
    expect(response.status, await response.clone().text()).toBe(200)
  }
  const pauseAccount = (id: number | string, paused: boolean) =>
    app.payload.update({ collection: slugs.channelAccounts, id, data: { paused } as never })
  // Each test starts with publishing running, whatever the one before left behind.
  beforeEach(async () => {
    await pauseAll(false)
    for (const id of Object.values(accounts)) await pauseAccount(id, false)
  })

  it('sends the deletions a revocation queues, on a paused account under a global pause, and holds back a new due post', async () => {
    const consent = await activeConsent(app, formId)
    const story = await publishedStory(app, consent.id, { slug: `maria-${consent.id}` })
    const live = await Promise.all(
      (['web', 'webhook', 'mastodon'] as const).map((channel) =>
        scheduledPublication(app, {
          collection: slugs.patientStories,
          document: story.id,
          account: accounts[channel],
          dueAt: new Date(Date.now() - 1000),
          text: 'Maria walks again',
        }),
      ),
    )
    await testWorker(app).runOnce()
    for (const row of live) expect((await publication(app, row.id)).state).toBe('published')
    const statusId = String((await publication(app, live[2].id)).remoteId)
    expect(mastodon.statuses.has(statusId)).toBe(true)

    await pauseAll(true)
    await pauseAccount(accounts.mastodon, true)
    // A campaign post that falls due during the pause: it must wait.
    const campaign = await publishedCampaign(app)
    const newPost = await scheduledPublication(app, {
      document: campaign.id,
      account: accounts.mastodon,
      dueAt: new Date(Date.now() - 500),
      text: 'Heart screenings this week',
    })
    const statusPostsBefore = mastodon.requests.filter(
      (request) => request.method === 'POST' && request.path === '/api/v1/statuses',
    ).length
    const deliveriesBefore = receiver.deliveries.length

    const revoked = await app.rest('PATCH', `/${slugs.consentRecords}/${consent.id}`, {
      token: tokens['consent-officer'].token!,
      body: { revocation: { receivedAt: new Date().toISOString(), method: 'written-letter' } },
    })
    expect(revoked.status, await revoked.clone().text()).toBe(200)
    const start = Date.now()

    const worker = testWorker(app).start()
    try {
      const sent = await waitFor(
        () =>
          !mastodon.statuses.has(statusId) &&
          receiver.deliveries
            .slice(deliveriesBefore)
            .some(
              (delivery) => (delivery.body as { type: string }).type === 'publication.retracted',
            ),
        SOCIAL_TARGET_MS,
        25,
      )
      expect(sent, 'the Mastodon delete and the webhook retraction arrive while paused').toBe(true)
      expect(Date.now() - start).toBeLessThanOrEqual(SOCIAL_TARGET_MS)
      expect(
        await waitFor(
          async () =>
            (await Promise.all(live.map((row) => publication(app, row.id)))).every(
              (row) => row.state === 'retracted',
            ),
          SOCIAL_TARGET_MS,
          25,
        ),
      ).toBe(true)
    } finally {
      await worker.stop()
    }
    const deletes = mastodon.requests.filter(
      (request) => request.method === 'DELETE' && request.path === `/api/v1/statuses/${statusId}`,
    )
    expect(deletes).toHaveLength(1)

    // Nothing new went out while paused.
    expect((await publication(app, newPost.id)).state).toBe('scheduled')
    expect(
      mastodon.requests.filter(
        (request) => request.method === 'POST' && request.path === '/api/v1/statuses',
      ),
    ).toHaveLength(statusPostsBefore)

    // Resuming lets it go: the global switch alone is not enough while the account is paused.
    await pauseAll(false)
    expect(await testWorker(app).runOnce()).toBe(0)
    await pauseAccount(accounts.mastodon, false)
    expect(await testWorker(app).runOnce()).toBe(1)
    expect((await publication(app, newPost.id)).state).toBe('published')
  })

  it('takes a post down at its unpublish time while paused', async () => {
    const campaign = await publishedCampaign(app)
    const now = new Date()
    const row = await scheduledPublication(app, {
      document: campaign.id,
      account: accounts.webhook,
      dueAt: new Date(now.getTime() - 1000),
      unpublishAt: new Date(now.getTime() + 60_000).toISOString(),
    })
    await testWorker(app, { now: () => now }).runOnce()
    expect((await publication(app, row.id)).state).toBe('published')

    await pauseAll(true)
    try {
      const before = receiver.deliveries.length
      await testWorker(app, { now: () => new Date(now.getTime() + 61_000) }).runOnce()
      expect((await publication(app, row.id)).state).toBe('retracted')
      expect((receiver.deliveries[before].body as { type: string }).type).toBe(
        'publication.retracted',
      )
    } finally {
      await pauseAll(false)
    }
    expect(
      (await pool.query(`SELECT count(*)::int AS n FROM scheduler_control WHERE paused`)).rows[0].n,
    ).toBe(0)
  })
})
