/**
 * `npm run screenshots`: the README's pictures of each admin page, made from the seeded demo on a
 * fresh embedded Postgres (nothing else is touched), in Debian's chromium at 1280×800, as the
 * person who uses each page. Writes docs/screenshots/<page>.png.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Page } from 'playwright-core'

import { freePort } from '../src/db/freePort'
import { openBrowser, signIn } from '../tests/e2e/support/browser'
import { sqlOn, start, stop } from '../tests/e2e/support/carecast'

const out = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots')

type Shot = {
  name: string
  email: string
  path: string
  ready: (page: Page) => Promise<unknown>
}

const shots: Shot[] = [
  {
    name: 'dashboard',
    email: 'approver@carecast.test',
    path: '/admin',
    ready: (page) => page.getByRole('region', { name: 'Needs me now' }).waitFor(),
  },
  {
    name: 'calendar',
    email: 'marketer@carecast.test',
    path: '/admin/calendar',
    ready: (page) => page.locator('.fc-event').first().waitFor(),
  },
  {
    name: 'approvals',
    email: 'approver@carecast.test',
    path: '/admin/approvals',
    ready: (page) =>
      page
        .getByRole('list', { name: 'Posts awaiting my approval' })
        .getByRole('article')
        .first()
        .waitFor(),
  },
  {
    name: 'failures',
    email: 'approver@carecast.test',
    path: '/admin/failures',
    ready: (page) =>
      page.getByRole('list', { name: 'Failed posts' }).getByRole('article').first().waitFor(),
  },
  {
    name: 'schedule-tab',
    email: 'marketer@carecast.test',
    path: '/admin/collections/campaigns/1/schedule',
    ready: (page) =>
      page.getByRole('list', { name: 'Its posts' }).getByRole('article').first().waitFor(),
  },
  {
    name: 'revoke-tab',
    email: 'consent@carecast.test',
    path: '/admin/collections/consent-records/1/revoke',
    ready: (page) => page.getByRole('heading', { name: /^Revoke / }).waitFor(),
  },
]

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'carecast-screenshots-'))
await fs.chmod(dataDir, 0o755)
const running = start({ PORT: String(await freePort()), CARECAST_DATA_DIR: dataDir })
const base = await running.ready
const browser = await openBrowser()
try {
  const sql = sqlOn(dataDir)
  // Let the demo's own web posts go out, then give the pages something to show.
  for (let i = 0; i < 60; i++) {
    const [{ n }] = await sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM publications WHERE state IN ('scheduled', 'dispatching')",
    )
    if (n === 0) break
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  const marketer = "(SELECT id FROM users WHERE email = 'marketer@carecast.test')"
  await sql(
    `UPDATE publications SET state = 'awaiting-approval', created_by_id = ${marketer}, submitted_by_id = ${marketer},
       title = 'Heart Month: know your numbers', text = 'Free blood pressure checks all February.', due_at = now() + interval '3 days'
     WHERE id = (SELECT min(id) FROM publications)`,
  )
  await sql(
    `UPDATE publications SET state = 'failed', title = 'Run club: spring season', last_error = 'Invalid OAuth access token',
       attempts = 5, due_at = now() + interval '1 day',
       attempt_log = '[{"at":"2026-12-01T10:00:00Z","kind":"publish","outcome":"failed","status":401,"error":"Invalid OAuth access token"}]'::jsonb
     WHERE id = (SELECT max(id) FROM publications)`,
  )
  await fs.mkdir(out, { recursive: true })
  for (const shot of shots) {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage()
    await signIn(page, base, shot.email)
    await page.goto(`${base}${shot.path}`)
    await shot.ready(page)
    await page.waitForLoadState('networkidle')
    // Next's dev-tools badge is not part of Carecast.
    await page.addStyleTag({ content: 'nextjs-portal { display: none !important; }' })
    await page.screenshot({ path: path.join(out, `${shot.name}.png`) })
    console.log(`docs/screenshots/${shot.name}.png`)
    await page.context().close()
  }
} finally {
  await browser.close()
  await stop(running.child)
  await fs.rm(dataDir, { recursive: true, force: true })
}
