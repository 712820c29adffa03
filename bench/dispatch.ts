/**
 * `npm run bench:dispatch`: publications due at once (a burst of 10,000) and falling due steadily
 * (1,000 a second for 30 s), sent to a local Standard Webhooks receiver by 1, 2 and 4 worker
 * processes (`scripts/worker.ts`, as `npm run worker` runs them). Each burst is run again by the
 * baseline (bench/baseline/dispatcher.ts: a plain table, a SKIP LOCKED claim of 100, the same
 * webhook adapter and receiver, no Payload) in the same run, and the ratio is printed.
 * Then 1,000 due at once to a receiver that answers each in 20 s (issue 15: slower than a batch's
 * lease allows without a heartbeat). Prints JSON: publications per second, lag from due time to
 * receipt (p50/p95/p99/max), duplicates received, publications lost, rows stuck unpublished, rows
 * claimed more than once, and when the last was recorded. BENCH_WORKERS, BENCH_BASELINE=0,
 * BENCH_STEADY_RATE=0 and BENCH_SLOW_PUBLICATIONS=0 pick scenarios. A benchmark, not a test: it
 * reports, it does not assert.
 */
import { appendFileSync } from 'node:fs'

import type { Pool } from 'pg'

import { slugs } from '../src/slugs'
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../tests/support/networks/webhookReceiver'
import {
  insertDuePublications,
  spawnWorker,
  waitFor,
  type WorkerProcess,
} from '../tests/support/workerProcesses'
import { benchHeader, benchPayload, percentiles } from './support'

const COUNT = Number(process.env.BENCH_PUBLICATIONS ?? 10_000)
const WORKER_COUNTS = (process.env.BENCH_WORKERS ?? '1,2,4').split(',').filter(Boolean).map(Number)
const STEADY_RATE = Number(process.env.BENCH_STEADY_RATE ?? 1000)
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 30)
const BASELINE = process.env.BENCH_BASELINE !== '0'
const SLOW_COUNT = Number(process.env.BENCH_SLOW_PUBLICATIONS ?? 1000)
const SLOW_DELAY_MS = Number(process.env.BENCH_SLOW_DELAY_MS ?? 20_000)
// 32 sends at a time at 20 s each would take over ten minutes for 1,000; 200 takes under two.
const SLOW_CONCURRENCY = process.env.BENCH_SLOW_CONCURRENCY ?? '200'
const SLOW_DEFAULTS_COUNT = Number(process.env.BENCH_SLOW_DEFAULTS_PUBLICATIONS ?? 200)

const { payload, pool, database, secretsKey } = await benchPayload('dispatch')

const campaign = await payload.create({
  collection: slugs.campaigns,
  data: {
    title: 'Heart Month',
    startsAt: new Date().toISOString(),
    endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    timeZone: 'America/New_York',
    _status: 'published',
  } as never,
})

type Scenario = {
  name: string
  workers: number
  count: number
  spreadMs: number
  /** The receiver answers each delivery this long after it arrives. */
  receiverDelayMs?: number
  /** Dispatch settings for this scenario's workers (DISPATCH_*). */
  env?: Record<string, string>
}

const workerEnv = () => ({
  DATABASE_URL: database.url,
  CARECAST_SECRETS_KEY: secretsKey,
  DISPATCH_POLL_MS: process.env.DISPATCH_POLL_MS ?? '200',
  DISPATCH_BATCH_SIZE: process.env.DISPATCH_BATCH_SIZE ?? '',
  DISPATCH_CONCURRENCY: process.env.DISPATCH_CONCURRENCY ?? '',
})
const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean)

/** What a run delivered: rate, per-publication lag from its own due time, duplicates, lost. */
const measure = async (
  receiver: WebhookReceiver,
  {
    count,
    firstDue,
    dueById,
    published,
  }: {
    count: number
    firstDue: number
    dueById: Map<string, number>
    published: number
  },
) => {
  const lags = receiver.deliveries.map(
    (delivery) =>
      delivery.receivedAt -
      dueById.get(
        String((delivery.body as { data: { publicationId: string } }).data.publicationId),
      )!,
  )
  const last = Math.max(...receiver.deliveries.map((delivery) => delivery.receivedAt))
  return {
    drainSeconds: Math.round((last - firstDue) / 10) / 100,
    perSecond: Math.round(count / ((last - firstDue) / 1000)),
    lagMs: percentiles(lags),
    duplicatesReceived: receiver.duplicates(),
    // Lost: never reached the receiver, or not recorded as published.
    lost: count - Math.min(receiver.uniqueIds().length, published),
  }
}

