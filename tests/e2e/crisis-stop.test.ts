import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../../src/db/freePort'
import { accessibilityProblems, openBrowser, signIn, watch } from './support/browser'
import { start, stop } from './support/carecast'

/**
 * Issue 16, the crisis stop: an approver pauses all publishing from the dashboard with a reason,
 * sees beforehand what it holds back and what still goes out, everyone then sees who paused it and
 * why, and the approver resumes after a confirmation — in a real browser, on `npm start`.
 */
describe('the crisis stop on the dashboard', () => {
  let dataDir: string
  let running: ReturnType<typeof start> | undefined
  let browser: Browser | undefined
  let base: string

  const control = async () => {
    // The embedded Postgres `npm start` runs, found the way `npm run worker` finds it.
    const url = (await fs.readFile(path.join(dataDir, 'postgres.url'), 'utf8')).trim()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const { rows } = await client.query('SELECT paused, reason FROM scheduler_control')
      // Payload writes a global's row on its first save: none yet means never paused.
      return (rows[0] ?? { paused: false, reason: null }) as {
        paused: boolean
        reason: string | null
      }
    } finally {
      await client.end()
    }
  }

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'carecast-crisis-'))
    await fs.chmod(dataDir, 0o755)
    running = start({ PORT: String(await freePort()), CARECAST_DATA_DIR: dataDir })
    base = await running.ready
    browser = await openBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    if (running) await stop(running.child)
    await fs.rm(dataDir, { recursive: true, force: true })
  })

  it('pauses with a reason and resumes after a confirmation; others see who and why', async () => {
    const approver = await browser!.newPage()
    const problems = watch(approver)
    await signIn(approver, base, 'approver@carecast.test')
    const panel = approver.getByRole('region', { name: 'Publishing' })
    await expect.poll(() => panel.textContent(), { timeout: 60_000 }).toMatch(/Publishing is on/)

    await panel.getByRole('button', { name: 'Pause all publishing' }).click()
    await expect.poll(() => panel.textContent()).toMatch(/This holds back \d+ posts?/)
    expect(await panel.textContent()).toMatch(/Still goes out: \d+ takedowns?/)
    // No reason, no pause: the field and the problem are named, nothing is written.
    await panel.getByRole('button', { name: 'Pause now' }).click()
    await expect.poll(() => panel.getByRole('alert').textContent()).toMatch(/^Reason: /)
    expect((await control()).paused).toBe(false)

    await panel
      .getByLabel('Reason (everyone sees it)')
      .fill('Hospital incident: every post on hold')
    await panel.getByRole('button', { name: 'Pause now' }).click()
    const banner = panel.getByRole('status')
    await expect
      .poll(() => banner.textContent())
      .toMatch(
        /Publishing is paused\. Paused by Alex Approver on .+: “Hospital incident: every post on hold”/,
      )
    expect(await control()).toMatchObject({
      paused: true,
      reason: 'Hospital incident: every post on hold',
    })
    expect(await accessibilityProblems(approver, 'section[aria-labelledby]')).toEqual([])

    // A marketer sees the banner, and no switch.
    const marketer = await (await browser!.newContext()).newPage()
    const marketerProblems = watch(marketer)
    await signIn(marketer, base, 'marketer@carecast.test')
    const seen = marketer.getByRole('region', { name: 'Publishing' })
    await expect
      .poll(() => seen.getByRole('status').textContent(), { timeout: 60_000 })
      .toMatch(/Paused by Alex Approver/)
    expect(await seen.getByRole('button').count()).toBe(0)

    await panel.getByRole('button', { name: 'Resume publishing' }).click()
    await expect.poll(() => panel.textContent()).toMatch(/Resume publishing\?/)
    await panel.getByRole('button', { name: 'Yes, resume' }).click()
    await expect.poll(() => panel.textContent()).toMatch(/Publishing is on/)
    expect((await control()).paused).toBe(false)

    expect(problems).toEqual([])
    expect(marketerProblems).toEqual([])
  }, 240_000)
})
