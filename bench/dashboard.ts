/**
 * `npm run bench:dashboard`: how long the admin dashboard takes to show its panels (Publishing,
 * Needs me now, Consent work due) to a signed-in person, on `npm start`'s seeded demo database, in
 * Debian's chromium. One warm-up load first (`next dev` compiles a page on its first request,
 * which no one waits for twice), then BENCH_LOADS loads per role; each is timed from navigation to
 * the last panel on screen. Prints JSON. A benchmark, not a test: it reports, it does not assert.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../src/db/freePort'
import { openBrowser, signIn } from '../tests/e2e/support/browser'
import { start, stop } from '../tests/e2e/support/carecast'
import { benchHeader, percentiles } from './support'

const LOADS = Number(process.env.BENCH_LOADS ?? 10)
const roles = [
  { email: 'approver@carecast.test', panels: ['Publishing', 'Needs me now'] },
  { email: 'consent@carecast.test', panels: ['Publishing', 'Needs me now', 'Consent work due'] },
]

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'carecast-bench-dashboard-'))
await fs.chmod(dataDir, 0o755)
const running = start({ PORT: String(await freePort()), CARECAST_DATA_DIR: dataDir })
const base = await running.ready
const browser = await openBrowser()
const results = []
try {
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
} finally {
  await browser.close()
  await stop(running.child)
  await fs.rm(dataDir, { recursive: true, force: true })
}

console.log(
  JSON.stringify(
    {
      ...benchHeader('dashboard'),
      server: '`npm start` (next dev), embedded Postgres, seeded demo',
      results,
    },
    null,
    2,
  ),
)
