/**
 * `npm run bench:metrics` (issue 18): reading live posts' counts back from the networks, next to
 * dispatch, on this machine.
 *
 * 1. Dispatch alone: one worker process (`scripts/worker.ts`, collector included but idle) sends
 *    posts falling due steadily (BENCH_STEADY_RATE a second for BENCH_STEADY_SECONDS) to a local
 *    Standard Webhooks receiver; lag from due time to receipt.
 * 2. The same, while a fresh worker process reads 10,000 live posts (BENCH_LIVE_POSTS) that all
 *    come due at once — the worst hour, every post in its hourly phase — from the Mastodon fake,
 *    spread over BENCH_ACCOUNTS accounts, each held to Mastodon's documented 300 reads per 5
 *    minutes. Reports how long until every post had its reading, and the dispatch lag meanwhile.
 *
 * Then a campaign's results for 1,000 posts with 90 days of readings each (BENCH_RESULT_POSTS:
 * about 85 snapshots a post on the real schedule, clicks and views every day): the report
 * function's time, p50/p95 over 20 runs. Prints JSON; a benchmark, not a test: it reports, it does
 * not assert.
 */
import { nextReadingAt } from '../plugins/scheduler'
import { campaignResults } from '../src/results/campaignResults'
import { readCampaignPosts } from '../src/results/sql/campaignPosts'
import { readCampaignScope } from '../src/results/sql/campaignScope'
import { readDailyChanges } from '../src/results/sql/dailyTotals'
import { slugs } from '../src/slugs'
import { startMastodonServer } from '../tests/support/networks/mastodonServer'
import { startWebhookReceiver } from '../tests/support/networks/webhookReceiver'
import { insertDuePublications, spawnWorker, waitFor } from '../tests/support/workerProcesses'
import { benchHeader, benchPayload, percentiles } from './support'

const LIVE_POSTS = Number(process.env.BENCH_LIVE_POSTS ?? 10_000)
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 40)
const STEADY_RATE = Number(process.env.BENCH_STEADY_RATE ?? 200)
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 60)
const RESULT_POSTS = Number(process.env.BENCH_RESULT_POSTS ?? 1000)
const HOUR = 3_600_000
const DAY = 24 * HOUR

const { payload, pool, database, secretsKey } = await benchPayload('metrics')
const workerEnv = {
  DATABASE_URL: database.url,
  CARECAST_SECRETS_KEY: secretsKey,
  DISPATCH_POLL_MS: '200',
}

const campaign = await payload.create({
  collection: slugs.campaigns,
  data: {
    title: 'Heart Month',
    startsAt: new Date(Date.now() - 10 * DAY).toISOString(),
    endsAt: new Date(Date.now() + 80 * DAY).toISOString(),
    timeZone: 'America/New_York',
    kpis: [{ metric: 'People reached', measure: 'reach', target: 1_000_000 }],
    _status: 'published',
  } as never,
})

/** Posts falling due steadily through one webhook account: the lag of each, due to receipt. */
const steadyDispatch = async (label: string) => {
  const receiver = await startWebhookReceiver()
  const account = await payload.create({
    collection: slugs.channelAccounts,
    data: {
      name: `Bench ${label}`,
      channel: 'webhook',
      url: receiver.url,
      secret: receiver.secret,
    } as never,
  })
  const firstDue = new Date(Date.now() + 1500)
  const count = STEADY_RATE * STEADY_SECONDS
  const ids = await insertDuePublications(pool, {
    count,
    documentId: campaign.id,
    accountId: account.id,
    dueAt: firstDue,
    spreadMs: STEADY_SECONDS * 1000,
  })
  const { rows } = await pool.query('SELECT id, due_at FROM publications WHERE id = ANY($1)', [ids])
  const due = new Map(rows.map((row) => [String(row.id), new Date(row.due_at).getTime()]))
  const finished = await waitFor(() => receiver.uniqueIds().length >= count, 600_000, 100)
  const lags = receiver.deliveries.map(
    (d) =>
      d.receivedAt -
      due.get(String((d.body as { data: { publicationId: string } }).data.publicationId))!,
  )
  await receiver.close()
  return { label, publications: count, finished, lagMs: percentiles(lags) }
}

