import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createRedirectHandler, shortLinkFor } from '../../plugins/links'
import { linkTables } from '../../src/links/tables'
import { slugs } from '../../src/slugs'
import { startMastodonServer, type MastodonServer } from '../support/networks/mastodonServer'
import {
  channelAccount,
  publication,
  publishedCampaign,
  scheduledPublication,
  TEST_SECRETS_KEY,
  testWorker,
} from '../support/schedulerFixtures'
import { startTestApp, type TestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

const PUBLIC = 'https://carecast.hospital.test'
const BROWSER =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148'

/**
 * Issue 18, item 2: a post's link goes out as a short link on Carecast's own origin, which
 * redirects to the UTM-tagged destination and counts the click per day and channel — exactly,
 * under concurrent clicks, never a bot, and with nothing about the person stored. A link whose
 * publication was taken down answers 410.
 */
describe('first-party short links', () => {
  let app: TestApp
  let mastodon: MastodonServer
  let pool: Pool
  let redirect: ReturnType<typeof createRedirectHandler>
  let published: { id: number | string }
  let code: string

  beforeAll(async () => {
    process.env.SERVER_URL = PUBLIC
    app = await startTestApp('short-links')
    pool = (app.payload.db as unknown as { pool: Pool }).pool
    redirect = createRedirectHandler({ pool, tables: linkTables })
    mastodon = await startMastodonServer({ users: { 'm-token': 'heartclinic' } })
    const account = await channelAccount(app, {
      channel: 'mastodon',
      baseUrl: mastodon.url,
      accessToken: 'm-token',
    })
    const campaign = await publishedCampaign(app)
    published = await scheduledPublication(app, {
      document: campaign.id,
      account: account.id,
      dueAt: new Date(Date.now() - 60_000),
      text: 'Free blood pressure checks',
      link: 'https://hospital.org/heart',
    })
    await testWorker(app).runOnce()
  })
  afterAll(async () => {
    await redirect?.resolver.stop()
    await app?.close()
    await mastodon?.close()
  })

  const click = (path: string, init: { method?: string; ua?: string } = {}) =>
    redirect(
      new Request(`${PUBLIC}${path}`, {
        method: init.method ?? 'GET',
        headers: { 'user-agent': init.ua ?? BROWSER },
      }),
    )
  /** The clicks written so far, after the counter in memory is flushed. */
  const clicks = async () => {
    await redirect.resolver.flush()
    return Number(
      (
        await pool.query(
          `SELECT coalesce(sum(c.clicks), 0) AS n FROM link_clicks c JOIN short_links l ON l.id = c.link_id WHERE l.code = $1`,
          [code],
        )
      ).rows[0].n,
    )
  }

  it('sends the post with a short link to the UTM-tagged destination, the same one on every try', async () => {
    expect((await publication(app, published.id)).state).toBe('published')
    const status = [...mastodon.statuses.values()].at(-1)!
    const link = /https:\/\/carecast\.hospital\.test\/l\/([0-9A-Za-z]{12})/.exec(status.text)
    expect(link, status.text).toBeTruthy()
    code = link![1]
    const [row] = (
      await pool.query('SELECT destination, channel FROM short_links WHERE code = $1', [code])
    ).rows
    expect(row.channel).toBe('mastodon')
    expect(row.destination).toMatch(/^https:\/\/hospital\.org\/heart\?utm_source=/)
    // A retry of the same publication gets the same link, so the same copy goes out.
    expect(
      await shortLinkFor(pool, linkTables, {
        publicationId: Number(published.id),
        channel: 'mastodon',
        destination: row.destination,
        origin: PUBLIC,
      }),
    ).toBe(link![0])
  })

  it('redirects with 302 to the destination, and counts every click exactly, concurrent ones too', async () => {
    const first = await click(`/l/${code}`)
    expect(first.status).toBe(302)
    expect(first.headers.get('location')).toMatch(/^https:\/\/hospital\.org\/heart\?utm_source=/)
    expect(first.headers.get('set-cookie')).toBeNull()
    const answers = await Promise.all(Array.from({ length: 200 }, () => click(`/l/${code}`)))
    expect(answers.every((answer) => answer.status === 302)).toBe(true)
    expect(await clicks()).toBe(201)
    // Counted in memory and written in one statement a second: a flush that fails keeps its
    // counts for the next one.
    await pool.query('ALTER TABLE link_clicks RENAME TO link_clicks_away')
    await click(`/l/${code}`)
    await expect(redirect.resolver.flush()).rejects.toThrow()
    await pool.query('ALTER TABLE link_clicks_away RENAME TO link_clicks')
    expect(await clicks()).toBe(202)
    const days = (
      await pool.query(
        'SELECT c.day, c.channel, c.clicks FROM link_clicks c JOIN short_links l ON l.id = c.link_id WHERE l.code = $1',
        [code],
      )
    ).rows
    expect(days).toHaveLength(1)
    expect(days[0].channel).toBe('mastodon')
    expect(new Date(days[0].day).toISOString()).toBe(
      `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`,
    )
  })

  it("doesn't count bots (link-preview crawlers) or HEAD requests, but still redirects them", async () => {
    const before = await clicks()
    for (const ua of [
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Twitterbot/1.0',
      'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    ])
      expect((await click(`/l/${code}`, { ua })).status).toBe(302)
    expect((await click(`/l/${code}`, { method: 'HEAD' })).status).toBe(302)
    expect(await clicks()).toBe(before)
  })

  it('stores nothing about the person: no IP address, user agent or cookie columns', async () => {
    const columns = async (table: string) =>
      (
        await pool.query(
          'SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name',
          [table],
        )
      ).rows.map((row) => row.column_name)
    expect(await columns('link_clicks')).toEqual([
      'channel',
      'clicks',
      'created_at',
      'day',
      'id',
      'link_id',
      'updated_at',
    ])
    expect(await columns('short_links')).toEqual([
      'channel',
      'code',
      'created_at',
      'destination',
      'id',
      'publication_id',
      'updated_at',
    ])
  })

  it('answers 404 to an unknown or malformed code and 410 once the publication is taken down', async () => {
    expect((await click('/l/AAAAAAAAAAAA')).status).toBe(404)
    expect((await click('/l/../admin')).status).toBe(404)
    await pool.query(`UPDATE publications SET state = 'retracted' WHERE id = $1`, [published.id])
    const before = await clicks()
    const gone = await click(`/l/${code}`)
    expect(gone.status).toBe(410)
    const page = await gone.text()
    expect(page).toContain('This link is no longer available.')
    expect(page).not.toMatch(/hospital\.org|heart|utm_/)
    expect(await clicks()).toBe(before)
  })

  it('is readable by staff in the admin collections, and written by nobody through the API', async () => {
    const { docs } = await app.payload.find({ collection: slugs.shortLinks, depth: 0 })
    expect(docs.length).toBeGreaterThan(0)
    const refused = await app.rest('POST', `/${slugs.shortLinks}`, {
      body: { code: 'AAAAAAAAAAAA', destination: 'https://evil.example', channel: 'x' },
    })
    expect(refused.status).toBe(403)
  })
})