const stopAll = (processes: WorkerProcess[]) =>
  Promise.all(processes.map((worker) => worker.stop()))

/** The body of one delivered post, so the baseline sends exactly as many bytes. */
let template: Record<string, unknown> | undefined

/** One Carecast scenario with fresh worker processes and a fresh receiver. */
const run = async ({ name, workers, count, spreadMs, receiverDelayMs, env }: Scenario) => {
  const receiver = await startWebhookReceiver(receiverDelayMs ? { delayMs: receiverDelayMs } : {})
  const account = await payload.create({
    collection: slugs.channelAccounts,
    data: {
      name: `Bench ${name} ${workers}`,
      channel: 'webhook',
      url: receiver.url,
      secret: receiver.secret,
      // A webhook gives up after 10 s by default; this receiver is slow on purpose, and the
      // delivery must still end inside the worker's 30 s send timeout.
      ...(receiverDelayMs ? { settings: { timeoutMs: receiverDelayMs + 5000 } } : {}),
    } as never,
  })
  const processes = await Promise.all(
    Array.from({ length: workers }, () => spawnWorker({ ...workerEnv(), ...env }, { nodeArgs })),
  )
  // Due a moment from now, so every worker is idle and polling when the first comes due.
  const firstDue = new Date(Date.now() + 1500)
  const ids = await insertDuePublications(pool, {
    count,
    documentId: campaign.id,
    accountId: account.id,
    dueAt: firstDue,
    spreadMs,
  })
  const finished = await waitFor(async () => receiver.uniqueIds().length >= count, 900_000, 50)
  // Received is not yet recorded: wait (a while) for every row to be written as published.
  const settled = async () =>
    (
      await pool.query(
        "SELECT count(*)::int AS n FROM publications WHERE id = ANY($1) AND state <> 'published'",
        [ids],
      )
    ).rows[0].n === 0
  const recorded = finished && (await waitFor(settled, 60_000, 100))
  const allRecordedSeconds = recorded
    ? Math.round((Date.now() - firstDue.getTime()) / 10) / 100
    : undefined
  const { rows } = await pool.query(
    'SELECT id, due_at, state::text AS state, attempts FROM publications WHERE id = ANY($1)',
    [ids],
  )
  await stopAll(processes)
  // BENCH_WORKER_LOG=file keeps what the workers printed (warnings, lost leases) for a look after.
  if (process.env.BENCH_WORKER_LOG)
    appendFileSync(
      process.env.BENCH_WORKER_LOG,
      processes.map((worker) => `# ${name} ${worker.id}\n${worker.output()}`).join('\n'),
    )
  await receiver.close()
  template ??= (receiver.deliveries[0]?.body as { data: Record<string, unknown> } | undefined)?.data
  return {
    scenario: name,
    dispatcher: 'carecast',
    workers,
    publications: count,
    dueOverSeconds: spreadMs / 1000,
    ...(receiverDelayMs ? { receiverAnswersAfterMs: receiverDelayMs } : {}),
    ...(env ? { settings: env } : {}),
    finished,
    ...(await measure(receiver, {
      count,
      firstDue: firstDue.getTime(),
      dueById: new Map(rows.map((row) => [String(row.id), new Date(row.due_at).getTime()])),
      published: rows.filter((row) => row.state === 'published').length,
    })),
    allRecordedSeconds,
    // Behind a slow receiver arrival says little: a publication is done when it is recorded.
    ...(receiverDelayMs && allRecordedSeconds
      ? { drainSeconds: allRecordedSeconds, perSecond: Math.round(count / allRecordedSeconds) }
      : {}),
    // Stuck: still not published a minute after the last delivery arrived.
    stuck: rows.filter((row) => row.state !== 'published').length,
    claimedMoreThanOnce: rows.filter((row) => Number(row.attempts) > 1).length,
  }
}