/** Phases 1 and 2: dispatch alone, then dispatch while 10,000 live posts are read. */
const measureCollection = async () => {
  // 1. Dispatch alone.
  let worker = await spawnWorker(workerEnv)
  const alone = await steadyDispatch('dispatch alone')
  await worker.stop()

  // 2. 10,000 live posts on the Mastodon fake, all due for a reading now.
  const mastodon = await startMastodonServer({ users: { 'm-token': 'heartclinic' } })
  const accountIds: number[] = []
  for (let i = 0; i < ACCOUNTS; i++)
    accountIds.push(
      Number(
        (
          await payload.create({
            collection: slugs.channelAccounts,
            data: {
              name: `Clinic ${i}`,
              channel: 'mastodon',
              baseUrl: mastodon.url,
              accessToken: 'm-token',
            } as never,
          })
        ).id,
      ),
    )
  const publishedAt = new Date(Date.now() - HOUR - 60_000)
  const perAccount = Math.ceil(LIVE_POSTS / ACCOUNTS)
  for (const [index, accountId] of accountIds.entries()) {
    const count = Math.min(perAccount, LIVE_POSTS - index * perAccount)
    if (count <= 0) break
    const ids = await insertDuePublications(pool, {
      count,
      documentId: campaign.id,
      accountId,
      dueAt: publishedAt,
      channel: 'mastodon',
    })
    await pool.query(
      `UPDATE publications SET state = 'published', published_at = $2, remote_id = '9' || lpad(id::text, 17, '0') WHERE id = ANY($1)`,
      [ids, publishedAt],
    )
    for (const id of ids) {
      const status = `9${String(id).padStart(17, '0')}`
      mastodon.statuses.set(status, {
        id: status,
        token: 'm-token',
        text: `Live post ${id}`,
        visibility: 'public',
        language: null,
        mediaIds: [],
        createdAt: publishedAt,
      })
    }
  }
  const read = async () =>
    Number(
      (await pool.query(`SELECT count(*)::int AS n FROM metric_watches WHERE readings >= 1`))
        .rows[0].n,
    )
  const collectStart = Date.now()
  worker = await spawnWorker(workerEnv)
  const during = await steadyDispatch('dispatch while 10,000 posts are read')
  const readDuringDispatch = await read()
  const collected = await waitFor(async () => (await read()) >= LIVE_POSTS, 3_600_000, 1000)
  const collectSeconds = Math.round((Date.now() - collectStart) / 100) / 10
  const reads = mastodon.metricsReads
  const rateLimited = reads.filter((r) => r.outcome === 'rate-limited').length
  await worker.stop()
  await mastodon.close()
  return {
    collection: {
      livePosts: LIVE_POSTS,
      accounts: ACCOUNTS,
      network: 'Mastodon fake, 300 reads per 5 minutes per account, one status a read',
      allRead: collected,
      seconds: collectSeconds,
      readsPerSecond: Math.round((LIVE_POSTS / collectSeconds) * 10) / 10,
      readsMadeDuringDispatchRun: readDuringDispatch,
      httpReads: reads.length,
      rateLimitedAnswers: rateLimited,
    },
    dispatch: {
      alone,
      during,
      p95Ratio: Math.round((during.lagMs.p95 / alone.lagMs.p95) * 100) / 100,
    },
  }
}
// BENCH_ONLY=results skips phases 1 and 2 (a quick look at the report alone).
const collection = process.env.BENCH_ONLY === 'results' ? {} : await measureCollection()

