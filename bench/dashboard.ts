/**
 * `npm run bench:dashboard`: how long the admin's own pages take to show their first screen to a
 * signed-in person, on `npm start`'s seeded demo database with BENCH_POSTS more publications this
 * month (a quarter each draft, awaiting approval, scheduled and failed), in Debian's chromium: the
 * dashboard with its panels (Publishing, Needs me now, Consent work due), the calendar with its
 * posts, the approvals inbox and the failed posts with their first page, a campaign's Schedule tab
 * and a consent record's Revoke tab. `npm start` by default; BENCH_SERVER=production serves the
 * production build (`npm run build` first) with `npm run serve`. One warm-up load first
 * (`next dev` compiles a page on its first request, which no one waits for twice), then BENCH_LOADS
 * loads per page; each is timed from navigation to the first screen's content. Prints JSON. A
 * benchmark, not a test: it reports, it does not assert.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../src/db/freePort'
import type { Page } from 'playwright-core'

import { openBrowser, signIn } from '../tests/e2e/support/browser'
import { sqlOn, start, stop } from '../tests/e2e/support/carecast'
import { benchHeader, percentiles } from './support'

const LOADS = Number(process.env.BENCH_LOADS ?? 10)
const POSTS = Number(process.env.BENCH_POSTS ?? 400)
const roles = [
  { email: 'approver@carecast.test', panels: ['Publishing', 'Needs me now'] },
  { email: 'consent@carecast.test', panels: ['Publishing', 'Needs me now', 'Consent work due'] },
]

// BENCH_SERVER=production times the built app (`npm run build` first): `npm start` seeds the demo
// into the data dir once, then `npm run serve` serves that database with the production build.
const PRODUCTION = process.env.BENCH_SERVER === 'production'

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'carecast-bench-dashboard-'))
await fs.chmod(dataDir, 0o755)
const port = String(await freePort())
const startServer = async () => {
  if (!PRODUCTION) return start({ PORT: port, CARECAST_DATA_DIR: dataDir })
  const seeding = start({ PORT: port, CARECAST_DATA_DIR: dataDir, CARECAST_WORKER: 'off' })
  await seeding.ready
  await stop(seeding.child)
  return start(
    {
      PORT: port,
      CARECAST_DATA_DIR: dataDir,
      PAYLOAD_SECRET: 'bench-production-secret-of-at-least-32-characters',
      // The key `npm start` made, so the seeded accounts' tokens still decrypt.
      CARECAST_SECRETS_KEY: (await fs.readFile(path.join(dataDir, 'secrets.key'), 'utf8')).trim(),
    },
    'serve',
  )
}
const running = await startServer()
const base = await running.ready
const browser = await openBrowser()
const results = []
const sql = sqlOn(dataDir)

/** BENCH_POSTS copies of the first demo post over the days ahead, by the marketer. */
const seedPosts = async () => {
  const states = ['draft', 'awaiting-approval', 'scheduled', 'failed']
  const rows = await sql<{ id: number }>(
    `INSERT INTO publications (title, channel_account_id, channel, due_at, time_zone, state,
       created_by_id, submitted_by_id, idempotency_key, last_error, attempt_log)
     SELECT 'Bench post ' || g, p.channel_account_id, p.channel,
       now() + interval '1 hour' + (g % 20) * interval '1 day', p.time_zone,
       ($2::text[])[1 + g % 4]::enum_publications_state,
       u.id, u.id, 'bench-' || g,
       CASE WHEN g % 4 = 3 THEN 'HTTP 503 from the site' END,
       CASE WHEN g % 4 = 3 THEN '[{"at":"2026-12-01T10:00:00Z","kind":"publish","outcome":"failed","status":503}]'::jsonb END
     FROM generate_series(1, $1::int) g,
       (SELECT * FROM publications ORDER BY id LIMIT 1) p,
       (SELECT id FROM users WHERE email = 'marketer@carecast.test') u
     RETURNING id`,
    [POSTS, states],
  )
  await sql(
    `INSERT INTO publications_rels (parent_id, path, "order", campaigns_id)
     SELECT unnest($1::int[]), 'document', 1, (SELECT min(id) FROM campaigns)`,
    [rows.map((row) => row.id)],
  )
}

