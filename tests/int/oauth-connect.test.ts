import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runTokenKeeperOnce } from '../../plugins/scheduler'
import { slugs } from '../../src/slugs'
import { credentialsFor } from '../support/credentials'
import {
  type LinkedInApiServer,
  startLinkedInApiServer,
} from '../support/networks/linkedinApiServer'
import { startMastodonServer, type MastodonServer } from '../support/networks/mastodonServer'
import { startXApiServer, type XApiServer } from '../support/networks/xApiServer'
import { startYoutubeServer, type YoutubeServer } from '../support/networks/youtubeServer'
import {
  channelAccount,
  publication,
  publishedCampaign,
  scheduledPublication,
  TEST_SECRETS_KEY,
  testWorker,
} from '../support/schedulerFixtures'
import { connectAccount, OAUTH_CALLBACK, OAUTH_PUBLIC } from '../support/oauthConnect'
import type { TestApp } from '../support/testPayload'
import { startTestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

const PUBLIC = OAUTH_PUBLIC
const CALLBACK = OAUTH_CALLBACK
const HOUR = 3_600_000

/**
 * Issue 17: an admin connects accounts through Carecast's OAuth endpoints against each network's
 * fake (the test is the browser: it follows the redirects and carries the cookie), the tokens are
 * stored encrypted, and the token keeper renews them before they run out. A refresh token the
 * network revoked marks the account "reconnect needed", tells its owner and the admins, and its
 * posts wait in the outbox until it is connected again — none is lost.
 */
describe('connecting channel accounts with OAuth', () => {
  let app: TestApp
  let x: XApiServer
  let mastodon: MastodonServer
  let linkedin: LinkedInApiServer
  let youtube: YoutubeServer
  let admin: string
  let campaignId: number | string
  let clock = Date.now()
  const now = () => new Date(clock)
  const sql = (text: string, values: unknown[] = []) =>
    (app.payload.db as unknown as { pool: Pool }).pool.query(text, values)

  beforeAll(async () => {
    x = await startXApiServer({
      users: { 'x-static-token': '1600000000000000042' },
      profiles: { '1600000000000000042': { name: 'Heart Clinic', username: 'heartclinic' } },
      oauth: {
        clients: { 'carecast-x': { secret: 'x-client-secret', redirectUris: [CALLBACK] } },
        now: () => clock,
      },
    })
    mastodon = await startMastodonServer({ users: { 'm-static': 'heartclinic' } })
    linkedin = await startLinkedInApiServer({
      tokens: {},
      oauth: {
        clients: { 'carecast-li': { secret: 'li-client-secret', redirectUris: [CALLBACK] } },
        member: { person: 'urn:li:person:avery', administers: ['urn:li:organization:2414183'] },
        now: () => clock,
      },
      organizations: { '2414183': { localizedName: 'Heart Clinic', vanityName: 'heart-clinic' } },
    })
    youtube = await startYoutubeServer({
      channelId: 'UCheartclinic00000000000',
      channels: { UCheartclinic00000000000: { title: 'Heart Clinic', customUrl: '@heartclinic' } },
      oauth: {
        clients: { 'carecast-google': { secret: 'g-client-secret', redirectUris: [CALLBACK] } },
        now: () => clock,
      },
    })
    Object.assign(process.env, {
      CARECAST_LINKEDIN_CLIENT_ID: 'carecast-li',
      CARECAST_LINKEDIN_CLIENT_SECRET: 'li-client-secret',
      CARECAST_LINKEDIN_AUTHORIZE_URL: `${linkedin.url}/oauth/v2/authorization`,
      CARECAST_LINKEDIN_TOKEN_URL: `${linkedin.url}/oauth/v2/accessToken`,
      CARECAST_GOOGLE_CLIENT_ID: 'carecast-google',
      CARECAST_GOOGLE_CLIENT_SECRET: 'g-client-secret',
      CARECAST_GOOGLE_AUTHORIZE_URL: `${youtube.url}/o/oauth2/v2/auth`,
      CARECAST_GOOGLE_TOKEN_URL: `${youtube.url}/token`,
      SERVER_URL: PUBLIC,
      CARECAST_X_CLIENT_ID: 'carecast-x',
      CARECAST_X_CLIENT_SECRET: 'x-client-secret',
      CARECAST_X_AUTHORIZE_URL: `${x.url}/i/oauth2/authorize`,
      CARECAST_X_TOKEN_URL: `${x.url}/2/oauth2/token`,
    })
    app = await startTestApp('oauth-connect')
    admin = (await credentialsFor(app)).admin.token!
    campaignId = (await publishedCampaign(app)).id
  })
  afterAll(async () => {
    await app?.close()
    await x?.close()
    await mastodon?.close()
    await linkedin?.close()
    await youtube?.close()
  })

  /** Connect, as the admin's browser does it: start, the network's consent screen, the callback. */
  const connect = (accountId: number | string) => connectAccount(app, admin, accountId)
  const account = async (id: number | string) =>
    (await sql(`SELECT * FROM channel_accounts WHERE id = $1`, [id])).rows[0]

  it('connects an X account with PKCE, stores its tokens encrypted, and reads back who it is', async () => {
    const { id } = await channelAccount(app, { channel: 'x', baseUrl: x.url, name: 'Clinic on X' })
    const { start, landed } = await connect(id)
    const authorize = new URL(start.headers.get('location')!)
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
    expect(authorize.searchParams.get('scope')).toContain('offline.access')
    expect(landed.searchParams.get('connected')).toBe('@heartclinic')

    const row = await account(id)
    expect(row.connection).toBe('connected')
    expect(row.connected_as).toBe('@heartclinic')
    expect(row.external_id).toBe('1600000000000000042')
    expect(row.access_token).toMatch(/^v1\./)
    expect(row.refresh_token).toMatch(/^v1\./)
    const issued = x.oauth.issued.at(-1)!
    expect(JSON.stringify(row)).not.toContain(issued.accessToken)
    expect(JSON.stringify(row)).not.toContain(issued.refreshToken!)
    expect(new Date(row.token_expires_at).getTime()).toBeGreaterThan(Date.now() + HOUR)
    // No API returns the tokens, not even to an admin.
    const read = await app.rest('GET', `/${slugs.channelAccounts}/${id}`, { token: admin })
    const body = await read.text()
    expect(body).not.toContain(issued.accessToken)
    expect(body).not.toMatch(/refreshToken|oauthPending|oauthClient/)
  })

  it('refuses a callback from another browser, or one replayed, and writes nothing for it', async () => {
    const { id } = await channelAccount(app, { channel: 'x', baseUrl: x.url, name: 'X replay' })
    const start = await app.rest('GET', `/${slugs.channelAccounts}/${id}/connect`, { token: admin })
    const consent = await fetch(start.headers.get('location')!, { redirect: 'manual' })
    const search = new URL(consent.headers.get('location')!).search
    // No cookie: the answer came back to a browser that did not start the flow. It is refused, and
    // does not use up the flow for the person who started it.
    const stranger = await app.rest('GET', `/${slugs.channelAccounts}/oauth/callback${search}`, {
      token: admin,
    })
    expect(
      new URL(stranger.headers.get('location')!, PUBLIC).searchParams.get('connectProblem'),
    ).toMatch(/another browser/)
    expect((await account(id)).connection).toBeNull()
    expect((await account(id)).access_token).toBeNull()
    const cookie = { Cookie: start.headers.get('set-cookie')!.split(';')[0] }
    const mine = await app.rest('GET', `/${slugs.channelAccounts}/oauth/callback${search}`, {
      token: admin,
      headers: cookie,
    })
    expect(new URL(mine.headers.get('location')!, PUBLIC).searchParams.get('connected')).toBe(
      '@heartclinic',
    )
    // The same answer again (a replay): the flow is finished, and nothing changes.
    const before = (await account(id)).access_token
    const again = await app.rest('GET', `/${slugs.channelAccounts}/oauth/callback${search}`, {
      token: admin,
      headers: cookie,
    })
    expect(
      new URL(again.headers.get('location')!, PUBLIC).searchParams.get('connectProblem'),
    ).toMatch(/no connection was started/)
    expect((await account(id)).access_token).toBe(before)
  })

  it('renews an X token before sending, in one worker at a time; a revoked refresh token makes the account wait for a reconnect, and no post is lost', async () => {
    const { id } = await channelAccount(app, { channel: 'x', baseUrl: x.url, name: 'X lifecycle' })
    await connect(id)
    const first = await scheduledPublication(app, {
      document: campaignId,
      account: id,
      dueAt: new Date(clock + 3 * HOUR),
      text: 'Free blood pressure checks on Saturday',
    })

    // Three hours on: the 2-hour token has run out. The post waits for the keeper, it does not fail.
    clock += 3 * HOUR + 60_000
    await testWorker(app, { now }).runOnce()
    expect((await publication(app, first.id)).state).toBe('scheduled')
    const connected = Number(
      (
        await sql(
          `SELECT count(*) FROM channel_accounts WHERE channel = 'x' AND connection = 'connected'`,
        )
      ).rows[0].count,
    )
    const refreshGrants = () =>
      x.oauth.issued.filter((token) => token.grantType === 'refresh_token').length
    const grantsBefore = refreshGrants()
    // Two workers' keepers at once: each account is renewed by one of them, once. (X rotates
    // refresh tokens: two refreshes of one account would spend the same token twice.)
    const [one, two] = await Promise.all([
      runTokenKeeperOnce(app.payload, { now }),
      runTokenKeeperOnce(app.payload, { now }),
    ])
    expect(one.refreshed + two.refreshed).toBe(connected)
    expect(refreshGrants() - grantsBefore).toBe(connected)
    await testWorker(app, { now }).runOnce()
    const sent = await publication(app, first.id)
    expect(sent.state, String(sent.lastError)).toBe('published')
    expect([...x.tweets.values()].map((tweet) => tweet.text)).toContain(
      'Free blood pressure checks on Saturday',
    )

    // The network revokes the app's grant; the next renewal is refused for good.
    x.oauth.revokeAll()
    const second = await scheduledPublication(app, {
      document: campaignId,
      account: id,
      dueAt: new Date(clock + 3 * HOUR),
      text: 'Heart screenings next week',
    })
    clock += 3 * HOUR + 60_000
    const tick = await runTokenKeeperOnce(app.payload, { now })
    // revokeAll revoked every X account this file connected.
    expect(tick.reconnectNeeded).toBe(connected)
    const row = await account(id)
    expect(row.connection).toBe('reconnect-needed')
    expect(row.connection_problem).toMatch(/refused the sign-in/)
    const notices = await app.payload.find({
      collection: slugs.notifications,
      where: { kind: { equals: 'channel-account.reconnect-needed' } },
      depth: 0,
    })
    expect(notices.docs.length).toBeGreaterThan(0)
    await testWorker(app, { now }).runOnce()
    const waiting = await publication(app, second.id)
    expect(waiting.state).toBe('scheduled')
    expect(waiting.attempts ?? 0).toBe(0)

    // Connected again (the callback runs on the real clock: bring the test's back to it), the post
    // that waited goes out.
    clock = Date.now()
    await connect(id)
    expect((await account(id)).connection).toBe('connected')
    await sql(`UPDATE publications SET due_at = now() - interval '1 minute' WHERE id = $1`, [
      second.id,
    ])
    await testWorker(app, { now }).runOnce()
    expect((await publication(app, second.id)).state).toBe('published')
  })

  it('registers Carecast on a Mastodon instance from its URL alone, connects, and posts', async () => {
    const { id } = await channelAccount(app, {
      channel: 'mastodon',
      baseUrl: mastodon.url,
      name: 'Clinic on Mastodon',
    })
    const { landed } = await connect(id)
    expect(mastodon.apps).toHaveLength(1)
    expect(mastodon.apps[0].redirectUris).toEqual([CALLBACK])
    expect(landed.searchParams.get('connected')).toBe(`@heartclinic@${new URL(mastodon.url).host}`)
    const row = await account(id)
    expect(row.oauth_client.clientId).toBeTruthy()
    expect(row.oauth_client.clientSecret).toMatch(/^v1\./)
    // Mastodon's tokens do not expire: nothing to renew.
    expect(row.token_expires_at).toBeNull()
    const post = await scheduledPublication(app, {
      document: campaignId,
      account: id,
      dueAt: new Date(clock - 60_000),
      text: 'Walk with a doc this Sunday',
    })
    await testWorker(app, { now }).runOnce()
    expect((await publication(app, post.id)).state).toBe('published')
  })

  it('connects a LinkedIn Page (no PKCE: the client secret), renews its token keeping the refresh token, and posts as the organization', async () => {
    const { id } = await channelAccount(app, {
      channel: 'linkedin',
      baseUrl: linkedin.url,
      name: 'Clinic on LinkedIn',
    })
    const { start, landed } = await connect(id)
    expect(new URL(start.headers.get('location')!).searchParams.get('code_challenge')).toBeNull()
    expect(landed.searchParams.get('connected')).toBe('Heart Clinic')
    const before = await account(id)
    expect(before.external_id).toBe('urn:li:organization:2414183')
    // Sixty days on, the keeper renews it; LinkedIn keeps the same refresh token.
    clock = Date.now() + 60 * 24 * HOUR
    const tick = await runTokenKeeperOnce(app.payload, { now })
    expect(tick.refreshed).toBeGreaterThanOrEqual(1)
    const after = await account(id)
    expect(after.access_token).not.toBe(before.access_token)
    const grants = linkedin.oauth.issued
    expect(grants.at(-1)!.grantType).toBe('refresh_token')
    expect(grants.at(-1)!.refreshToken).toBe(grants.at(-2)!.refreshToken)
    expect(after.refresh_token).toMatch(/^v1\./)
    expect(new Date(after.token_expires_at).getTime()).toBeGreaterThan(clock)
    const post = await scheduledPublication(app, {
      document: campaignId,
      account: id,
      dueAt: new Date(clock - 60_000),
      text: 'Our cardiac rehab team is hiring',
    })
    await testWorker(app, { now }).runOnce()
    const sent = await publication(app, post.id)
    expect(sent.state, String(sent.lastError)).toBe('published')
    clock = Date.now()
  })

  it('connects a YouTube channel with PKCE and offline access, and renews its hour-long token', async () => {
    const { id } = await channelAccount(app, {
      channel: 'youtube',
      baseUrl: youtube.url,
      name: 'Clinic on YouTube',
    })
    const { start, landed } = await connect(id)
    const authorize = new URL(start.headers.get('location')!)
    expect(authorize.searchParams.get('access_type')).toBe('offline')
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
    expect(landed.searchParams.get('connected')).toBe('Heart Clinic')
    const before = await account(id)
    expect(before.external_id).toBe('UCheartclinic00000000000')
    clock = Date.now() + 2 * HOUR
    await runTokenKeeperOnce(app.payload, { now })
    const after = await account(id)
    expect(after.access_token).not.toBe(before.access_token)
    expect(after.refresh_token).toBe(before.refresh_token)
    expect(after.connection).toBe('connected')
    // The renewed token works: the daily check reads the channel back with it.
    await sql(
      `UPDATE channel_accounts SET token_checked_at = now() - interval '2 days' WHERE id = $1`,
      [id],
    )
    const check = await runTokenKeeperOnce(app.payload, { now })
    expect(check.checked).toBeGreaterThanOrEqual(1)
    expect((await account(id)).connection).toBe('connected')
    clock = Date.now()
  })

  it('says which variables to set for a network the server has no app for, and refuses to start', async () => {
    const { id } = await channelAccount(app, { channel: 'facebook', name: 'Facebook page' })
    const info = await (
      await app.rest('GET', `/${slugs.channelAccounts}/${id}/connection`, { token: admin })
    ).json()
    expect(info).toMatchObject({
      connectable: false,
      missing: ['CARECAST_META_APP_ID', 'CARECAST_META_APP_SECRET'],
    })
    const start = await app.rest('GET', `/${slugs.channelAccounts}/${id}/connect`, { token: admin })
    expect(start.status).toBe(400)
    expect(await start.text()).toContain('set CARECAST_META_APP_ID and CARECAST_META_APP_SECRET')
  })
})
