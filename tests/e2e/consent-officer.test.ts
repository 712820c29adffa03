import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { accessibilityProblems, signIn, watch } from './support/browser'
import { type Booted, bootCarecast } from './support/boot'

const TAB = 'section[aria-labelledby="revoke-title"]'
const WORKLIST = 'section[aria-labelledby="consent-worklist-title"]'

/**
 * Issue 16, item 7, in a real browser on `npm start`, as the consent officer: an active consent's
 * Revoke tab shows what will come down (the web items the database says rely on it) and the
 * tasks revoking creates; a revocation without how it was received is refused at the field with
 * nothing written; then it is revoked, the story leaves the delivery API and the example site,
 * the tab follows each item down, and tasks are ticked done and undone — in the tab and in the
 * consent tasks worklist.
 */
describe('the consent officer revokes a consent', () => {
  let carecast: Booted | undefined
  let browser: Browser | undefined
  let base: string
  let consent: { id: number; reference: string }
  let story: { slug: string }
  let officer: number
  const sql: Booted['sql'] = (text, values) => carecast!.sql(text, values)

  beforeAll(async () => {
    carecast = await bootCarecast('consent-officer', {
      // As from a shell: vitest's NODE_ENV=test makes `next dev` bundle Payload, and then Payload's
      // REST errors lose their per-field messages (payload#7140), which `npm start` never does.
      env: { NODE_ENV: 'development' },
    })
    ;({ base, browser } = carecast)
    // An active consent whose story is live on the web and which allowed a channel no API reaches.
    ;[consent] = (await sql(
      `SELECT DISTINCT c.id, c.reference FROM consent_records c
         JOIN patient_stories s ON s.consent_record_id = c.id
         JOIN publications_rels r ON r.path = 'document' AND r.patient_stories_id = s.id
         JOIN publications p ON p.id = r.parent_id AND p.channel = 'web' AND p.state = 'published'
         JOIN consent_records_channels_allowed ch ON ch.parent_id = c.id AND ch.value IN ('print', 'email')
        WHERE c.status = 'active' ORDER BY c.id LIMIT 1`,
    )) as (typeof consent)[]
    ;[story] = (await sql(
      "SELECT slug FROM patient_stories WHERE consent_record_id = $1 AND _status = 'published' ORDER BY id LIMIT 1",
      [consent.id],
    )) as (typeof story)[]
    officer = (await sql("SELECT id FROM users WHERE email = 'consent@carecast.test'"))[0].id
  }, 300_000)
  afterAll(async () => {
    await carecast?.close()
  })

  /** The web publications relying on the consent: through its stories, photos, or as stored at approval. */
  const webItemsInDatabase = async () =>
    (
      await sql(
        `SELECT DISTINCT p.id, p.remote_url FROM publications p JOIN publications_rels r ON r.parent_id = p.id
          WHERE p.channel = 'web' AND (
                (r.path = 'document' AND r.patient_stories_id IN (SELECT id FROM patient_stories WHERE consent_record_id = $1))
             OR (r.path IN ('document', 'media') AND r.media_id IN (SELECT parent_id FROM media_rels WHERE consent_records_id = $1))
             OR (r.path = 'reliesOnConsent' AND r.consent_records_id = $1))
          ORDER BY p.remote_url`,
        [consent.id],
      )
    ).map((row) => ({ id: row.id as number, url: row.remote_url as string }))
  const tasksInDatabase = async () =>
    sql(
      'SELECT id, place, done, done_at, done_by_id FROM consent_tasks WHERE consent_record_id = $1 ORDER BY place',
      [consent.id],
    )
  const narrowCheck = async (page: Page, selector: string) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.locator(selector).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.setViewportSize({ width: 1280, height: 900 })
  }
  const storyIsPublic = async () => {
    const list = (await (await fetch(`${base}/delivery/v1/stories?limit=100`)).json()) as {
      items: { slug: string }[]
    }
    const item = await fetch(`${base}/delivery/v1/stories/${story.slug}`)
    const site = await (await fetch(`${base}/site`)).text()
    return {
      listed: list.items.some((entry) => entry.slug === story.slug),
      item: item.status,
      onSite: site.includes(`/site/stories/${story.slug}`),
    }
  }

  it('shows what will come down, refuses a revocation without its method, then revokes and follows the takedown', async () => {
    expect(consent).toBeTruthy()
    expect(await storyIsPublic()).toEqual({ listed: true, item: 200, onSite: true })

    // A reader opens the story on the site: its page counts one web view, and nothing else.
    // (Headless Chrome says "HeadlessChrome", which the bot list rightly does not count: the
    // reader's browser is a desktop Chrome.)
    const reader = await (
      await browser!.newContext({
        userAgent:
          'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
      })
    ).newPage()
    const readerProblems = watch(reader)
    await reader.goto(`${base}/site/stories/${story.slug}`)
    await reader.locator('h1').waitFor({ timeout: 60_000 })
    await expect
      .poll(
        async () =>
          Number(
            (
              await sql(
                "SELECT coalesce(sum(views), 0) AS n FROM item_views WHERE type = 'stories'",
              )
            )[0].n,
          ),
        { timeout: 30_000 },
      )
      .toBe(1)
    expect(readerProblems).toEqual([])
    await reader.close()

    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } })
    // The refused revocation is answered 400, with the message the test reads.
    const problems = watch(
      page,
      (url, status) => status === 400 && url.endsWith(`/api/consent-records/${consent.id}`),
    )
    await signIn(page, base, 'consent@carecast.test')
    // From the record's API tab: its Edit tab loads a code editor from a CDN this machine can't reach.
    await page.goto(`${base}/admin/collections/consent-records/${consent.id}/api`)
    await page.getByRole('link', { name: 'Revoke' }).click()
    await page.waitForURL(new RegExp(`/consent-records/${consent.id}/revoke$`), { timeout: 60_000 })
    const tab = page.locator(TAB)
    await tab.getByRole('heading', { name: `Revoke ${consent.reference}` }).waitFor({
      timeout: 60_000,
    })

    // What will come down: the web items are the ones the database says rely on this consent.
    const webList = tab.getByRole('list', { name: 'Website items' })
    await webList.waitFor({ timeout: 60_000 })
    const listed = await webList
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')).sort())
    const expectedWeb = await webItemsInDatabase()
    expect(expectedWeb.length).toBeGreaterThan(0)
    expect(listed).toEqual(expectedWeb.map((item) => item.url))
    expect(await webList.textContent()).toContain('Revoking: removed from the website at once')
    const planned = tab.getByRole('list', { name: 'Manual tasks to be created' })
    const plannedPlaces = (await planned.getByRole('heading').allTextContents()).sort()
    expect(plannedPlaces.length).toBeGreaterThan(0)
    expect(await planned.textContent()).toMatch(/Due .* · owner Casey Consent-Officer/)
    expect(await tab.getByText('Recorded by:').textContent()).toBe(
      'Recorded by: Casey Consent-Officer',
    )
    expect(await accessibilityProblems(page, TAB)).toEqual([])

    // Without how it was received: refused at the field, and nothing written.
    await tab.getByRole('button', { name: 'Revoke…' }).click()
    const total = expectedWeb.length + plannedPlaces.length
    expect(await tab.getByRole('group', { name: /cannot be undone/ }).textContent()).toContain(
      `This takes down ${total} items and cannot be undone.`,
    )
    await tab.getByRole('button', { name: 'Yes, revoke' }).click()
    const method = tab.getByLabel('How it was received')
    await expect.poll(() => method.getAttribute('aria-invalid'), { timeout: 30_000 }).toBe('true')
    expect(await tab.locator('#revoke-method-error').textContent()).toMatch(
      /How the revocation was received is required/,
    )
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('revoke-method')
    const [untouched] = await sql(
      'SELECT status, revocation_received_at FROM consent_records WHERE id = $1',
      [consent.id],
    )
    expect(untouched).toEqual({ status: 'active', revocation_received_at: null })
    expect(await tasksInDatabase()).toEqual([])
    expect(await storyIsPublic()).toEqual({ listed: true, item: 200, onSite: true })

    // Revoked: with the method, and a note.
    await method.selectOption({ label: 'Written letter' })
    await tab.getByLabel('Notes').fill('Letter from the patient, dated last Monday.')
    await tab.getByRole('button', { name: 'Revoke…' }).click()
    await tab.getByRole('button', { name: 'Yes, revoke' }).click()
    await tab
      .getByRole('heading', { name: `Takedown of ${consent.reference}` })
      .waitFor({ timeout: 30_000 })
    expect(await tab.textContent()).toMatch(
      /Revoked: received .* by written letter, recorded by Casey Consent-Officer\. Notes: Letter from the patient/,
    )

    const [record] = await sql(
      'SELECT status, revocation_received_at, revocation_method, revocation_recorded_by_id FROM consent_records WHERE id = $1',
      [consent.id],
    )
    expect(record.status).toBe('revoked')
    expect(record.revocation_received_at).not.toBeNull()
    expect(record.revocation_method).toBe('written-letter')
    expect(record.revocation_recorded_by_id).toBe(officer)
    const states = await sql('SELECT state::text AS state FROM publications WHERE id = ANY($1)', [
      expectedWeb.map((item) => item.id),
    ])
    expect(states).toHaveLength(expectedWeb.length)
    for (const { state } of states) expect(['retracting', 'retracted']).toContain(state)
    expect((await tasksInDatabase()).map((task) => task.place)).toEqual(plannedPlaces)

    // Gone from the delivery API and the example site.
    await expect
      .poll(storyIsPublic, { timeout: 30_000, interval: 1000 })
      .toEqual({ listed: false, item: 404, onSite: false })

    // The tab follows each item down: the worker confirms the web copies retracted.
    const progress = tab.getByRole('list', { name: 'Website items' })
    await expect
      .poll(
        async () =>
          (await progress.getByRole('article').allTextContents()).every((text) =>
            text.includes('Progress: taken down'),
          ),
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(true)
    expect(await tab.textContent()).toContain(`${expectedWeb.length} of ${total} items done.`)
    expect(await accessibilityProblems(page, TAB)).toEqual([])
    await narrowCheck(page, TAB)
    expect(problems).toEqual([])
  }, 300_000)

  it('ticks a task done and undoes it, in the tab and in the consent tasks worklist', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } })
    const problems = watch(page)
    await signIn(page, base, 'consent@carecast.test')
    await page.goto(`${base}/admin/collections/consent-records/${consent.id}/revoke`)
    const tasks = page.locator(TAB).getByRole('list', { name: 'Manual tasks' })
    await tasks.waitFor({ timeout: 60_000 })
    // Opened afresh, the tab reads the revocation back from the record.
    expect(await page.locator(TAB).textContent()).toMatch(
      /Revoked: received .* by written letter, recorded by Casey Consent-Officer\./,
    )
    const [first, second] = await tasksInDatabase()
    const task = tasks.getByRole('article', { name: first.place })
    await task.getByRole('button', { name: 'Done' }).click()
    await expect
      .poll(() => task.textContent(), { timeout: 30_000 })
      .toMatch(/Done by Casey Consent-Officer on /)
    const ticked = (await tasksInDatabase()).find((row) => row.id === first.id)!
    expect(ticked.done).toBe(true)
    expect(ticked.done_by_id).toBe(officer)
    await task.getByRole('button', { name: 'Undo' }).click()
    await expect
      .poll(() => task.getByRole('button').textContent(), { timeout: 30_000 })
      .toBe('Done')
    expect((await tasksInDatabase()).find((row) => row.id === first.id)).toMatchObject({
      done: false,
      done_at: null,
      done_by_id: null,
    })

    // The worklist above the consent tasks list: open tasks with their consent, Done / Undo.
    const other = second ?? first
    const isDone = async () => (await tasksInDatabase()).find((row) => row.id === other.id)!.done
    await page.goto(`${base}/admin/collections/consent-tasks`)
    const worklist = page.locator(WORKLIST)
    // Other consents have tasks too (the demo's expired one): this consent's, by its link.
    const item = worklist
      .getByRole('article', { name: other.place })
      .filter({ has: page.getByRole('link', { name: consent.reference }) })
    await item.waitFor({ timeout: 60_000 })
    expect(await accessibilityProblems(page, WORKLIST)).toEqual([])
    await item.getByRole('button', { name: 'Done' }).click()
    await expect.poll(isDone, { timeout: 30_000 }).toBe(true)
    // Done, it leaves the open tasks; under "Done" it can be undone.
    await expect.poll(() => item.count(), { timeout: 30_000 }).toBe(0)
    await worklist.getByLabel('Done', { exact: true }).check()
    await item.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(isDone, { timeout: 30_000 }).toBe(false)
    await narrowCheck(page, WORKLIST)
    expect(problems).toEqual([])
  }, 240_000)
})
