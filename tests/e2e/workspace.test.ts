import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fromWallTime } from '../../plugins/scheduler/lib/wallTime'
import { accessibilityProblems, signIn, watch, widthOnPhone } from './support/browser'
import { type Booted, bootCarecast } from './support/boot'
import { DAY, NEW_YORK, newYorkInstant, plusDays } from './support/dates'

/** `YYYY-MM-DD` of a day `days` after today, moved to the Tuesday of its week (Sunday first). */
const tuesdayAfter = (days: number) => {
  const day = new Date(Date.now() + days * DAY)
  day.setUTCDate(day.getUTCDate() - day.getUTCDay() + 2)
  return day.toISOString().slice(0, 10)
}

/**
 * Issue 16, items 2, 4 and 5 in a real browser on `npm start`: an approver works through the
 * approvals inbox (one, with a reason, in bulk; never their own post), retries failed posts one
 * and all, and a marketer drags a post on the calendar in a browser on Tokyo time — the post keeps
 * its New York wall-clock time, goes back for approval, and a move past the consent's end is
 * refused with the reason. And a campaign scheduled from its Schedule tab. The forms are in
 * forms.test.ts.
 */
describe('the team workspace in the admin', () => {
  let carecast: Booted | undefined
  let browser: Browser | undefined
  let base: string
  const sql: Booted['sql'] = (text, values) => carecast!.sql(text, values)
  const userId = async (email: string) =>
    (await sql('SELECT id FROM users WHERE email = $1', [email]))[0].id as number

  beforeAll(async () => {
    carecast = await bootCarecast('workspace')
    ;({ base, browser } = carecast)
  })
  afterAll(async () => {
    await carecast?.close()
  })

  /** Demo publications (one per document), made into the work a test needs. */
  const posts = async (count: number, offset: number) =>
    sql('SELECT id FROM publications ORDER BY id LIMIT $1 OFFSET $2', [count, offset]) as Promise<
      { id: number }[]
    >

  const narrowCheck = async (page: Page, url: string, ready = 'section[aria-labelledby] h1') =>
    expect(await widthOnPhone(page, url, ready)).toBeLessThanOrEqual(390)

  it('lets an approver approve one, reject one with a reason, and reject others in bulk — never their own or one they edited', async () => {
    const marketer = await userId('marketer@carecast.test')
    const approverId = await userId('approver@carecast.test')
    const work = await posts(5, 0)
    const titles = ['Flu clinic reminder', 'Knee class invite', 'Heart month video', 'Run club']
    for (const [index, { id }] of work.slice(0, 4).entries())
      await sql(
        "UPDATE publications SET state = 'awaiting-approval', title = $2, created_by_id = $3, submitted_by_id = $3, due_at = now() + interval '3 days', approved_by_id = NULL WHERE id = $1",
        [id, titles[index], marketer],
      )
    // The approver polished the Run club post's copy before it was sent: not theirs to approve.
    await sql(
      `INSERT INTO publications_rels (parent_id, path, "order", users_id) VALUES ($1, 'editors', 1, $2)`,
      [work[3].id, approverId],
    )
    const own = work[4]
    await sql(
      "UPDATE publications SET state = 'awaiting-approval', title = 'My own post', created_by_id = $2, submitted_by_id = $2, due_at = now() + interval '3 days' WHERE id = $1",
      [own.id, approverId],
    )

    const page = await browser!.newPage()
    const problems = watch(page)
    await signIn(page, base, 'approver@carecast.test')
    await page.goto(`${base}/admin/approvals`)
    const inbox = page.getByRole('list', { name: 'Posts awaiting my approval' })
    const item = (title: string) => inbox.getByRole('article', { name: title })
    await expect.poll(() => inbox.getByRole('article').count(), { timeout: 60_000 }).toBe(4)
    expect(await inbox.textContent()).not.toContain('My own post')
    // The preview is the network's shape, and the author is a name.
    expect(await item('Flu clinic reminder').getByRole('figure').count()).toBe(1)
    expect(await item('Flu clinic reminder').textContent()).toContain('written by Morgan Marketer')
    expect(await item('Run club').textContent()).toContain(
      'You edited this post, so another approver must approve it.',
    )
    expect(await item('Run club').getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true)
    expect(await accessibilityProblems(page, 'section[aria-labelledby]')).toEqual([])

    await page.waitForLoadState('networkidle')
    await item('Flu clinic reminder').getByRole('button', { name: 'Approve' }).click()
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Flu clinic reminder: approved')
    // Rejecting needs a reason: none given, nothing is written.
    await page.waitForLoadState('networkidle')
    await item('Knee class invite').getByRole('button', { name: 'Reject' }).click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Say why')
    expect((await sql('SELECT state FROM publications WHERE id = $1', [work[1].id]))[0].state).toBe(
      'awaiting-approval',
    )
    await item('Knee class invite')
      .getByLabel('Reason for rejecting')
      .fill('Use the new class times')
    await page.waitForLoadState('networkidle')
    await item('Knee class invite').getByRole('button', { name: 'Reject' }).click()
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Knee class invite: rejected')

    await expect.poll(() => inbox.getByRole('article').count()).toBe(2)
    await page.waitForLoadState('networkidle')
    await page.getByRole('button', { name: 'Select all on this page' }).click()
    await page
      .getByLabel('Reason for rejecting the selected')
      .fill('Hold until the spring campaign')
    await page.getByRole('button', { name: 'Reject selected' }).click()
    await expect.poll(() => page.getByText('Nothing is waiting for your approval.').count()).toBe(1)

    const rows = await sql(
      'SELECT id, state, rejection_reason, approved_by_id FROM publications WHERE id = ANY($1) ORDER BY id',
      [work.map((post) => post.id)],
    )
    expect(rows.map((row) => [row.state, row.rejection_reason])).toEqual([
      ['scheduled', null],
      ['draft', 'Use the new class times'],
      ['draft', 'Hold until the spring campaign'],
      ['draft', 'Hold until the spring campaign'],
      ['awaiting-approval', null],
    ])
    expect(rows[0].approved_by_id).toBe(approverId)

    await narrowCheck(page, `${base}/admin/approvals`)
    await sql("UPDATE publications SET state = 'cancelled' WHERE id = ANY($1)", [
      work.map((post) => post.id),
    ])
    expect(problems).toEqual([])
  }, 240_000)

  it('shows failed posts in plain words with the attempt log, and retries one and then all', async () => {
    const work = await posts(3, 5)
    const log = JSON.stringify([
      {
        at: new Date(Date.now() - 3_600_000).toISOString(),
        kind: 'publish',
        outcome: 'failed',
        status: 401,
        error: 'Invalid OAuth access token',
      },
    ])
    for (const [index, { id }] of work.entries())
      await sql(
        "UPDATE publications SET state = 'failed', title = $2, attempts = 5, last_error = 'Invalid OAuth access token', attempt_log = $3::jsonb, due_at = now() + interval '2 days' WHERE id = $1",
        [id, `Failed post ${index + 1}`, log],
      )

    const page = await browser!.newPage()
    const problems = watch(page)
    await signIn(page, base, 'approver@carecast.test')
    await page.goto(`${base}/admin/failures`)
    const list = page.getByRole('list', { name: 'Failed posts' })
    await expect.poll(() => list.getByRole('article').count(), { timeout: 60_000 }).toBe(3)
    const first = list.getByRole('article', { name: 'Failed post 1' })
    // The reason in words a marketer acts on, the network's own message, and the log.
    expect(await first.textContent()).toContain(
      "The network no longer accepts this account's sign-in.",
    )
    expect(await first.textContent()).toContain('The network said: Invalid OAuth access token')
    await first.getByText('Attempt log (1)').click()
    expect(await first.getByRole('table').textContent()).toContain('401')
    expect(await accessibilityProblems(page, 'section[aria-labelledby]')).toEqual([])

    await page.waitForLoadState('networkidle')
    await page.getByRole('button', { name: 'Retry Failed post 1' }).click()
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Failed post 1: back on the schedule')
    await expect.poll(() => list.getByRole('article').count()).toBe(2)
    await page.waitForLoadState('networkidle')
    await page.getByRole('button', { name: 'Retry all 2 failed posts' }).click()
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('2 of 2 failed posts are back on the schedule')
    await expect.poll(() => page.getByText('No post has failed.').count()).toBe(1)

    const rows = await sql(
      'SELECT state, attempts::int AS attempts FROM publications WHERE id = ANY($1)',
      [work.map((post) => post.id)],
    )
    expect(rows).toEqual(Array(3).fill({ state: 'scheduled', attempts: 0 }))

    await narrowCheck(page, `${base}/admin/failures`)
    await sql("UPDATE publications SET state = 'cancelled' WHERE id = ANY($1)", [
      work.map((post) => post.id),
    ])
    expect(problems).toEqual([])
  }, 240_000)

  it('moves a post by drag in its own zone from a Tokyo browser, and refuses a move past the consent', async () => {
    // A story's publication, approved for 09:00 New York on a Tuesday ahead; its consent ends on
    // the Wednesday, so Thursday is past it.
    const [story] = await sql(
      "SELECT s.id, s.consent_record_id FROM patient_stories s JOIN consent_records c ON c.id = s.consent_record_id WHERE c.status = 'active' AND c.expiry_expires_on > now() + interval '30 days' ORDER BY s.id LIMIT 1",
    )
    const [post] = await sql(
      "SELECT p.id FROM publications p JOIN publications_rels r ON r.parent_id = p.id AND r.path = 'document' WHERE r.patient_stories_id = $1 LIMIT 1",
      [story.id],
    )
    const [consent] = await sql('SELECT expiry_expires_on FROM consent_records WHERE id = $1', [
      story.consent_record_id,
    ])
    const tuesday = tuesdayAfter(7)
    const thursday = plusDays(tuesday, 2)
    const marketer = await userId('marketer@carecast.test')
    await sql(
      "UPDATE publications SET state = 'scheduled', title = 'Calendar: Ana''s story', time_zone = $2, due_at = $3, created_by_id = $4, submitted_by_id = $4, approved_by_id = (SELECT id FROM users WHERE email = 'approver@carecast.test') WHERE id = $1",
      [post.id, NEW_YORK, newYorkInstant(tuesday, '09:00'), marketer],
    )
    await sql('UPDATE consent_records SET expiry_expires_on = $2 WHERE id = $1', [
      story.consent_record_id,
      `${plusDays(tuesday, 1)}T00:00:00Z`,
    ])

    const context = await browser!.newContext({ timezoneId: 'Asia/Tokyo' })
    const page = await context.newPage()
    // The refused move is answered 400, with the reason the test reads.
    const problems = watch(page, (url, status) => status === 400 && url.endsWith('/reschedule'))
    await signIn(page, base, 'marketer@carecast.test')
    await page.goto(`${base}/admin/calendar`)
    const cell = (date: string) => page.locator(`td.fc-daygrid-day[data-date="${date}"]`)
    // The calendar's own "Next Month" button: a bare name "Next" also matches Next.js's dev-tools
    // button, which can show before the calendar does.
    const nextMonth = page.getByRole('button', { name: 'Next', description: 'Next Month' })
    await cell(tuesday).or(nextMonth).first().waitFor({ timeout: 60_000 })
    // The month grid is drawn: the day is on it, or a later month has it.
    await page.locator('td.fc-daygrid-day').first().waitFor({ timeout: 60_000 })
    while (!(await cell(tuesday).count())) await nextMonth.click()
    const event = cell(tuesday).locator('.fc-event', { hasText: 'Calendar: Ana' })
    await event.waitFor({ timeout: 30_000 })
    // 09:00 in New York, shown as 09:00 in a browser on Tokyo time.
    expect(await event.textContent()).toMatch(
      /^09:00\s*Scheduled · Website · Calendar: Ana's story/,
    )
    expect(await accessibilityProblems(page, 'section[aria-labelledby]')).toEqual([])

    const drag = async () => {
      const from = (await event.boundingBox())!
      const to = (await cell(thursday).boundingBox())!
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
      await page.mouse.down()
      await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 5 })
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 })
      await page.mouse.up()
    }
    const status = page.getByRole('status').first()
    await drag()
    await expect
      .poll(() => status.textContent())
      .toMatch(/^Not moved: .*expires on .*unpublish it by .* or get a renewed consent\./)
    // It snaps back, and nothing was written.
    await expect.poll(() => event.count()).toBe(1)
    const unchanged = await sql('SELECT state, due_at FROM publications WHERE id = $1', [post.id])
    expect(unchanged[0].state).toBe('scheduled')
    expect(new Date(unchanged[0].due_at).toISOString()).toBe(
      newYorkInstant(tuesday, '09:00').toISOString(),
    )

    // With a renewed consent the same move goes through, at 09:00 New York on the Thursday.
    await sql('UPDATE consent_records SET expiry_expires_on = $2 WHERE id = $1', [
      story.consent_record_id,
      consent.expiry_expires_on,
    ])
    await drag()
    await expect
      .poll(() => status.textContent())
      .toBe(
        `Moved to ${thursday} 09:00 (${NEW_YORK}). It was approved for the old time, so it needs approval again.`,
      )
    const moved = await sql('SELECT state, due_at FROM publications WHERE id = $1', [post.id])
    expect(moved[0].state).toBe('awaiting-approval')
    expect(new Date(moved[0].due_at).toISOString()).toBe(
      newYorkInstant(thursday, '09:00').toISOString(),
    )
    await expect
      .poll(() => cell(thursday).locator('.fc-event', { hasText: 'Calendar: Ana' }).textContent())
      .toMatch(/^09:00\s*Awaiting approval/)

    // The marketer's own calendar link, for a calendar app: iCalendar with this post in it.
    await page.getByRole('button', { name: 'Get my calendar link' }).click()
    const link = await page.getByLabel('Your calendar link').inputValue()
    const feed = await fetch(link)
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/)
    expect(await feed.text()).toContain("Calendar: Ana's story")

    await narrowCheck(page, `${base}/admin/calendar`)
    await sql('UPDATE consent_records SET expiry_expires_on = $2 WHERE id = $1', [
      story.consent_record_id,
      consent.expiry_expires_on,
    ])
    expect(problems).toEqual([])
  }, 240_000)

  it('schedules a campaign from its Schedule tab: channels, time in its zone, counted copy, re-share, the gate, then approval', async () => {
    const [campaign] = await sql(
      "SELECT id, time_zone FROM campaigns WHERE _status = 'published' ORDER BY id LIMIT 1",
    )
    await sql(
      "INSERT INTO channel_accounts (name, channel, credentials_set) VALUES ('Clinic on X', 'x', 'access token'), ('X account, no token', 'x', 'none')",
    )
    const page = await (await browser!.newContext({ timezoneId: 'Asia/Tokyo' })).newPage()
    const problems = watch(page)
    await signIn(page, base, 'marketer@carecast.test')
    await page.goto(`${base}/admin/collections/campaigns/${campaign.id}/schedule`)
    const panel = page.getByRole('region', { name: 'Schedule' })
    await panel.getByRole('heading', { name: 'Add to channels' }).waitFor({ timeout: 60_000 })
    await page.waitForLoadState('networkidle')
    // An account that can't send is shown, not offered, and says why.
    await expect
      .poll(() => panel.getByLabel('X account, no token (X)', { exact: true }).isDisabled(), {
        timeout: 30_000,
      })
      .toBe(true)
    expect(await panel.textContent()).toContain('"X account, no token" has no access token yet')

    await panel.getByLabel('Website (Website)').check()
    await panel.getByLabel('Clinic on X (X)').check()
    // The campaign's own hero image is offered, and goes with both posts.
    const images = panel.getByRole('group', { name: 'Images from this document' })
    expect(await images.getByRole('checkbox').count()).toBe(1)
    await images.getByRole('checkbox').check()
    const day = plusDays(new Date().toISOString().slice(0, 10), 12)
    await panel.getByLabel(`When (${campaign.time_zone})`).fill(`${day}T09:00`)
    // X counts the way X does: a link is 23, whatever its length.
    await panel.getByLabel('Link').fill('https://hospital.org/heart-month/know-your-numbers')
    await panel.getByLabel('Copy for Clinic on X (X)').fill('x'.repeat(260))
    await expect.poll(() => panel.getByText(/^284 of 280 characters — 4 too many$/).count()).toBe(1)
    await panel.getByLabel('Copy for Clinic on X (X)').fill('Know your numbers: free checks')
    await expect.poll(() => panel.getByText(/^54 of 280 characters$/).count()).toBe(1)
    await panel.getByLabel('Copy for Website (Website)').fill('Know your numbers this month')
    await panel.getByLabel('Share again').selectOption('month')
    await panel.getByLabel('Times in all').fill('6')
    expect(await panel.getByRole('figure').count()).toBe(2)
    // Each preview shows the picture, cut to what the network is sent.
    expect(await panel.getByRole('figure').locator('img').count()).toBe(2)
    expect(await accessibilityProblems(page, 'section[aria-labelledby]')).toEqual([])
    await panel.getByRole('button', { name: 'Save as drafts' }).click()
    await expect
      .poll(() => panel.getByRole('article', { name: /^Website: / }).count(), { timeout: 30_000 })
      .toBeGreaterThan(1)

    const rows = await sql(
      "SELECT p.id, p.channel::text AS channel, p.state::text AS state, p.due_at, p.repeat, p.text FROM publications p JOIN publications_rels r ON r.parent_id = p.id AND r.path = 'document' WHERE r.campaigns_id = $1 AND p.state = 'draft' ORDER BY p.channel",
      [campaign.id],
    )
    expect(rows.map((row) => [row.channel, row.repeat, row.text])).toEqual([
      ['web', 'FREQ=MONTHLY;COUNT=6', 'Know your numbers this month'],
      ['x', 'FREQ=MONTHLY;COUNT=6', 'Know your numbers: free checks'],
    ])
    const [campaignImage] = await sql('SELECT hero_image_id FROM campaigns WHERE id = $1', [
      campaign.id,
    ])
    const attached = await sql(
      "SELECT parent_id, media_id FROM publications_rels WHERE path = 'media' AND parent_id = ANY($1) ORDER BY parent_id",
      [rows.map((row) => row.id)],
    )
    expect(attached.map((row) => row.media_id)).toEqual([
      campaignImage.hero_image_id,
      campaignImage.hero_image_id,
    ])
    for (const row of rows)
      expect(new Date(row.due_at).toISOString()).toBe(
        fromWallTime(`${day}T09:00`, campaign.time_zone)!.toISOString(),
      )

    // The gate's answer before sending; then it goes to the approvers.
    const web = rows.find((row) => row.channel === 'web')!
    const draft = panel.getByRole('article', { name: /^Website: / }).filter({ hasText: 'Draft' })
    await draft.getByRole('button', { name: 'Check before sending' }).click()
    await expect
      .poll(() => draft.getByRole('status').textContent())
      .toBe('Nothing stands in the way: it can be sent for approval.')
    await draft.getByRole('button', { name: 'Send for approval' }).click()
    await expect
      .poll(
        async () => (await sql('SELECT state FROM publications WHERE id = $1', [web.id]))[0].state,
      )
      .toBe('awaiting-approval')

    await narrowCheck(
      page,
      `${base}/admin/collections/campaigns/${campaign.id}/schedule`,
      'section[aria-labelledby] h2',
    )
    await sql("UPDATE publications SET state = 'cancelled' WHERE id = ANY($1)", [
      rows.map((row) => row.id),
    ])
    expect(problems).toEqual([])
  }, 240_000)
})
