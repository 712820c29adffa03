import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { accessibilityProblems, signIn, watch } from './support/browser'
import { type Booted, bootCarecast } from './support/boot'

/**
 * Issue 16, the dashboard, in a real browser on `npm start`: what needs each person now, and the
 * crisis stop — an approver pauses all publishing with a reason, seeing beforehand what it holds
 * back and what still goes out; everyone then sees who paused it and why; the approver resumes
 * after a confirmation. Issue 18: the campaigns behind their targets, and a campaign's Results tab.
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

  it("shows a marketer the campaigns behind target, and a campaign's results: KPI progress, charts, best posts, CSV", async () => {
    // A demo campaign, running now, with a reach target it is behind on and two measured posts.
    const [campaign] = await sql(
      "SELECT c.id, c.starts_at, c.ends_at, l.title FROM campaigns c JOIN campaigns_locales l ON l._parent_id = c.id AND l._locale = 'en' ORDER BY c.id LIMIT 1",
    )
    const [account] = await sql('SELECT min(id) AS id FROM channel_accounts')
    await sql(
      "UPDATE campaigns SET starts_at = now() - interval '10 days', ends_at = now() + interval '10 days' WHERE id = $1",
      [campaign.id],
    )
    await sql(
      "INSERT INTO campaigns_kpis (_order, _parent_id, id, metric, measure, target, unit) VALUES (99, $1, 'e2e-reach', 'People reached (e2e)', 'reach', 100000, 'people')",
      [campaign.id],
    )
    const posts = await sql(
      `INSERT INTO publications (title, channel_account_id, channel, due_at, time_zone, text, state, idempotency_key, attempts, fencing_token, published_at, remote_id, remote_url)
       SELECT 'E2E results ' || n, $1, 'mastodon', now() - interval '3 days', 'America/New_York', 'Know your numbers ' || n, 'published',
              'e2e-results-' || n, 1, 1, now() - interval '3 days', 'e2e' || n, 'https://social.example/@clinic/e2e' || n
         FROM generate_series(1, 2) AS n RETURNING id`,
      [account.id],
    )
    const ids = posts.map((row) => row.id as number)
    await sql(
      'INSERT INTO publications_rels ("order", parent_id, path, campaigns_id) SELECT 1, id, \'document\', $1 FROM unnest($2::int[]) AS id',
      [campaign.id, ids],
    )
    await sql(
      `INSERT INTO metric_snapshots (publication_id, channel, taken_at, impressions, likes, comments, shares)
       VALUES ($1, 'mastodon', now() - interval '2 days', 900, 20, 4, 6), ($1, 'mastodon', now() - interval '1 hour', 1200, 31, 5, 9),
              ($2, 'mastodon', now() - interval '1 hour', 300, 2, 0, 1)`,
      ids,
    )

    const page = await browser!.newPage()
    const problems = watch(page)
    await signIn(page, base, 'marketer@carecast.test')
    const behind = page.getByRole('region', { name: 'Campaigns behind target' })
    const kpis = behind.getByRole('list', { name: `${campaign.title}: KPIs behind` })
    await expect
      .poll(() => kpis.textContent(), { timeout: 60_000 })
      .toMatch(/People reached \(e2e\)/)
    expect(await kpis.textContent()).toMatch(/1,500 of 100,000/)
    expect(await accessibilityProblems(page, 'section[aria-labelledby]')).toEqual([])

    await behind.getByRole('link', { name: campaign.title }).click()
    await page.waitForURL(new RegExp(`/admin/collections/campaigns/${campaign.id}/results$`))
    const results = page.getByRole('region', { name: 'Results' })
    await expect
      .poll(
        () => results.getByRole('progressbar', { name: 'People reached (e2e) progress' }).count(),
        {
          timeout: 60_000,
        },
      )
      .toBe(1)
    for (const heading of ['KPI progress', 'Over time', 'By channel', 'Best posts', 'Worst posts'])
      expect(await results.getByRole('heading', { name: heading }).count()).toBe(1)
    // Drawn by the chart library: an SVG line per series, not a table in disguise.
    await expect.poll(() => results.locator('svg.recharts-surface').count()).toBeGreaterThan(1)
    const best = results.getByRole('table', { name: 'Best posts' })
    expect(await best.textContent()).toContain('Mastodon')
    expect(await best.getByRole('row').nth(1).textContent()).toContain('1,200')
    expect(await accessibilityProblems(page, 'section[aria-labelledby]')).toEqual([])

    // The CSV is the same posts, as a download.
    const href = await results.getByRole('link', { name: 'Download CSV' }).getAttribute('href')
    const csv = await page.request.get(new URL(href!, base).toString())
    expect(csv.status()).toBe(200)
    expect(csv.headers()['content-disposition']).toMatch(/^attachment/)
    const lines = (await csv.text()).trim().split('\r\n')
    expect(
      lines.filter((line) => line.includes('E2E results') || line.includes('/e2e')),
    ).toHaveLength(2)

    await sql('DELETE FROM metric_snapshots WHERE publication_id = ANY($1)', [ids])
    await sql('DELETE FROM publications WHERE id = ANY($1)', [ids])
    await sql("DELETE FROM campaigns_kpis WHERE id = 'e2e-reach'")
    await sql('UPDATE campaigns SET starts_at = $2, ends_at = $3 WHERE id = $1', [
      campaign.id,
      campaign.starts_at,
      campaign.ends_at,
    ])
    expect(problems).toEqual([])
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