const views: {
  view: string
  path: string
  email?: string
  ready: (page: Page) => Promise<void>
}[] = [
  {
    view: 'calendar',
    path: '/admin/calendar',
    ready: (page: Page) => page.locator('.fc-event').first().waitFor({ timeout: 60_000 }),
  },
  {
    view: 'approvals',
    path: '/admin/approvals',
    ready: (page: Page) =>
      page
        .getByRole('list', { name: 'Posts awaiting my approval' })
        .getByRole('article')
        .first()
        .waitFor({ timeout: 60_000 }),
  },
  {
    view: 'failures',
    path: '/admin/failures',
    ready: (page: Page) =>
      page
        .getByRole('list', { name: 'Failed posts' })
        .getByRole('article')
        .first()
        .waitFor({ timeout: 60_000 }),
  },
  {
    view: 'schedule tab (campaign 1)',
    path: '/admin/collections/campaigns/1/schedule',
    ready: (page: Page) =>
      page
        .getByRole('list', { name: 'Its posts' })
        .getByRole('article')
        .first()
        .waitFor({ timeout: 60_000 }),
  },
  {
    view: 'revoke tab (consent record 1), as consent officer',
    path: '/admin/collections/consent-records/1/revoke',
    email: 'consent@carecast.test',
    ready: (page: Page) =>
      page.getByRole('heading', { name: /^Revoke / }).waitFor({ timeout: 60_000 }),
  },
]
try {
  await seedPosts()
  for (const role of roles) {
    const page = await (await browser.newContext()).newPage()
    await signIn(page, base, role.email)
    // Payload's own dashboard (its collection cards), then the panels: what the panels add.
    const load = async () => {
      const started = performance.now()
      await page.goto(`${base}/admin`)
      await page.getByText('Campaigns', { exact: true }).first().waitFor({ timeout: 60_000 })
      const page_ = performance.now() - started
      for (const name of role.panels)
        await page.getByRole('region', { name }).waitFor({ timeout: 60_000 })
      return { page: page_, panels: performance.now() - started }
    }
    await load() // warm-up: the first request compiles the page
    const times: { page: number; panels: number }[] = []
    for (let i = 0; i < LOADS; i++) times.push(await load())
    results.push({
      role: role.email,
      panels: role.panels,
      loads: LOADS,
      payloadDashboardMs: percentiles(times.map((time) => Math.round(time.page))),
      firstScreenMs: percentiles(times.map((time) => Math.round(time.panels))),
    })
  }
  const pages = new Map<string, Page>()
  for (const { view, path: at, ready, email = 'approver@carecast.test' } of views) {
    if (!pages.has(email)) {
      const fresh = await (await browser.newContext()).newPage()
      await signIn(fresh, base, email)
      pages.set(email, fresh)
    }
    const page = pages.get(email)!
    const load = async () => {
      const started = performance.now()
      await page.goto(`${base}${at}`)
      await ready(page)
      return performance.now() - started
    }
    await load() // warm-up: the first request compiles the page
    const times: number[] = []
    for (let i = 0; i < LOADS; i++) times.push(await load())
    results.push({
      view,
      role: email,
      loads: LOADS,
      firstScreenMs: percentiles(times.map(Math.round)),
    })
  }
} finally {
  await browser.close()
  await stop(running.child)
  await fs.rm(dataDir, { recursive: true, force: true })
}

console.log(
  JSON.stringify(
    {
      ...benchHeader('dashboard'),
      server: PRODUCTION
        ? '`npm run serve` (production build), embedded Postgres, seeded demo'
        : '`npm start` (next dev), embedded Postgres, seeded demo',
      extraPosts: POSTS,
      results,
    },
    null,
    2,
  ),
)
