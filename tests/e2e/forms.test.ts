import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fromWallTime } from '../../plugins/scheduler/lib/wallTime'
import { accessibilityProblems, signIn, watch, widthOnPhone } from './support/browser'
import { type Booted, bootCarecast } from './support/boot'
import { startMastodonServer } from '../support/networks/mastodonServer'
import { NEW_YORK, newYorkInstant, plusDays } from './support/dates'

/**
 * Issue 16's defects in the forms, in a real browser on `npm start`: credentials entered on a
 * channel account, Due At in the post's zone from a browser in another, derived lists and
 * day-only dates readable by a consent officer, validation warnings on a draft save, and an
 * upload's refusal in the server's own words.
 */
describe('the admin forms', () => {
  let carecast: Booted | undefined
  let browser: Browser | undefined
  let base: string
  const sql: Booted['sql'] = (text, values) => carecast!.sql(text, values)
  const userId = async (email: string) =>
    (await sql('SELECT id FROM users WHERE email = $1', [email]))[0].id as number

  beforeAll(async () => {
    carecast = await bootCarecast('forms')
    ;({ base, browser } = carecast)
  })
  afterAll(async () => {
    await carecast?.close()
  })

  it("takes an account's token on its form, offers a post only accounts that can send, and keeps Due At in the post's zone", async () => {
    const admin = await (await browser!.newContext({ timezoneId: 'UTC' })).newPage()
    const adminProblems = watch(admin)
    await signIn(admin, base, 'admin@carecast.test')
    await admin.goto(`${base}/admin/collections/channel-accounts/create`)
    await admin.locator('#field-name').fill('Hospital Mastodon')
    await admin.locator('#field-channel').click()
    await admin.getByRole('option', { name: 'mastodon', exact: true }).click()
    await admin.locator('#field-baseUrl').fill('https://mastodon.example')
    const token = admin.getByLabel('Access token')
    await token.fill('typed-in-the-admin-form')
    await admin.locator('#action-save').click()
    await admin.waitForURL(/\/channel-accounts\/\d+/, { timeout: 30_000 })
    const [account] = await sql(
      "SELECT id, access_token, credentials_set FROM channel_accounts WHERE name = 'Hospital Mastodon'",
    )
    expect(account.credentials_set).toBe('access token')
    expect(account.access_token).toMatch(/^v1\./)
    // Never shown again: the form comes back with the input empty.
    await admin.reload()
    await expect.poll(() => admin.getByLabel('Access token').inputValue()).toBe('')
    expect(await admin.content()).not.toContain('typed-in-the-admin-form')
    await sql(
      "INSERT INTO channel_accounts (name, channel, credentials_set) VALUES ('Clinic X without token', 'x', 'none')",
    )

    // A marketer in a browser on Tokyo time sets 09:00 in the post's own zone, New York.
    const page = await (await browser!.newContext({ timezoneId: 'Asia/Tokyo' })).newPage()
    const problems = watch(page)
    const [post] = await sql('SELECT id FROM publications ORDER BY id LIMIT 1')
    const marketer = await userId('marketer@carecast.test')
    await sql(
      "UPDATE publications SET state = 'draft', title = 'Zone check', time_zone = $2, due_at = now() + interval '20 days', created_by_id = $3 WHERE id = $1",
      [post.id, NEW_YORK, marketer],
    )
    await signIn(page, base, 'marketer@carecast.test')
    await page.goto(`${base}/admin/collections/publications/${post.id}`)
    const due = page.getByLabel(`Due At (${NEW_YORK})`)
    await due.waitFor({ timeout: 60_000 })
    // Typed before React hydrates the form, a value is lost: wait as a person would.
    await page.waitForLoadState('networkidle')
    const day = plusDays(new Date().toISOString().slice(0, 10), 21)
    await due.fill(`${day}T09:00`)
    // Only accounts that can send are offered.
    await page.locator('#field-channelAccount').click()
    await expect
      .poll(() => page.getByRole('option').allTextContents())
      .toContain('Hospital Mastodon')
    expect(await page.getByRole('option').allTextContents()).not.toContain('Clinic X without token')
    await page.keyboard.press('Escape')
    await page.locator('#action-save').click()
    await expect
      .poll(
        async () =>
          (
            await sql('SELECT due_at FROM publications WHERE id = $1', [post.id])
          )[0].due_at.toISOString(),
        { timeout: 30_000 },
      )
      .toBe(newYorkInstant(day, '09:00').toISOString())
    await page.reload()
    await expect
      .poll(() => page.getByLabel(`Due At (${NEW_YORK})`).inputValue(), { timeout: 60_000 })
      .toBe(`${day}T09:00`)

    // A new zone keeps the wall-clock time: 09:00 now means 09:00 in Chicago.
    await page.waitForLoadState('networkidle')
    await page.locator('#field-timeZone').fill('America/Chicago')
    await expect
      .poll(() => page.getByLabel('Due At (America/Chicago)').inputValue())
      .toBe(`${day}T09:00`)
    await page.locator('#action-save').click()
    await expect
      .poll(
        async () =>
          (
            await sql('SELECT due_at FROM publications WHERE id = $1', [post.id])
          )[0].due_at.toISOString(),
        { timeout: 30_000 },
      )
      .toBe(fromWallTime(`${day}T09:00`, 'America/Chicago')!.toISOString())

    // The publication form too: at phone width it scrolled sideways.
    expect(
      await widthOnPhone(page, `${base}/admin/collections/publications/${post.id}`, '#field-dueAt'),
    ).toBeLessThanOrEqual(390)
    await sql("UPDATE publications SET state = 'cancelled' WHERE id = $1", [post.id])
    expect(adminProblems).toEqual([])
    expect(problems).toEqual([])
  }, 240_000)

  it("shows a consent officer a record's missing elements and a story's needed uses as lists, and day-only dates with their year", async () => {
    const [record] = await sql(
      "SELECT id, recipients FROM consent_records WHERE reference = 'AUTH-2026-0001'",
    )
    const page = await browser!.newPage()
    const problems = watch(page)
    await signIn(page, base, 'consent@carecast.test')
    await page.goto(`${base}/admin/collections/consent-records/${record.id}`)
    await expect
      .poll(() => page.getByText('Every required element is recorded.').count(), {
        timeout: 60_000,
      })
      .toBe(1)
    // "31 Oct 2027", not "Oct 31": a 2027 expiry must not read like this year's.
    await expect
      .poll(() => page.locator('input[value="31 Oct 2027"]').count(), { timeout: 30_000 })
      .toBe(1)

    await sql('UPDATE consent_records SET recipients = NULL WHERE id = $1', [record.id])
    await page.reload()
    const missing = page.getByRole('list', { name: 'Missing Elements' })
    await expect
      .poll(() => missing.textContent(), { timeout: 60_000 })
      .toBe('who may receive the information (the recipients)')
    await sql('UPDATE consent_records SET recipients = $2 WHERE id = $1', [
      record.id,
      record.recipients,
    ])

    const [story] = await sql(
      'SELECT id FROM patient_stories WHERE consent_uses_needed @> \'["name"]\'::jsonb ORDER BY id LIMIT 1',
    )
    await page.goto(`${base}/admin/collections/patient-stories/${story.id}`)
    const uses = page.getByRole('list', { name: 'Consent Uses Needed' })
    await expect.poll(() => uses.textContent(), { timeout: 60_000 }).toContain('Name')
    expect(await page.getByText('Its consent must allow:').count()).toBe(1)
    expect(problems).toEqual([])
  }, 240_000)

  it('warns at the field on a draft save what Publish will refuse, and keeps the draft', async () => {
    const [campaign] = await sql(
      "SELECT id, utm_source FROM campaigns WHERE _status = 'published' ORDER BY id LIMIT 1",
    )
    const page = await browser!.newPage()
    const problems = watch(page)
    await signIn(page, base, 'marketer@carecast.test')
    await page.goto(`${base}/admin/collections/campaigns/${campaign.id}`)
    // Payload renders a group's fields only once it scrolls into view.
    await page.locator('#field-utm').scrollIntoViewIfNeeded({ timeout: 60_000 })
    const source = page.locator('#field-utm__source')
    await source.waitFor({ timeout: 60_000 })
    await page.waitForLoadState('networkidle')
    await source.fill('spring mailing')
    await page.getByRole('button', { name: 'Save Draft' }).click()

    const rule = 'Use only letters, digits and . _ ~ - in UTM values (no spaces).'
    const warning = page.getByRole('note').filter({ hasText: rule })
    await expect.poll(() => warning.count(), { timeout: 30_000 }).toBe(1)
    expect(await warning.textContent()).toBe(
      `Warning: ${rule} The draft is saved; Publish refuses it until this is fixed.`,
    )
    expect(
      await page.getByRole('status').filter({ hasText: 'Publish will refuse' }).textContent(),
    ).toContain(`UTM › Source: ${rule}`)
    // The draft holds the value; the published campaign is untouched until it is fixed.
    const [draft] = await sql(
      'SELECT version_utm_source FROM _campaigns_v WHERE parent_id = $1 AND latest',
      [campaign.id],
    )
    expect(draft.version_utm_source).toBe('spring mailing')
    expect(
      (await sql('SELECT utm_source FROM campaigns WHERE id = $1', [campaign.id]))[0].utm_source,
    ).toBe(campaign.utm_source)
    // Payload's own form has axe findings of its own; the warnings added here have none.
    expect(await accessibilityProblems(page, '.draft-check, .draft-warning')).toEqual([])

    // Fixing the value takes its warning away at once.
    await source.fill('spring-mailing')
    await expect.poll(() => warning.count()).toBe(0)
    expect(problems).toEqual([])
  }, 240_000)

  it("shows the server's own sentence when an upload is refused, and stores nothing", async () => {
    const page = await browser!.newPage()
    // The refusal itself is what the test asserts on.
    const problems = watch(page, (url, status) => status === 400 && url.includes('/api/media'))
    await signIn(page, base, 'marketer@carecast.test')
    await page.goto(`${base}/admin/collections/media/create`)
    const file = page.locator('input[type="file"]')
    await file.waitFor({ state: 'attached', timeout: 60_000 })
    await page.waitForLoadState('networkidle')
    // A PNG by its bytes, over Media's 15 MB limit.
    const png = Buffer.alloc(16 * 1024 * 1024)
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png)
    await file.setInputFiles({ name: 'too-big.png', mimeType: 'image/png', buffer: png })
    await page.locator('#field-alt').fill('A ward corridor')
    await page.locator('#action-save').click()
    await expect
      .poll(() => page.getByText('The file is 16 MB; the limit here is 15 MB.').count(), {
        timeout: 60_000,
      })
      .toBeGreaterThan(0)
    expect(await page.getByText('The following field is invalid: file').count()).toBe(0)
    expect(await sql("SELECT id FROM media WHERE filename LIKE 'too-big%'")).toEqual([])
    expect(problems).toEqual([])
  }, 240_000)

  it('connects a Mastodon account from its form: the instance, the consent screen, and back, connected', async () => {
    // The instance is a local fake that speaks Mastodon's app registration and OAuth flow.
    const mastodon = await startMastodonServer({ users: { 'static-token': 'heartclinic' } })
    try {
      await sql(
        "INSERT INTO channel_accounts (name, channel, base_url, credentials_set) VALUES ('Clinic on Mastodon', 'mastodon', $1, 'none')",
        [mastodon.url],
      )
      const [account] = await sql(
        "SELECT id FROM channel_accounts WHERE name = 'Clinic on Mastodon'",
      )
      const page = await browser!.newPage()
      const problems = watch(page)
      await signIn(page, base, 'admin@carecast.test')
      await page.goto(`${base}/admin/collections/channel-accounts/${account.id}`)
      const panel = page.getByRole('region', { name: 'Connection' })
      await panel.getByText('Not connected yet').waitFor({ timeout: 60_000 })
      expect(await accessibilityProblems(page, 'section[aria-label="Connection"]')).toEqual([])
      await page.waitForLoadState('networkidle')
      await panel.getByRole('link', { name: 'Connect Mastodon account' }).click()
      const who = `@heartclinic@${new URL(mastodon.url).host}`
      await page.waitForURL(/connected=/, { timeout: 60_000 })
      await expect
        .poll(() => panel.getByRole('status').textContent(), { timeout: 60_000 })
        .toBe(`Connected as ${who}.`)
      await expect
        .poll(() => panel.textContent(), { timeout: 30_000 })
        .toContain(`Connected as ${who}`)
      const [row] = await sql(
        'SELECT connection::text AS connection, connected_as, access_token FROM channel_accounts WHERE id = $1',
        [account.id],
      )
      expect(row.connection).toBe('connected')
      expect(row.connected_as).toBe(who)
      expect(row.access_token).toMatch(/^v1\./)
      expect(mastodon.apps).toHaveLength(1)
      expect(problems).toEqual([])
    } finally {
      await mastodon.close()
    }
  }, 240_000)
})
