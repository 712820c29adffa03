import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createRedirectHandler, createViewBeacon } from '../../plugins/links'
import { runMetricsPassOnce } from '../../plugins/scheduler'
import { linkTables, viewTables } from '../../src/links/tables'
import { seedDemoUsers } from '../../seed/demoUsers'
import { slugs } from '../../src/slugs'
import type { CampaignResults } from '../../src/results/types'
import { startMastodonServer, type MastodonServer } from '../support/networks/mastodonServer'
import { startXApiServer, type XApiServer } from '../support/networks/xApiServer'
import {
  channelAccount,
  scheduledPublication,
  TEST_SECRETS_KEY,
  testWorker,
} from '../support/schedulerFixtures'
import { login, startTestApp, type TestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

const PUBLIC = 'https://carecast.hospital.test'
const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'
const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * Issue 18, items 4 and 5: a campaign's results — what the networks report, first-party clicks
 * and web views, event sign-ups — against its KPI targets, through the report API a BI tool
 * reads (JSON and CSV), and the dashboard's list of campaigns behind target.
 */
describe('campaign results', () => {
  let app: TestApp
  let pool: Pool
  let mastodon: MastodonServer
  let x: XApiServer
  let token: string
  let results: CampaignResults
  let campaignId: number
  const started = Date.now() - 10 * DAY
  let clock = Date.now()
  const now = () => new Date(clock)
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    process.env.SERVER_URL = PUBLIC
    app = await startTestApp('campaign-results')
    pool = (app.payload.db as unknown as { pool: Pool }).pool
    mastodon = await startMastodonServer({ users: { 'm-token': 'heartclinic' } })
    x = await startXApiServer({ users: { 'x-token': '1600000000000000001' } })
    await seedDemoUsers(app.payload)
    token = await login(app, 'marketer@carecast.test', 'carecast-demo')

    const campaign = await app.payload.create({
      collection: slugs.campaigns,
      data: {
        title: 'Know Your Numbers',
        // Ten days into a 20-day run: half of each target is expected by now.
        startsAt: new Date(started).toISOString(),
        endsAt: new Date(started + 20 * DAY).toISOString(),
        timeZone: 'America/New_York',
        kpis: [
          { metric: 'People reached', measure: 'reach', target: 10_000 },
          { metric: 'Engagement', measure: 'engagement', target: 40 },
          { metric: 'Link clicks', measure: 'clicks', target: 10 },
          { metric: 'Site visits', measure: 'views', target: 4 },
          { metric: 'Class sign-ups', measure: 'signups', target: 30 },
          { metric: 'Screenings booked', measure: 'manual', target: 400, actual: 150 },
        ],
        _status: 'published',
      } as never,
    })
    campaignId = Number(campaign.id)
    const event = await app.payload.create({
      collection: slugs.communityEvents,
      data: {
        title: 'Cooking for your heart',
        startsAt: new Date(Date.now() + 2 * DAY).toISOString(),
        endsAt: new Date(Date.now() + 2 * DAY + 2 * HOUR).toISOString(),
        format: 'in-person',
        registrationUrl: 'https://hospital.org/register/cooking',
        signUps: 12,
        campaign: campaign.id,
        _status: 'published',
      } as never,
    })
    const accounts = {
      mastodon: (
        await channelAccount(app, {
          channel: 'mastodon',
          baseUrl: mastodon.url,
          accessToken: 'm-token',
        })
      ).id,
      x: (await channelAccount(app, { channel: 'x', baseUrl: x.url, accessToken: 'x-token' })).id,
      web: (await channelAccount(app, { channel: 'web' })).id,
    }
    const post = async (key: string, account: number | string, over: Record<string, unknown>) => {
      const row = await scheduledPublication(app, {
        document: campaign.id,
        account,
        dueAt: new Date(Date.now() - Object.keys(ids).length * 1000 - 1000),
        ...over,
      })
      ids[key] = Number(row.id)
    }
    await post('mastodon', accounts.mastodon, {
      text: 'Know your numbers',
      link: 'https://hospital.org/heart',
    })
    await post('x', accounts.x, { text: 'Free checks', link: 'https://hospital.org/heart' })
    await post('event', accounts.mastodon, {
      document: event.id,
      collection: slugs.communityEvents,
      text: 'Cook with our dietitians',
    })
    await post('web', accounts.web, {})
    await testWorker(app).runOnce()
    const { rows } = await pool.query(
      `SELECT id, remote_id, state::text AS state FROM publications WHERE id = ANY($1)`,
      [Object.values(ids)],
    )
    expect(rows.map((row) => row.state)).toEqual([
      'published',
      'published',
      'published',
      'published',
    ])
    const remote = Object.fromEntries(rows.map((row) => [Number(row.id), String(row.remote_id)]))

    // The networks' counts, read an hour later by a metrics pass.
    mastodon.setCounts(remote[ids.mastodon], {
      favourites_count: 12,
      reblogs_count: 3,
      replies_count: 1,
    })
    mastodon.setCounts(remote[ids.event], { favourites_count: 2 })
    x.setCounts(remote[ids.x], {
      impression_count: 2400,
      like_count: 5,
      reply_count: 0,
      retweet_count: 1,
      quote_count: 0,
      bookmark_count: 2,
    })
    clock += HOUR + 60_000
    for (let step = 0; step < 3; step++) {
      await runMetricsPassOnce(app.payload, { now })
      clock += 2000
    }

    // Three people follow the Mastodon post's short link, a link preview bot is not counted.
    const redirect = createRedirectHandler({ pool, tables: linkTables })
    const { rows: links } = await pool.query(
      `SELECT code FROM short_links WHERE publication_id = $1`,
      [ids.mastodon],
    )
    for (const ua of [
      BROWSER,
      BROWSER,
      BROWSER,
      'Mastodon/4.3 (http.rb/5.2; +https://social.example/)',
    ])
      await redirect(new Request(`${PUBLIC}/l/${links[0].code}`, { headers: { 'user-agent': ua } }))
    await redirect.resolver.stop()
    // Two readers open the campaign's page on the website.
    const beacon = createViewBeacon({ pool, tables: viewTables })
    const { rows: items } = await pool.query(
      `SELECT DISTINCT type, slug FROM delivery_items WHERE publication_id = $1`,
      [String(ids.web)],
    )
    for (let i = 0; i < 2; i++)
      await beacon(
        new Request('https://hospital.org/views', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': BROWSER },
          body: JSON.stringify(items[0]),
        }),
      )
    await beacon.stop()

    const response = await app.rest('GET', `/campaigns/${campaignId}/results`, { token })
    expect(response.status).toBe(200)
    results = (await response.json()) as CampaignResults
  })
  afterAll(async () => {
    await app?.close()
    await mastodon?.close()
    await x?.close()
  })

  it("sums what each network reported, the short links' clicks and the site's views", () => {
    expect(results.campaign).toMatchObject({ id: campaignId, title: 'Know Your Numbers' })
    // X reports impressions (reach falls back to them); Mastodon reports no reach at all.
    expect(results.totals).toMatchObject({
      posts: 4,
      reach: 2400,
      impressions: 2400,
      engagement: 12 + 3 + 1 + 2 + 5 + 1 + 2,
      clicks: 3,
      views: 2,
      signups: 12,
    })
    const byChannel = Object.fromEntries(results.channels.map((c) => [c.channel, c]))
    expect(byChannel.mastodon).toMatchObject({
      label: 'Mastodon',
      posts: 2,
      reach: null,
      engagement: 18,
      clicks: 3,
    })
    expect(byChannel.x).toMatchObject({ label: 'X', posts: 1, reach: 2400, engagement: 8 })
    expect(byChannel.web).toMatchObject({ label: 'Website', posts: 1, views: 2 })
    const mastodonPost = results.posts.find((p) => p.publication === ids.mastodon)!
    expect(mastodonPost).toMatchObject({
      clicks: 3,
      engagement: 16,
      document: { collection: slugs.campaigns, title: 'Know Your Numbers' },
    })
    expect(mastodonPost.remoteUrl).toMatch(/^http/)
    expect(results.posts.find((p) => p.publication === ids.event)?.document).toMatchObject({
      collection: slugs.communityEvents,
      title: 'Cooking for your heart',
    })
    expect(results.limits.map((l) => l.channel).sort()).toEqual(['mastodon', 'x'])
  })

  it('compares each KPI with its target and with what is expected half-way through', () => {
    const kpi = Object.fromEntries(results.kpis.map((k) => [k.metric, k]))
    expect(kpi['People reached']).toMatchObject({ actual: 2400, expectedByNow: 5000, behind: true })
    expect(kpi['Engagement']).toMatchObject({ actual: 26, expectedByNow: 20, behind: false })
    expect(kpi['Link clicks']).toMatchObject({ actual: 3, expectedByNow: 5, behind: true })
    expect(kpi['Site visits']).toMatchObject({ actual: 2, expectedByNow: 2, behind: false })
    expect(kpi['Class sign-ups']).toMatchObject({ actual: 12, expectedByNow: 15, behind: true })
    expect(kpi['Screenings booked']).toMatchObject({ actual: 150, progress: 0.375, behind: true })
  })

  it('draws the running totals day by day, and ranks the posts', () => {
    expect(results.range.from).toBe(new Date(started).toISOString().slice(0, 10))
    const today = results.daily.at(-1)!
    expect(today).toMatchObject({ reach: 2400, engagement: 26, clicks: 3, views: 2 })
    expect(results.daily[0]).toMatchObject({ reach: null, clicks: 0 })
    expect(results.best[0]).toBe(ids.mastodon)
    expect(results.best).not.toContain(ids.web)
  })

  it('exports the posts as CSV for spreadsheets and BI tools', async () => {
    const response = await app.rest('GET', `/campaigns/${campaignId}/results?format=csv`, { token })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="campaign-\d+-results-/,
    )
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toMatch(/^campaign_id,campaign_title,publication_id,channel/)
    expect(lines).toHaveLength(1 + 4)
  })

  it('is for staff only, and says what is wrong with a bad request', async () => {
    expect((await app.rest('GET', `/campaigns/${campaignId}/results`)).status).toBe(401)
    const frontEnd = await app.rest('GET', `/campaigns/${campaignId}/results`, {
      apiKey: 'carecast-demo-frontend-key',
    })
    expect(frontEnd.status).toBe(403)
    const missing = await app.rest('GET', '/campaigns/999999/results', { token })
    expect(missing.status).toBe(404)
    const bad = await app.rest('GET', `/campaigns/${campaignId}/results?format=xlsx`, { token })
    expect(bad.status).toBe(400)
    const body = await bad.text()
    expect(body).toContain('format:')
    expect(body).not.toMatch(/SELECT|at .*\.ts|node_modules/)
  })

  it('lists running campaigns behind target, with only the KPIs that are behind', async () => {
    const response = await app.rest('GET', '/campaigns/behind-target', { token })
    expect(response.status).toBe(200)
    const { campaigns } = (await response.json()) as {
      campaigns: { id: number; kpis: { metric: string }[] }[]
    }
    const ours = campaigns.find((c) => c.id === campaignId)!
    expect(ours.kpis.map((k) => k.metric).sort()).toEqual([
      'Class sign-ups',
      'Link clicks',
      'People reached',
      'Screenings booked',
    ])
  })
})
