import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startXApiServer, type XApiServer } from '../support/networks/xApiServer'
import {
  channelAccount,
  publication,
  publishedCampaign,
  scheduledPublication,
  TEST_SECRETS_KEY,
  testWorker,
} from '../support/schedulerFixtures'
import { startTestApp, type TestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

/**
 * A worker that died after X took the post but before it was recorded leaves the row
 * `dispatching`; the next claim asks X whether the post is there. When X can't be asked (a 429),
 * that is not "not there": the row waits as long as X says and asks again — it never posts twice.
 */
describe('a reconcile that fails', () => {
  let app: TestApp
  let pool: Pool
  let x: XApiServer
  const user = '1600000000000000001'

  beforeAll(async () => {
    app = await startTestApp('reconcile_failure')
    pool = (app.payload.db as unknown as { pool: Pool }).pool
    x = await startXApiServer({ users: { 'x-token': user } })
  })
  afterAll(async () => {
    await x?.close()
    await app?.close()
  })

  const posts = () =>
    x.requests.filter((request) => request.method === 'POST' && request.path === '/2/tweets').length

  it('is a retryable failure that honours X’s reset time, and the next look-up finds the post', async () => {
    const account = await channelAccount(app, {
      channel: 'x',
      baseUrl: x.url,
      accessToken: 'x-token',
      externalId: user,
    })
    const row = await scheduledPublication(app, {
      document: (await publishedCampaign(app)).id,
      account: account.id,
      dueAt: new Date(Date.now() - 60_000),
      text: 'Free blood pressure checks at the Riverside clinic on Saturday',
    })
    await testWorker(app).runOnce()
    const sent = await publication(app, row.id)
    expect(sent.state, String(sent.lastError)).toBe('published')
    const tweetId = sent.remoteId
    expect(posts()).toBe(1)
    // The worker "died" after X answered: nothing of the send was recorded, its lease ran out.
    await pool.query(
      `UPDATE publications SET state = 'dispatching', remote_id = NULL, remote_url = NULL, published_at = NULL,
              lease_owner = 'dead-worker', lease_expires_at = now() - interval '1 second'
        WHERE id = $1`,
      [row.id],
    )
    const postsBefore = posts()
    const now = Date.now()
    const reset = Math.ceil(now / 1000) + 30
    x.failNext('GET /2/users/:id/tweets', { kind: 'rate-limit', resetEpochSeconds: reset })

    await testWorker(app).runOnce()
    const waiting = await publication(app, row.id)
    expect(posts()).toBe(postsBefore)
    expect(waiting.state).toBe('scheduled')
    expect(String(waiting.lastError)).toMatch(/could not check whether it is already posted/)
    expect(new Date(String(waiting.nextAttemptAt)).getTime()).toBeGreaterThanOrEqual(
      reset * 1000 - 1000,
    )

    // Once X's window has reset, the retry looks again before posting, and finds the post.
    await testWorker(app, { now: () => new Date(reset * 1000 + 1000) }).runOnce()
    const found = await publication(app, row.id)
    expect(found.state, String(found.lastError)).toBe('published')
    expect(found.remoteId).toBe(tweetId)
    expect(posts()).toBe(postsBefore)
    expect((found.attemptLog as { kind: string; outcome: string }[]).at(-1)).toMatchObject({
      kind: 'reconcile',
      outcome: 'found',
    })
  })
})