const BASELINE_TABLE = 'baseline_outbox'
const baselineTable = async (db: Pool) => {
  await db.query(`CREATE TABLE IF NOT EXISTS ${BASELINE_TABLE} (
      id bigserial PRIMARY KEY,
      due_at timestamptz NOT NULL,
      state text NOT NULL DEFAULT 'scheduled',
      lease_owner text,
      lease_expires_at timestamptz,
      fencing_token int NOT NULL DEFAULT 0,
      idempotency_key text NOT NULL UNIQUE,
      post jsonb NOT NULL,
      remote_id text,
      published_at timestamptz)`)
  await db.query(
    `CREATE INDEX IF NOT EXISTS ${BASELINE_TABLE}_due ON ${BASELINE_TABLE} (due_at) WHERE state IN ('scheduled', 'dispatching')`,
  )
  await db.query(`TRUNCATE ${BASELINE_TABLE}`)
}

/** The same burst through the baseline dispatcher: the limit of this design on this machine. */
const runBaseline = async ({ name, workers, count }: Scenario) => {
  await baselineTable(pool)
  const receiver = await startWebhookReceiver()
  const processes = await Promise.all(
    Array.from({ length: workers }, () =>
      spawnWorker(
        {
          DATABASE_URL: database.url,
          BASELINE_URL: receiver.url,
          BASELINE_SECRET: receiver.secret,
          BASELINE_TABLE,
        },
        { nodeArgs, script: 'bench/baseline/dispatcher.ts' },
      ),
    ),
  )
  const firstDue = new Date(Date.now() + 1500)
  const { text, link, media, document } = template ?? { text: 'Baseline post', media: [] }
  const { rows: inserted } = await pool.query(
    `INSERT INTO ${BASELINE_TABLE} (due_at, idempotency_key, post)
     SELECT $1, 'baseline#' || n, $3::jsonb FROM generate_series(1, $2::int) AS n RETURNING id`,
    [firstDue, count, JSON.stringify({ text, link, media, document })],
  )
  const finished = await waitFor(async () => receiver.uniqueIds().length >= count, 600_000, 50)
  const {
    rows: [{ published }],
  } = await pool.query(
    `SELECT count(*)::int AS published FROM ${BASELINE_TABLE} WHERE state = 'published'`,
  )
  await stopAll(processes)
  await receiver.close()
  return {
    scenario: name,
    dispatcher: 'baseline',
    workers,
    publications: count,
    dueOverSeconds: 0,
    finished,
    ...(await measure(receiver, {
      count,
      firstDue: firstDue.getTime(),
      dueById: new Map(inserted.map((row) => [String(row.id), firstDue.getTime()])),
      published,
    })),
  }
}

const runs = []
const ratios = []
for (const workers of WORKER_COUNTS) {
  const scenario = { name: 'burst', workers, count: COUNT, spreadMs: 0 }
  const carecast = await run(scenario)
  runs.push(carecast)
  if (!BASELINE) continue
  const baseline = await runBaseline(scenario)
  runs.push(baseline)
  ratios.push({
    workers,
    carecastPerSecond: carecast.perSecond,
    baselinePerSecond: baseline.perSecond,
    ratio: Math.round((carecast.perSecond / baseline.perSecond) * 100) / 100,
  })
}
// The everyday case: posts falling due steadily — how late is each one?
if (STEADY_RATE > 0)
  runs.push(
    await run({
      name: 'steady',
      workers: 1,
      count: STEADY_RATE * STEADY_SECONDS,
      spreadMs: STEADY_SECONDS * 1000,
    }),
  )

// A slow receiver (issue 15): each answer takes longer than a third of the lease, so a batch
// takes longer to send than its lease lasts unless the worker keeps its leases. Then the same
// receiver at the README's defaults (32 sends at a time, 60 s leases): rows wait up to two
// minutes for a send slot, so every lease must be extended, some several times.
const slowRuns: [string, number, Record<string, string> | undefined][] = [
  ['slow-receiver', SLOW_COUNT, { DISPATCH_CONCURRENCY: SLOW_CONCURRENCY }],
  ['slow-receiver, default settings', SLOW_DEFAULTS_COUNT, undefined],
]
for (const [name, count, env] of slowRuns)
  if (count > 0)
    runs.push(
      await run({ name, workers: 1, count, spreadMs: 0, receiverDelayMs: SLOW_DELAY_MS, env }),
    )

console.log(
  JSON.stringify(
    {
      ...benchHeader('dispatch'),
      database: database.server,
      runs,
      baselineRatio: ratios,
    },
    null,
    2,
  ),
)
await payload.destroy()
await database.stop()
process.exit(0)
