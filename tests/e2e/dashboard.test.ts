import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { accessibilityProblems, signIn, watch } from './support/browser'
import { type Booted, bootCarecast } from './support/boot'

/**
 * Issue 16, the dashboard, in a real browser on `npm start`: what needs each person now, and the
 * crisis stop — an approver pauses all publishing with a reason, seeing beforehand what it holds
 * back and what still goes out; everyone then sees who paused it and why; the approver resumes
 * after a confirmation.
 */
describe('the dashboard', () => {
  let carecast: Booted | undefined
  let browser: Browser | undefined
  let base: string

  const sql: Booted['sql'] = (text, values) => carecast!.sql(text, values)
  const control = async () => {
    const [row] = await sql('SELECT paused, reason FROM scheduler_control')
    // Payload writes a global's row on its first save: none yet means never paused.
    return (row ?? { paused: false, reason: null }) as { paused: boolean; reason: string | null }
  }

  beforeAll(async () => {
    carecast = await bootCarecast('crisis', { settle: false })
    ;({ base, browser } = carecast)
  })
  afterAll(async () => {
    await carecast?.close()
  })

  it('shows an approver what needs them, opens each count on its page, and never their own post', async () => {
    // Two of the demo's web publications, made into work: one failed, one the marketer sent for approval.
    const [marketer] = await sql("SELECT id FROM users WHERE email = 'marketer@carecast.test'")
    const [failed, waiting] = await sql('SELECT id, title FROM publications ORDER BY id LIMIT 2')
    await sql(
      "UPDATE publications SET state = 'failed', last_error = 'HTTP 500 from the site' WHERE id = $1",
      [failed.id],
    )
    await sql(
      "UPDATE publications SET state = 'awaiting-approval', created_by_id = $2, submitted_by_id = $2, due_at = now() + interval '2 days' WHERE id = $1",
      [waiting.id, marketer.id],
    )

    // An account whose sign-in the network refused: its posts wait until someone reconnects it.
    const [account] = await sql('SELECT min(id) AS id FROM channel_accounts')
    await sql(
      "UPDATE channel_accounts SET connection = 'reconnect-needed', connection_problem = 'the network refused the sign-in' WHERE id = $1",
      [account.id],
    )

    const page = await browser!.newPage()
    const problems = watch(page)
    await signIn(page, base, 'approver@carecast.test')
    const needs = page.getByRole('region', { name: 'Needs me now' })
    const tile = (label: string) => needs.getByRole('link', { name: new RegExp(label) })
    await expect
      .poll(() => tile('Awaiting my approval').textContent(), { timeout: 60_000 })
      .toBe('1Awaiting my approval')
    expect(await tile('Failed posts').textContent()).toBe('1Failed posts')
    expect(await tile('My rejected posts').textContent()).toBe('0My rejected posts')
    expect(await tile('Accounts to reconnect').textContent()).toBe('1Accounts to reconnect')
    await sql(
      'UPDATE channel_accounts SET connection = NULL, connection_problem = NULL WHERE id = $1',
      [account.id],
    )
    // The week ahead lists the waiting post, at its time in its own zone.
    expect(await needs.getByRole('list', { name: 'The next 7 days' }).textContent()).toContain(
      waiting.title,
    )
    expect(await accessibilityProblems(page, 'section[aria-labelledby]')).toEqual([])

    // Each count opens the page made for that work, listing the same posts.
    await tile('Failed posts').click()
    await page.waitForURL(/\/admin\/failures$/)
    const failures = page.getByRole('list', { name: 'Failed posts' })
    await expect.poll(() => failures.getByRole('article').count(), { timeout: 30_000 }).toBe(1)
    expect(await failures.textContent()).toContain(failed.title)
    await page.goBack()
    await tile('Awaiting my approval').click()
    await page.waitForURL(/\/admin\/approvals$/)
    const inbox = page.getByRole('list', { name: 'Posts awaiting my approval' })
    await expect.poll(() => inbox.getByRole('article').count(), { timeout: 30_000 }).toBe(1)
    expect(await inbox.textContent()).toContain(waiting.title)

    // The marketer who sent it has nothing to approve: it is their own.
    const author = await (await browser!.newContext()).newPage()
    const authorProblems = watch(author)
    await signIn(author, base, 'marketer@carecast.test')
    const theirs = author.getByRole('region', { name: 'Needs me now' })
    await expect
      .poll(() => theirs.getByRole('link', { name: /Failed posts/ }).textContent(), {
        timeout: 60_000,
      })
      .toBe('1Failed posts')
    expect(await theirs.getByRole('link', { name: /Awaiting my approval/ }).count()).toBe(0)

    await sql("UPDATE publications SET state = 'published' WHERE id = ANY($1)", [
      [failed.id, waiting.id],
    ])
    expect(problems).toEqual([])
    expect(authorProblems).toEqual([])
  }, 240_000)

  it('shows a consent officer the consent work due, and a marketer none of the consent records', async () => {
    const [consent] = await sql(
      "SELECT id FROM consent_records WHERE status = 'active' ORDER BY id LIMIT 1",
    )
    const [before] = await sql('SELECT expiry_expires_on FROM consent_records WHERE id = $1', [
      consent.id,
    ])
    await sql(
      "UPDATE consent_records SET expiry_expires_on = date_trunc('day', now()) + interval '10 days' WHERE id = $1",
      [consent.id],
    )
    const [task] = await sql(
      "INSERT INTO consent_tasks (kind, consent_record_id, place, instructions, due_at, done) VALUES ('takedown', $1, 'Printed brochure', 'Pull the brochure from the lobby', now() + interval '2 days', false) RETURNING id",
      [consent.id],
    )
    const expected = async () => {
      const [tasks] = await sql(
        "SELECT count(*)::int AS n FROM consent_tasks WHERE done IS NOT TRUE AND due_at < date_trunc('day', now()) + interval '8 days'",
      )
      const [expiring] = await sql(
        "SELECT count(*)::int AS n FROM consent_records WHERE status = 'active' AND expiry_expires_on >= date_trunc('day', now()) AND expiry_expires_on < date_trunc('day', now()) + interval '31 days'",
      )
      return { tasks: tasks.n as number, expiring: expiring.n as number }
    }
    const counts = await expected()
    expect(counts.tasks).toBeGreaterThan(0)
    expect(counts.expiring).toBeGreaterThan(0)

    const officer = await (await browser!.newContext()).newPage()
    const problems = watch(officer)
    await signIn(officer, base, 'consent@carecast.test')
    const due = officer.getByRole('region', { name: 'Consent work due' })
    const tile = (label: string) => due.getByRole('link', { name: new RegExp(label) })
    await expect
      .poll(() => tile('Consent tasks due').textContent(), { timeout: 60_000 })
      .toBe(`${counts.tasks}Consent tasks due within 7 days`)
    expect(await tile('Consents expiring').textContent()).toBe(
      `${counts.expiring}Consents expiring within 30 days`,
    )
    expect(await accessibilityProblems(officer, 'section[aria-labelledby]')).toEqual([])
    await tile('Consent tasks due').click()
    await expect
      .poll(() => officer.locator('.table').textContent(), { timeout: 30_000 })
      .toContain('Printed brochure')

    const marketer = await (await browser!.newContext()).newPage()
    // What a marketer may not read is not even asked for: any 403 would be a problem here.
    const marketerProblems = watch(marketer)
    await signIn(marketer, base, 'marketer@carecast.test')
    await expect
      .poll(() => marketer.getByRole('region', { name: 'Publishing' }).count(), {
        timeout: 60_000,
      })
      .toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(await marketer.getByRole('link', { name: /Consents expiring/ }).count()).toBe(0)

    await sql('DELETE FROM consent_tasks WHERE id = $1', [task.id])
    await sql('UPDATE consent_records SET expiry_expires_on = $2 WHERE id = $1', [
      consent.id,
      before.expiry_expires_on,
    ])
    expect(problems).toEqual([])
    expect(marketerProblems).toEqual([])
  }, 240_000)

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
    await approver.waitForLoadState('networkidle')
    await panel.getByRole('button', { name: 'Pause now' }).click()
    await expect.poll(() => panel.getByRole('alert').textContent()).toMatch(/^Reason: /)
    expect((await control()).paused).toBe(false)

    await panel
      .getByLabel('Reason (everyone sees it)')
      .fill('Hospital incident: every post on hold')
    await approver.waitForLoadState('networkidle')
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

    await approver.waitForLoadState('networkidle')
    await panel.getByRole('button', { name: 'Resume publishing' }).click()
    await expect.poll(() => panel.textContent()).toMatch(/Resume publishing\?/)
    await approver.waitForLoadState('networkidle')
    await panel.getByRole('button', { name: 'Yes, resume' }).click()
    await expect.poll(() => panel.textContent()).toMatch(/Publishing is on/)
    expect((await control()).paused).toBe(false)

    expect(problems).toEqual([])
    expect(marketerProblems).toEqual([])
  }, 240_000)
})