// 3. A campaign's results: RESULT_POSTS posts, each with 90 days of readings on the real schedule.
const resultsCampaign = await payload.create({
  collection: slugs.campaigns,
  data: {
    title: 'Screen in October',
    startsAt: new Date(Date.now() - 95 * DAY).toISOString(),
    endsAt: new Date(Date.now() - 5 * DAY).toISOString(),
    timeZone: 'America/New_York',
    kpis: [
      { metric: 'Reach', measure: 'reach', target: 500_000 },
      { metric: 'Clicks', measure: 'clicks', target: 20_000 },
    ],
    _status: 'published',
  } as never,
})
const start = Date.now() - 92 * DAY
const resultIds = await insertDuePublications(pool, {
  count: RESULT_POSTS,
  documentId: resultsCampaign.id,
  accountId: (
    await payload.create({
      collection: slugs.channelAccounts,
      data: {
        name: 'Results bench',
        channel: 'mastodon',
        baseUrl: 'https://social.example',
      } as never,
    })
  ).id,
  dueAt: new Date(start),
  spreadMs: DAY,
  channel: 'mastodon',
})
await pool.query(
  `UPDATE publications SET state = 'published', published_at = due_at, remote_id = 'r' || id WHERE id = ANY($1)`,
  [resultIds],
)
// The readings each post would have had: hourly, then daily, then weekly, for 90 days.
const ages: number[] = []
for (let age: number | null = HOUR; age !== null;) {
  ages.push(age)
  const next = nextReadingAt(new Date(0), new Date(age))
  age = next ? next.getTime() : null
}
await pool.query(
  `INSERT INTO metric_snapshots (publication_id, channel, taken_at, likes, shares, comments, impressions, updated_at, created_at)
   SELECT p.id, 'mastodon', p.due_at + a.age * interval '1 millisecond',
          (a.n * 3 + p.id % 7), a.n, a.n / 2, a.n * 40, now(), now()
     FROM publications p, unnest($2::bigint[]) WITH ORDINALITY AS a(age, n)
    WHERE p.id = ANY($1)`,
  [resultIds, ages],
)
// And each post's changes per day, as storing those readings would have added them up.
await pool.query(
  `INSERT INTO metric_days (publication_id, day, impressions, likes, comments, shares, updated_at, created_at)
   SELECT publication_id, date_trunc('day', taken_at, 'UTC'), sum(impressions), sum(likes), sum(comments), sum(shares), now(), now()
     FROM (SELECT publication_id, taken_at,
                  impressions - coalesce(lag(impressions) OVER w, 0) AS impressions,
                  likes - coalesce(lag(likes) OVER w, 0) AS likes,
                  comments - coalesce(lag(comments) OVER w, 0) AS comments,
                  shares - coalesce(lag(shares) OVER w, 0) AS shares
             FROM metric_snapshots WHERE publication_id = ANY($1)
           WINDOW w AS (PARTITION BY publication_id ORDER BY taken_at)) changes
    GROUP BY 1, 2`,
  [resultIds],
)
const { rows: links } = await pool.query(
  `INSERT INTO short_links (code, destination, channel, publication_id, updated_at, created_at)
   SELECT 'bench' || id, 'https://hospital.org/screening', 'mastodon', id, now(), now()
     FROM unnest($1::int[]) AS id RETURNING id`,
  [resultIds],
)
await pool.query(
  `INSERT INTO link_clicks (link_id, day, channel, clicks, updated_at, created_at)
   SELECT l.id, date_trunc('day', now()) - d * interval '1 day', 'mastodon', 1 + (l.id + d) % 5, now(), now()
     FROM unnest($1::int[]) AS l(id), generate_series(0, 89) AS d`,
  [links.map((row) => row.id)],
)
await pool.query('ANALYZE')
const dayRows = Number(
  (
    await pool.query('SELECT count(*)::int AS n FROM metric_days WHERE publication_id = ANY($1)', [
      resultIds,
    ])
  ).rows[0].n,
)
const snapshots = Number(
  (
    await pool.query(
      'SELECT count(*)::int AS n FROM metric_snapshots WHERE publication_id = ANY($1)',
      [resultIds],
    )
  ).rows[0].n,
)
const timings: number[] = []
let report: Awaited<ReturnType<typeof campaignResults>> = null
for (let i = 0; i < 22; i++) {
  const began = performance.now()
  report = await campaignResults(payload, Number(resultsCampaign.id))
  if (i >= 2) timings.push(performance.now() - began) // the first two warm the plans and caches
}

// Where the time goes: each of the report's reads alone.
const partMs = async (read: () => Promise<unknown>) => {
  const times: number[] = []
  for (let i = 0; i < 12; i++) {
    const began = performance.now()
    await read()
    if (i >= 2) times.push(performance.now() - began)
  }
  return percentiles(times).p50
}
const scope = (await readCampaignScope(pool, Number(resultsCampaign.id)))!
const parts = {
  campaignAndKpis: await partMs(() => readCampaignScope(pool, Number(resultsCampaign.id))),
  postsWithLatestReadingClicksViews: await partMs(() => readCampaignPosts(pool, scope.documents)),
  days: await partMs(() => readDailyChanges(pool, scope.documents)),
}

console.log(
  JSON.stringify(
    {
      ...benchHeader('metrics'),
      database: database.server,
      ...collection,
      results: {
        posts: RESULT_POSTS,
        snapshots,
        dayRows,
        clickRows: links.length * 90,
        days: report?.daily.length,
        ms: percentiles(timings),
        partsP50Ms: parts,
      },
    },
    null,
    2,
  ),
)
await payload.destroy()
// BENCH_KEEP=1 leaves the database for a look (EXPLAIN) afterwards; its URL goes to stderr.
if (process.env.BENCH_KEEP === '1') console.error(`kept: ${database.url}`)
else await database.stop()
process.exit(0)
