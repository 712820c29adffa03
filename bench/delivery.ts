/**
 * `npm run bench:delivery`: the production build on a fresh seeded database plus 1,000 stories
 * published to the web through the real outbox, then an HTTP load generator (autocannon) on
 * loopback against (a) GET /delivery/v1/stories?limit=20, (b) one story, (c) the same list
 * through Payload's REST API (`depth=1`, with the front-end API key: anonymous callers can't
 * read stories there) and (d) a plain node:http + pg server returning the same 20 rows as JSON.
 * Prints JSON. A benchmark, not a test: it reports, it does not assert.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'
import pg from 'pg'
import { DispatchWorker, schedulerConfigOf } from '../plugins/scheduler'

import { seedDemoContent } from '../seed/content'
import { seedDemoUsers } from '../seed/demoUsers'
import { lexicalFromParagraphs } from '../src/lib/lexicalPlainText'
import { waitForHttp } from '../src/runtime/waitForHttp'
import { slugs } from '../src/slugs'
import { benchPayload } from './support'

const STORIES = Number(process.env.BENCH_STORIES ?? 1000)
const DURATION = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)
const root = path.resolve(import.meta.dirname, '..')
// One secret for the seeding process and the server: API keys are checked with it.
process.env.PAYLOAD_SECRET ??= randomBytes(32).toString('hex')
const { payload, database } = await benchPayload('delivery')
const assetsDir = await mkdtemp(path.join(os.tmpdir(), 'carecast-bench-assets-'))
await seedDemoUsers(payload)
await seedDemoContent(payload, { assetsDir })

// 1,000 stories, published to the web through the outbox, as an editor's approved rows would be.
// A seeded consent that allows a first name on the web: the consent gate checks every use.
const [consent] = (
  await payload.find({
    collection: slugs.consentRecords,
    where: {
      and: [
        { status: { equals: 'active' } },
        { usesAllowed: { in: ['name'] } },
        { channelsAllowed: { in: ['web'] } },
      ],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
).docs
const web = await payload.create({
  collection: slugs.channelAccounts,
  data: { name: 'Website', channel: 'web' } as never,
})
for (let i = 0; i < STORIES; i++) {
  const story = await payload.create({
    collection: slugs.patientStories,
    data: {
      title: `Story ${i + 1}: back to what I love`,
      narrative: lexicalFromParagraphs([
        'After my treatment I went back to work.',
        'The team stayed with me.',
      ]),
      pullQuote: 'I felt heard.',
      displayNamePolicy: 'first-name',
      displayName: 'Sam',
      consentRecord: consent.id,
      _status: 'published',
    } as never,
    context: { audit: false },
  })
  const draft = await payload.create({
    collection: slugs.publications,
    data: {
      document: { relationTo: slugs.patientStories, value: story.id },
      channelAccount: web.id,
      dueAt: new Date(Date.now() - 1000).toISOString(),
      timeZone: 'UTC',
      text: 'New story',
      state: 'draft',
    } as never,
  })
  await payload.update({
    collection: slugs.publications,
    id: draft.id,
    data: { state: 'scheduled' } as never,
    context: { schedulerInternal: true },
  })
}
const worker = new DispatchWorker(payload, schedulerConfigOf(payload))
for (let pass = 0; pass < 100; pass++) {
  await worker.runOnce()
  const { rows } = await (payload.db as unknown as { pool: pg.Pool }).pool.query(
    "SELECT count(*)::int AS n FROM publications WHERE state IN ('scheduled', 'dispatching')",
  )
  if (rows[0].n === 0) break
}
const pool = new pg.Pool({ connectionString: database.url, max: 10 })
const { rows: outcomes } = await pool.query(
  'SELECT state::text AS state, count(*)::int AS n FROM publications GROUP BY state',
)
if (!outcomes.some((row) => row.state === 'published'))
  throw new Error(`no story reached the web: ${JSON.stringify(outcomes)}`)
const { rows: counted } = await pool.query(
  "SELECT count(*)::int AS n FROM delivery_items WHERE type = 'stories' AND language = 'en'",
)
const { rows: oneStory } = await pool.query(
  "SELECT slug FROM delivery_items WHERE type = 'stories' AND language = 'en' ORDER BY sort_at DESC LIMIT 1",
)
await payload.destroy()

if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  await new Promise<void>((resolve, reject) =>
    spawn(
      process.execPath,
      [path.join(root, 'node_modules/next/dist/bin/next'), 'build', '--webpack'],
      { cwd: root, stdio: 'inherit' },
    ).on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next build exited ${code}`)),
    ),
  )
}
const port = 3400 + Math.floor(Math.random() * 400)
const server = spawn(
  process.execPath,
  ['--conditions=production', '--import', 'tsx', 'scripts/start.ts'],
  {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
      PORT: String(port),
      DATABASE_URL: database.url,
      CARECAST_WORKER: 'off',
      LOG_LEVEL: 'error',
      DELIVERY_RATE_LIMIT: '1000000000',
      DELIVERY_RATE_LIMIT_KEY: '1000000000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
)
const origin = `http://127.0.0.1:${port}`
await waitForHttp(`${origin}/delivery/v1/openapi.json`, { timeoutMs: 300_000 })

// (d) the floor: node:http + pg, one query, the same 20 rows as JSON.
const plain = http.createServer(async (_request, response) => {
  const { rows } = await pool.query({
    name: 'plain',
    text: "SELECT summary FROM delivery_items WHERE type = 'stories' AND language = 'en' ORDER BY sort_at DESC, id DESC LIMIT 20",
  })
  const body = JSON.stringify({ items: rows.map((row) => row.summary) })
  response.writeHead(200, { 'Content-Type': 'application/json' }).end(body)
})
await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve))
const plainUrl = `http://127.0.0.1:${(plain.address() as { port: number }).port}/`

const measure = async (name: string, url: string, headers: Record<string, string> = {}) => {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers }) // warm-up
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers })
  return {
    name,
    url: url.replace(origin, ''),
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    non2xx: result.non2xx,
    errors: result.errors,
  }
}
const a = await measure('delivery list', `${origin}/delivery/v1/stories?limit=20`)
const b = await measure('delivery item', `${origin}/delivery/v1/stories/${oneStory[0].slug}`)
const c = await measure(
  'Payload REST list',
  `${origin}/api/${slugs.patientStories}?limit=20&depth=1`,
  { Authorization: 'users API-Key carecast-demo-frontend-key' },
)
const d = await measure('plain node:http + pg', plainUrl)
const ratio = (x: number, y: number) => Math.round((x / y) * 100) / 100

console.log(
  JSON.stringify(
    {
      benchmark: 'delivery',
      database: database.server,
      cpus: os.cpus().length,
      storiesPublished: counted[0].n,
      connections: CONNECTIONS,
      seconds: DURATION,
      a,
      b,
      c,
      d,
      ratios: {
        'a/c': ratio(a.requestsPerSecond, c.requestsPerSecond),
        'a/d': ratio(a.requestsPerSecond, d.requestsPerSecond),
      },
    },
    null,
    2,
  ),
)
server.kill('SIGTERM')
await new Promise((resolve) => server.once('exit', resolve))
plain.close()
await pool.end()
await rm(assetsDir, { recursive: true, force: true })
await database.stop()
