import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startWebhookReceiver, type WebhookReceiver } from '../support/networks/webhookReceiver'
import { channelAccount, publishedCampaign, TEST_SECRETS_KEY } from '../support/schedulerFixtures'
import { startTestApp, type TestApp } from '../support/testPayload'
import {
  insertDuePublications,
  spawnWorker,
  waitFor,
  type WorkerProcess,
} from '../support/workerProcesses'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

/**
 * The claim protocol across real OS processes: several `npm run worker` processes share one
 * outbox, and one of them is killed with SIGKILL in the middle of a run.
 */
describe('dispatch workers in separate processes', () => {
  let app: TestApp
  let pool: Pool
  let campaignId: number | string
  const running: WorkerProcess[] = []

  const workerEnv = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: process.env.DATABASE_URL!,
    CARECAST_SECRETS_KEY: TEST_SECRETS_KEY,
    CARECAST_DATA_DIR: process.env.CARECAST_DATA_DIR!,
    DISPATCH_POLL_MS: '100',
    ...extra,
  })

  /** `count` publications due a second ago on a webhook account that posts to `receiver`. */
  const backlog = async (receiver: WebhookReceiver, count: number) => {
    const account = await channelAccount(app, {
      channel: 'webhook',
      url: receiver.url,
      secret: receiver.secret,
    })
    return insertDuePublications(pool, {
      count,
      documentId: campaignId,
      accountId: account.id,
      dueAt: new Date(Date.now() - 1000),
    })
  }

  const states = async (ids: number[]) => {
    const { rows } = await pool.query(
      'SELECT state::text AS state, count(*)::int AS n FROM publications WHERE id = ANY($1) GROUP BY state',
      [ids],
    )
    return Object.fromEntries(rows.map((row) => [row.state, row.n])) as Record<string, number>
  }

  beforeAll(async () => {
    app = await startTestApp('workers')
    pool = (app.payload.db as unknown as { pool: Pool }).pool
    campaignId = (await publishedCampaign(app)).id
  })
  afterAll(async () => {
    await Promise.all(running.map((worker) => worker.stop()))
    await app?.close()
  })

  it('refuses to start, in one sentence, when accounts hold secrets and the key is missing', async () => {
    await channelAccount(app, { channel: 'x', accessToken: 'stored-token' })
    const failed = await spawnWorker({ ...workerEnv(), CARECAST_SECRETS_KEY: '' }).then(
      () => 'started',
      (error: Error) => error.message,
    )
    expect(failed).toMatch(
      /channel account\(s\) hold encrypted secrets but CARECAST_SECRETS_KEY is not set/,
    )
    expect(failed).not.toMatch(/\n\s+at /)
  })

  it('three workers together send each of 600 due publications exactly once', async () => {
    const receiver = await startWebhookReceiver()
    try {
      const ids = await backlog(receiver, 600)
      const workers = await Promise.all([
        spawnWorker(workerEnv()),
        spawnWorker(workerEnv()),
        spawnWorker(workerEnv()),
      ])
      running.push(...workers)

      expect(await waitFor(async () => (await states(ids)).published === 600, 90_000)).toBe(true)
      expect(receiver.duplicates()).toBe(0)
      expect(receiver.uniqueIds()).toHaveLength(600)
      const { rows } = await pool.query(
        'SELECT attempts, remote_id, attempt_log FROM publications WHERE id = ANY($1)',
        [ids],
      )
      expect(rows.every((row) => Number(row.attempts) === 1)).toBe(true)
      expect(new Set(rows.map((row) => row.remote_id)).size).toBe(600)
      // The work really was shared: more than one process recorded sends.
      const senders = new Set(
        rows.map((row) => (row.attempt_log as { worker: string }[])[0].worker),
      )
      expect(senders.size).toBeGreaterThan(1)
      await Promise.all(workers.map((worker) => worker.stop()))
    } finally {
      await receiver.close()
    }
  }, 150_000) // three Node processes boot Payload and share two cores with the rest of the suite

  it('sends each publication once when a batch takes longer to send than its lease, and goes on to the next', async () => {
    // 600 ms an answer, two at a time: a batch of 10 takes 3 s, half as long again as its 2 s lease.
    // Before issue 15 the worker's own next claim took such a batch back and sent it for ever.
    const receiver = await startWebhookReceiver({ delayMs: 600 })
    try {
      const ids = await backlog(receiver, 40)
      const worker = await spawnWorker(
        workerEnv({
          DISPATCH_LEASE_MS: '2000',
          DISPATCH_SEND_TIMEOUT_MS: '1000',
          DISPATCH_BATCH_SIZE: '10',
          DISPATCH_CONCURRENCY: '2',
        }),
      )
      running.push(worker)

      expect(await waitFor(async () => (await states(ids)).published === 40, 90_000)).toBe(true)
      expect(receiver.duplicates()).toBe(0)
      expect(receiver.uniqueIds()).toHaveLength(40)
      const { rows } = await pool.query(
        'SELECT attempts, attempt_log FROM publications WHERE id = ANY($1)',
        [ids],
      )
      // Each was claimed once and sent once: no lease ran out under it.
      expect(rows.map((row) => Number(row.attempts))).toEqual(rows.map(() => 1))
      expect(rows.every((row) => (row.attempt_log as unknown[]).length === 1)).toBe(true)
      await worker.stop()
    } finally {
      await receiver.close()
    }
  }, 120_000)

  it('loses nothing when a worker is killed with SIGKILL mid-run; only its unanswered sends go again, with the same webhook-id', async () => {
    // The receiver takes 50 ms to answer, so the killed worker has sends it never heard back from.
    const receiver = await startWebhookReceiver({ delayMs: 50 })
    try {
      const ids = await backlog(receiver, 400)
      // Short, so the killed worker's rows come back within the wait; the live worker extends its
      // own leases while it sends (issue 15), so a busy machine can't make it lose them.
      const env = workerEnv({
        DISPATCH_LEASE_MS: '2000',
        DISPATCH_SEND_TIMEOUT_MS: '1000',
        DISPATCH_BATCH_SIZE: '20',
        DISPATCH_CONCURRENCY: '8',
      })
      const [victim, survivor] = await Promise.all([spawnWorker(env), spawnWorker(env)])
      running.push(victim, survivor)

      expect(await waitFor(() => receiver.deliveries.length >= 80, 60_000, 10)).toBe(true)
      victim.child.kill('SIGKILL')
      await new Promise((resolve) => victim.child.once('exit', resolve))
      const { rows: held } = await pool.query(
        "SELECT id FROM publications WHERE lease_owner = $1 AND state = 'dispatching'",
        [victim.id],
      )

      expect(await waitFor(async () => (await states(ids)).published === 400, 90_000)).toBe(true)
      // Nothing lost: every publication reached the receiver and is recorded as published.
      expect(receiver.uniqueIds()).toHaveLength(400)
      // The only repeats are rows the killed worker held when it died; a receiver drops them by webhook-id.
      expect(receiver.duplicates()).toBeLessThanOrEqual(held.length)
      const { rows: again } = await pool.query(
        'SELECT id, attempt_log FROM publications WHERE id = ANY($1) AND attempts > 1',
        [ids],
      )
      const heldIds = new Set(held.map((row) => Number(row.id)))
      expect(again.every((row) => heldIds.has(Number(row.id)))).toBe(true)
      expect(held.length).toBeGreaterThan(0)
      await survivor.stop()
    } finally {
      await receiver.close()
    }
  }, 150_000) // three Node processes boot Payload and share two cores with the rest of the suite
})
