/**
 * `npm run bench:dispatch`: 10,000 publications due at once, sent to a local Standard Webhooks
 * receiver by 1 and then 2 worker processes (`scripts/worker.ts`, as `npm run worker` runs them).
 * Prints JSON: publications per second, lag from due time to receipt (p50/p95/max), duplicates
 * received, publications lost. A benchmark, not a test: it reports, it does not assert.
 */
import { slugs } from '../src/slugs'
import { startWebhookReceiver } from '../tests/support/networks/webhookReceiver'
import { insertDuePublications, spawnWorker, waitFor } from '../tests/support/workerProcesses'
import { benchPayload, percentiles } from './support'

const COUNT = Number(process.env.BENCH_PUBLICATIONS ?? 10_000)
const WORKER_COUNTS = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number)

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

type Scenario = { name: string; workers: number; count: number; spreadMs: number }

/** Runs one scenario with fresh worker processes and a fresh receiver; lag is per publication, from its own due time. */
const run = async ({ name, workers, count, spreadMs }: Scenario) => {
  const receiver = await startWebhookReceiver()
  const account = await payload.create({
    collection: slugs.channelAccounts,
    data: {
      name: `Bench ${name} ${workers}`,
      channel: 'webhook',
      url: receiver.url,
      secret: receiver.secret,
    } as never,
  })
  const processes = await Promise.all(
    Array.from({ length: workers }, () =>
      spawnWorker(
        {
          DATABASE_URL: database.url,
          CARECAST_SECRETS_KEY: secretsKey,
          DISPATCH_POLL_MS: process.env.DISPATCH_POLL_MS ?? '200',
          DISPATCH_BATCH_SIZE: process.env.DISPATCH_BATCH_SIZE ?? '',
          DISPATCH_CONCURRENCY: process.env.DISPATCH_CONCURRENCY ?? '',
        },
        { nodeArgs: (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean) },
      ),
    ),
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
  const finished = await waitFor(async () => receiver.uniqueIds().length >= count, 600_000, 50)
  const { rows } = await pool.query(
    'SELECT id, due_at, state::text AS state FROM publications WHERE id = ANY($1)',
    [ids],
  )
  const dueById = new Map(rows.map((row) => [String(row.id), new Date(row.due_at).getTime()]))
  const lags = receiver.deliveries.map(
    (delivery) =>
      delivery.receivedAt -
      dueById.get(
        String((delivery.body as { data: { publicationId: string } }).data.publicationId),
      )!,
  )
  const last = Math.max(...receiver.deliveries.map((delivery) => delivery.receivedAt))
  const published = rows.filter((row) => row.state === 'published').length
  await Promise.all(processes.map((worker) => worker.stop()))
  await receiver.close()
  return {
    scenario: name,
    workers,
    publications: count,
    dueOverSeconds: spreadMs / 1000,
    finished,
    drainSeconds: Math.round((last - firstDue.getTime()) / 10) / 100,
    perSecond: Math.round(count / ((last - firstDue.getTime()) / 1000)),
    lagMs: percentiles(lags),
    duplicatesReceived: receiver.duplicates(),
    // Lost: never reached the receiver, or not recorded as published.
    lost: count - Math.min(receiver.uniqueIds().length, published),
  }
}

const scenarios: Scenario[] = [
  ...WORKER_COUNTS.map((workers) => ({ name: 'burst', workers, count: COUNT, spreadMs: 0 })),
  // The everyday case: posts falling due steadily, well under capacity — how late is each one?
  { name: 'steady', workers: 1, count: Number(process.env.BENCH_STEADY ?? 3000), spreadMs: 15_000 },
]
const runs = []
for (const scenario of scenarios) runs.push(await run(scenario))

console.log(
  JSON.stringify(
    {
      benchmark: 'dispatch',
      database: database.server,
      cpus: (await import('node:os')).cpus().length,
      runs,
    },
    null,
    2,
  ),
)
await payload.destroy()
await database.stop()
process.exit(0)
