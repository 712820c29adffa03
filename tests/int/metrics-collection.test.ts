import type { Pool } from 'pg'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { runMetricsPassOnce } from '../../plugins/scheduler'
import { slugs } from '../../src/slugs'
import { startMastodonServer, type MastodonServer } from '../support/networks/mastodonServer'
import {
  channelAccount,
  publishedCampaign,
  scheduledPublication,
  TEST_SECRETS_KEY,
  testWorker,
} from '../support/schedulerFixtures'
import { startTestApp, type TestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * Issue 18, item 1: live posts' counts are read back from the network on a schedule that thins
 * out with the post's age, by workers that claim readings as they claim posts, inside the
 * network's rate limit, and are stored as dated snapshots that a failure never loses. Driven by a
 * fake clock against the local Mastodon fake (GET /api/v1/statuses/:id).
 */
describe('reading live posts back from the networks', () => {
  let app: TestApp
  let pool: Pool
  let mastodon: MastodonServer
  // The fake clock starts at the real one: a 429's reset is an absolute time the adapter compares
  // with the wall clock, as it must with a real network.
  let clock = Math.floor(Date.now() / 60_000) * 60_000
  const now = () => new Date(clock)
  let campaignId: number | string
  let accountId: number | string

  /** A post on the account, sent by a worker at the clock's time; its publication and status ids. */
  let posted = 0
  const livePost = async (text: string) => {
    // Each due a second apart: the outbox's job key (document, channel, due time) is unique.
    posted++
    const row = await scheduledPublication(app, {
      document: campaignId,
      account: accountId,
      dueAt: new Date(clock - posted * 1000),
      text,
    })
    await testWorker(app, { now }).runOnce()
    const { rows } = await pool.query(
      `SELECT remote_id, state::text AS state FROM publications WHERE id = $1`,
      [row.id],
    )
    expect(rows[0].state).toBe('published')
    return { id: Number(row.id), status: String(rows[0].remote_id) }
  }
  const pass = (workerId = 'worker-a') => runMetricsPassOnce(app.payload, { now, workerId })
  const watchOf = async (publication: number) =>
    (
      await pool.query(
        `SELECT next_at, readings::int, failures::int, last_error, ended_at, ended_reason
           FROM metric_watches WHERE publication_id = $1`,
        [publication],
      )
    ).rows[0]
  const snapshotsOf = async (publication: number) =>
    (
      await pool.query(
        `SELECT taken_at, likes::int, shares::int, comments::int, impressions, reach
           FROM metric_snapshots WHERE publication_id = $1 ORDER BY taken_at`,
        [publication],
      )
    ).rows

  beforeAll(async () => {
    app = await startTestApp('metrics')
    pool = (app.payload.db as unknown as { pool: Pool }).pool
    mastodon = await startMastodonServer({ users: { 'm-token': 'heartclinic' }, now: () => clock })
    campaignId = (await publishedCampaign(app)).id
  })
  afterAll(async () => {
    await app?.close()
    await mastodon?.close()
  })
  beforeEach(async () => {
    // Each test has an account (and so a rate-limit budget) of its own.
    accountId = (
      await channelAccount(app, {
        channel: 'mastodon',
        baseUrl: mastodon.url,
        accessToken: 'm-token',
      })
    ).id
    mastodon.limitMetrics(undefined)
  })

  it('reads hourly for 48 hours, daily to 30 days, weekly to 90, keeping every reading', async () => {
    const published = clock
    const post = await livePost('Heart month: free blood pressure checks')
    mastodon.setCounts(post.status, { favourites_count: 3, reblogs_count: 1, replies_count: 0 })

    // Enrolled at once, first read an hour after it went out.
    clock = published + 30 * 60_000
    expect(await pass()).toMatchObject({ enrolled: 1, claimed: 0 })
    clock = published + HOUR
    expect(await pass()).toMatchObject({ claimed: 1, stored: 1, calls: 1 })
    expect((await watchOf(post.id)).next_at).toEqual(new Date(published + 2 * HOUR))
    // Not due again before its next hour: nothing is asked of the network.
    const reads = mastodon.metricsReads.length
    clock = published + HOUR + 20 * 60_000
    expect(await pass()).toMatchObject({ claimed: 0, calls: 0 })
    expect(mastodon.metricsReads.length).toBe(reads)

    mastodon.setCounts(post.status, { favourites_count: 9, reblogs_count: 4, replies_count: 2 })
    clock = published + 2 * HOUR
    expect(await pass()).toMatchObject({ stored: 1 })
    // Past 48 hours: the next reading is a whole day on, on the post's own day grid.
    clock = published + 48 * HOUR + 5 * 60_000
    await pass()
    expect((await watchOf(post.id)).next_at).toEqual(new Date(published + 3 * DAY))
    // Past 30 days: weekly, on the 7-day grid from publication (day 35).
    clock = published + 31 * DAY
    await pass()
    expect((await watchOf(post.id)).next_at).toEqual(new Date(published + 35 * DAY))
    // The last reading is at 90 days; then the post is no longer read.
    clock = published + 90 * DAY
    await pass()
    const ended = await watchOf(post.id)
    expect(ended.ended_reason).toBe('measured for 90 days')
    expect(ended.readings).toBe(5)
    clock = published + 120 * DAY
    expect(await pass()).toMatchObject({ claimed: 0, calls: 0 })

    // Dated snapshots, never overwritten: a curve. Mastodon reports no views, so reach stays empty.
    const snapshots = await snapshotsOf(post.id)
    expect(snapshots.map((s) => s.taken_at.getTime() - published)).toEqual([
      HOUR,
      2 * HOUR,
      48 * HOUR + 5 * 60_000,
      31 * DAY,
      90 * DAY,
    ])
    expect(snapshots.map((s) => s.likes)).toEqual([3, 9, 9, 9, 9])
    expect(snapshots[1]).toMatchObject({ shares: 4, comments: 2, impressions: null, reach: null })
    // Each day holds the changes read that day (not the totals): summed, they are the latest total.
    const { rows: days } = await pool.query(
      `SELECT day, likes::int, reach FROM metric_days WHERE publication_id = $1 ORDER BY day`,
      [post.id],
    )
    expect(days.reduce((sum, day) => sum + day.likes, 0)).toBe(9)
    expect(days.every((day) => day.reach === null)).toBe(true)
  })

  it('retries a network error later without losing the snapshots already stored', async () => {
    const published = clock
    const post = await livePost('Screening nights in October')
    mastodon.setCounts(post.status, { favourites_count: 5 })
    clock = published + HOUR
    await pass()
    expect(await snapshotsOf(post.id)).toHaveLength(1)

    mastodon.failNextMetrics(1, 503)
    clock = published + 2 * HOUR
    expect(await pass()).toMatchObject({ claimed: 1, failed: 1, stored: 0 })
    const failed = await watchOf(post.id)
    expect(failed).toMatchObject({ failures: 1, ended_at: null })
    expect(failed.last_error).toMatch(/503/)
    // Tried again a minute later, not at the next hour; the earlier reading is untouched.
    expect(failed.next_at).toEqual(new Date(clock + 60_000))
    expect(await snapshotsOf(post.id)).toHaveLength(1)

    mastodon.setCounts(post.status, { favourites_count: 8 })
    clock += 60_000
    expect(await pass()).toMatchObject({ stored: 1 })
    expect((await snapshotsOf(post.id)).map((s) => s.likes)).toEqual([5, 8])
    expect(await watchOf(post.id)).toMatchObject({ failures: 0, last_error: null })
    // Back on its own grid: the third hour.
    expect((await watchOf(post.id)).next_at).toEqual(new Date(published + 3 * HOUR))
  })

  it("paces reads inside the account's rate limit, shared by every worker, and obeys a 429 until its reset", async () => {
    // Back to the wall clock's time (the tests before moved months ahead), for the 429's reset.
    clock = Math.floor(Date.now() / 60_000) * 60_000
    const published = clock
    const posts = [] as { id: number; status: string }[]
    for (const text of ['One', 'Two', 'Three']) posts.push(await livePost(`Story ${text}`))
    clock = published + HOUR
    // Two workers at the same instant: the budget lets one call through for the account (Mastodon
    // allows 300 per 5 minutes, so one call every ~1 s); the other readings wait for their turn.
    const ours = new Set(posts.map((post) => post.status))
    const readsOfOurs = () =>
      mastodon.metricsReads.filter((read) => read.at >= published + HOUR && ours.has(read.ids[0]))
    await Promise.all([pass('worker-a'), pass('worker-b')])
    expect(readsOfOurs()).toHaveLength(1)
    const waiting = await Promise.all(posts.map((post) => watchOf(post.id)))
    expect(waiting.filter((watch) => watch.readings === 0)).toHaveLength(2)
    for (let step = 0; step < 6; step++) {
      clock += 500
      await pass()
    }
    const answered = readsOfOurs()
    expect(answered.map((read) => read.ids[0]).sort()).toEqual(posts.map((p) => p.status).sort())
    for (let i = 1; i < answered.length; i++)
      expect(answered[i].at - answered[i - 1].at).toBeGreaterThanOrEqual(1000)
    for (const post of posts) expect(await snapshotsOf(post.id)).toHaveLength(1)

    // A network stricter than its documents: it allows 1 read in 5 minutes and says so with a 429.
    mastodon.limitMetrics({ calls: 1, windowMs: 5 * 60_000 })
    clock = published + 2 * HOUR
    await pass() // the first read is answered
    clock += 2000
    const refused = await pass() // the second is refused: 429 with X-RateLimit-Reset
    expect(refused.deferred).toBeGreaterThan(0)
    const before = readsOfOurs().length
    expect(readsOfOurs().at(-1)?.outcome).toBe('rate-limited')
    // Until the reset nobody asks again, however often the workers pass.
    for (let step = 0; step < 5; step++) {
      clock += 30_000
      await pass()
    }
    expect(readsOfOurs().length).toBe(before)
    // The reset is in the wall clock's terms, which this test's clock has run two hours ahead of:
    // well past it, the readings go on.
    mastodon.limitMetrics(undefined)
    clock = published + 5 * HOUR
    for (let step = 0; step < 4; step++) {
      clock += 1500
      await pass()
    }
    expect(readsOfOurs().length).toBeGreaterThan(before)
    for (const post of posts) expect((await snapshotsOf(post.id)).length).toBeGreaterThanOrEqual(2)
  })

  it('stops reading a post that was taken down or that the network no longer has', async () => {
    const published = clock
    const retracted = await livePost('A story later withdrawn')
    const deleted = await livePost('A post deleted on the instance')
    await pass() // both are being measured
    await pool.query(`UPDATE publications SET state = 'retracted' WHERE id = $1`, [retracted.id])
    mastodon.statuses.delete(deleted.status)
    clock = published + HOUR
    await pass()
    expect((await watchOf(retracted.id)).ended_reason).toBe('taken down')
    expect((await watchOf(deleted.id)).ended_reason).toBe('gone from the network')
    // The taken-down one was never asked about.
    expect(mastodon.metricsReads.flatMap((read) => read.ids)).not.toContain(retracted.status)
  })

  it('keeps nothing about people: counts per post and time only', async () => {
    const { rows } = await pool.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_name IN ('metric_snapshots', 'metric_watches', 'metric_budgets')`,
    )
    const columns = rows.map((row) => `${row.table_name}.${row.column_name}`)
    expect(columns).toContain('metric_snapshots.likes')
    expect(columns.filter((c) => /ip|agent|cookie|email|user|name|handle|person/i.test(c))).toEqual(
      [],
    )
    expect(slugs.metricSnapshots).toBe('metric-snapshots')
  })
})
