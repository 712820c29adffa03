import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../src/slugs'
import { credentialsFor } from '../support/credentials'
import { expectCleanError, LEAK } from '../support/expectCleanError'
import { startWebhookReceiver, type WebhookReceiver } from '../support/networks/webhookReceiver'
import {
  channelAccount,
  makeUser,
  publishedCampaign,
  scheduledPublication,
  TEST_SECRETS_KEY,
} from '../support/schedulerFixtures'
import { login, startTestApp, type TestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

/** Channel accounts and their secrets, and the editorial calendar (JSON, iCalendar, subscription links). */
describe('channel accounts and the editorial calendar', () => {
  let app: TestApp
  let receiver: WebhookReceiver
  let tokens: Awaited<ReturnType<typeof credentialsFor>>
  let campaignId: number | string
  let webhookId: number | string

  beforeAll(async () => {
    app = await startTestApp('calendar')
    tokens = await credentialsFor(app)
    receiver = await startWebhookReceiver()
    campaignId = (await publishedCampaign(app, 'Heart Month')).id
    webhookId = (
      await channelAccount(app, { channel: 'webhook', url: receiver.url, secret: receiver.secret })
    ).id
  })
  afterAll(async () => {
    await receiver?.close()
    await app?.close()
  })
  describe('channel accounts', () => {
    it('stores secrets encrypted and never returns them', async () => {
      const response = await app.rest('POST', `/${slugs.channelAccounts}`, {
        token: tokens.admin.token!,
        body: { name: 'Hospital X', channel: 'x', accessToken: 'very-secret-x-token' },
      })
      const text = await response.text()
      expect(response.status, text).toBe(201)
      expect(text).not.toContain('very-secret-x-token')
      const id = (JSON.parse(text) as { doc: { id: number; credentialsSet: string } }).doc.id
      const read = await (
        await app.rest('GET', `/${slugs.channelAccounts}/${id}`, { token: tokens.admin.token! })
      ).text()
      expect(read).not.toContain('very-secret-x-token')
      expect(JSON.parse(read)).not.toHaveProperty('accessToken')
      expect(JSON.parse(read).credentialsSet).toBe('access token')
      const pool = (app.payload.db as unknown as { pool: import('pg').Pool }).pool
      const { rows } = await pool.query('SELECT access_token FROM channel_accounts WHERE id = $1', [
        id,
      ])
      expect(rows[0].access_token).toMatch(/^v1\./)
      expect(rows[0].access_token).not.toContain('very-secret')

      // A save without the secret (as the admin sends it) keeps the stored one.
      await app.rest('PATCH', `/${slugs.channelAccounts}/${id}`, {
        token: tokens.admin.token!,
        body: { name: 'Hospital X (main)', accessToken: '' },
      })
      expect(
        (await pool.query('SELECT access_token FROM channel_accounts WHERE id = $1', [id])).rows[0]
          .access_token,
      ).toBe(rows[0].access_token)
      const graphql = await app.graphql('{ ChannelAccounts { docs { name } } }', {
        token: tokens.admin.token!,
      })
      expect(JSON.stringify(graphql.body)).not.toContain('very-secret')
    })

    it("takes a token typed into the admin's write-only input, and refuses a post to an account that can't send", async () => {
      const created = await app.rest('POST', `/${slugs.channelAccounts}`, {
        token: tokens.admin.token!,
        body: { name: 'Hospital Mastodon', channel: 'mastodon', baseUrl: 'https://m.test' },
      })
      const account = ((await created.json()) as { doc: { id: number; credentialsSet: string } })
        .doc
      expect(account.credentialsSet).toBe('none')
      // A post to it is refused by name, and nothing is written.
      const before = (await app.payload.count({ collection: slugs.publications })).totalDocs
      await expectCleanError(
        await app.rest('POST', `/${slugs.publications}`, {
          token: tokens.marketer.token!,
          body: {
            document: { relationTo: slugs.campaigns, value: campaignId },
            channelAccount: account.id,
            dueAt: '2027-05-01T13:00:00.000Z',
            timeZone: 'America/New_York',
            text: 'Stroke signs: act FAST',
          },
        }),
        {
          status: 400,
          field: 'channelAccount',
          problem: /"Hospital Mastodon" has no access token/,
        },
      )
      expect((await app.payload.count({ collection: slugs.publications })).totalDocs).toBe(before)

      // The admin form's input: stored encrypted, never read back, and the account can send.
      const saved = await app.rest('PATCH', `/${slugs.channelAccounts}/${account.id}`, {
        token: tokens.admin.token!,
        body: { enterAccessToken: 'typed-in-the-admin-token' },
      })
      const text = await saved.text()
      expect(saved.status, text).toBe(200)
      expect(text).not.toContain('typed-in-the-admin-token')
      expect(JSON.parse(text).doc).not.toHaveProperty('enterAccessToken')
      expect(JSON.parse(text).doc.credentialsSet).toBe('access token')
      const pool = (app.payload.db as unknown as { pool: import('pg').Pool }).pool
      const { rows } = await pool.query('SELECT access_token FROM channel_accounts WHERE id = $1', [
        account.id,
      ])
      expect(rows[0].access_token).toMatch(/^v1\./)
      const post = await app.rest('POST', `/${slugs.publications}`, {
        token: tokens.marketer.token!,
        body: {
          document: { relationTo: slugs.campaigns, value: campaignId },
          channelAccount: account.id,
          dueAt: '2027-05-01T13:00:00.000Z',
          timeZone: 'America/New_York',
          text: 'Stroke signs: act FAST',
        },
      })
      expect(post.status, await post.clone().text()).toBe(201)
    })

    it('refuses a webhook account without a URL, and a marketer managing accounts', async () => {
      await expectCleanError(
        await app.rest('POST', `/${slugs.channelAccounts}`, {
          token: tokens.admin.token!,
          body: { name: 'Hook', channel: 'webhook' },
        }),
        { status: 400, field: 'url', problem: /receiver URL/ },
      )
      expect(
        (
          await app.rest('POST', `/${slugs.channelAccounts}`, {
            token: tokens.marketer.token!,
            body: { name: 'Hook', channel: 'web' },
          })
        ).status,
      ).toBe(403)
    })
  })

  describe('editorial calendar', () => {
    it('lists publications across channels in a range, with planned re-shares, as JSON and iCalendar', async () => {
      const from = new Date('2027-03-01T00:00:00Z')
      const base = await scheduledPublication(app, {
        document: campaignId,
        account: webhookId,
        dueAt: new Date('2027-03-05T14:00:00Z'),
        title: 'Heart screening reminder',
        repeat: 'FREQ=WEEKLY;COUNT=4',
      })
      const response = await app.rest(
        'GET',
        `/${slugs.publications}/calendar?from=${from.toISOString()}&to=2027-03-31T00:00:00Z`,
        { token: tokens.marketer.token! },
      )
      expect(response.status).toBe(200)
      const body = (await response.json()) as {
        items: {
          id: number | null
          dueAt: string
          planned: boolean
          channel: string
          title: string
          occurrenceOf: number | null
        }[]
      }
      expect(body.items.map((item) => [item.dueAt, item.planned])).toEqual([
        ['2027-03-05T14:00:00.000Z', false],
        ['2027-03-12T14:00:00.000Z', true],
        // New York moves to daylight time on 14 March 2027: 9:00 local is 13:00 UTC from then on.
        ['2027-03-19T13:00:00.000Z', true],
        ['2027-03-26T13:00:00.000Z', true],
      ])
      expect(body.items[1].occurrenceOf).toBe(base.id)
      expect(body.items[0]).toMatchObject({ channel: 'webhook', title: 'Heart screening reminder' })

      const ics = await app.rest(
        'GET',
        `/${slugs.publications}/calendar.ics?from=${from.toISOString()}&to=2027-03-31T00:00:00Z`,
        { token: tokens.marketer.token! },
      )
      expect(ics.headers.get('content-type')).toMatch(/text\/calendar/)
      const calendar = new ICAL.Component(ICAL.parse(await ics.text()))
      const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event))
      expect(events).toHaveLength(4)
      expect(events.map((event) => event.startDate.toJSDate().toISOString()).sort()).toEqual(
        body.items.map((item) => item.dueAt),
      )
    })

    it('gives each person a calendar link an app can subscribe to without headers, revoked by a password change', async () => {
      await makeUser(app, 'marketer', 'author2@carecast.test')
      const marketer = await login(app, 'author2@carecast.test', 'a-long-password')
      const link = (await (
        await app.rest('GET', `/${slugs.publications}/calendar-feed`, { token: marketer })
      ).json()) as { url: string }
      const feed = new URL(link.url).searchParams.get('feed')!
      expect(feed).toMatch(/^\d+\.[\w-]{43}$/)
      const ics = await app.rest(
        'GET',
        `/${slugs.publications}/calendar.ics?feed=${feed}&from=2027-03-01&to=2027-03-31`,
      )
      expect(ics.status).toBe(200)
      expect(await ics.text()).toContain('BEGIN:VCALENDAR')
      // Only the feed accepts it; a forged or altered one is refused.
      expect((await app.rest('GET', `/${slugs.publications}/calendar?feed=${feed}`)).status).toBe(
        401,
      )
      expect(
        (await app.rest('GET', `/${slugs.publications}/calendar.ics?feed=${feed.slice(0, -1)}A`))
          .status,
      ).toBe(401)
      expect((await app.rest('GET', `/${slugs.publications}/calendar-feed`)).status).toBe(401)
      const id = Number(feed.split('.')[0])
      await app.payload.update({
        collection: slugs.users,
        id,
        data: { password: 'another-long-password' } as never,
      })
      const revoked = await app.rest('GET', `/${slugs.publications}/calendar.ics?feed=${feed}`)
      expect(revoked.status).toBe(401)
      expect(await revoked.text()).toMatch(/revoked by a password change/)
    })

    it('answers bad ranges with 400 naming the parameter, and strangers with 401', async () => {
      await expectCleanError(
        await app.rest('GET', `/${slugs.publications}/calendar?from=yesterday`, {
          token: tokens.marketer.token!,
        }),
        { status: 400, field: 'from', problem: /not a date/ },
      )
      await expectCleanError(
        await app.rest('GET', `/${slugs.publications}/calendar?from=2027-01-02&to=2027-01-01`, {
          token: tokens.marketer.token!,
        }),
        { status: 400, field: 'to', problem: /before from/ },
      )
      const anonymous = await app.rest('GET', `/${slugs.publications}/calendar`)
      expect(anonymous.status).toBe(401)
      expect(await anonymous.text()).not.toMatch(LEAK)
    })
  })
})
