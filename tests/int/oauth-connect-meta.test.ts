import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runTokenKeeperOnce } from '../../plugins/scheduler'
import { credentialsFor } from '../support/credentials'
import { startGraphApiServer } from '../support/networks/graphApiServer'
import {
  channelAccount,
  publication,
  publishedCampaign,
  scheduledPublication,
  TEST_SECRETS_KEY,
  testWorker,
} from '../support/schedulerFixtures'
import { connectAccount, OAUTH_CALLBACK, OAUTH_PUBLIC } from '../support/oauthConnect'
import { startTestApp, type TestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

const PUBLIC = OAUTH_PUBLIC
const CALLBACK = OAUTH_CALLBACK

/**
 * Issue 17 for Meta: Facebook Login's code becomes a long-lived User token, and the Page's own
 * token (which does not expire) is what is kept and posted with; an Instagram account is the one
 * linked to the Page. Nothing to refresh: the daily check reads the Page back, and a token the
 * person revoked makes the account "reconnect needed".
 */
describe('connecting a Facebook Page and its Instagram account', () => {
  let app: TestApp
  let graph: Awaited<ReturnType<typeof startGraphApiServer>>
  let admin: string
  let campaignId: number | string
  const sql = (text: string, values: unknown[] = []) =>
    (app.payload.db as unknown as { pool: Pool }).pool.query(text, values)

  beforeAll(async () => {
    graph = await startGraphApiServer({
      oauth: {
        clients: { 'carecast-meta': { secret: 'meta-app-secret', redirectUris: [CALLBACK] } },
        pageName: 'Heart Clinic',
        igUsername: 'heartclinic',
      },
    })
    Object.assign(process.env, {
      SERVER_URL: PUBLIC,
      CARECAST_META_APP_ID: 'carecast-meta',
      CARECAST_META_APP_SECRET: 'meta-app-secret',
      CARECAST_META_AUTHORIZE_URL: `${graph.url}/v21.0/dialog/oauth`,
      CARECAST_META_TOKEN_URL: `${graph.url}/v21.0/oauth/access_token`,
    })
    app = await startTestApp('oauth-connect-meta')
    admin = (await credentialsFor(app)).admin.token!
    campaignId = (await publishedCampaign(app)).id
  })
  afterAll(async () => {
    await app?.close()
    await graph?.close()
  })

  const connect = (accountId: number | string) => connectAccount(app, admin, accountId)
  const account = async (id: number | string) =>
    (await sql(`SELECT * FROM channel_accounts WHERE id = $1`, [id])).rows[0]

  it("connects a Page: keeps the Page's own token, which does not expire, and posts with it", async () => {
    const { id } = await channelAccount(app, {
      channel: 'facebook',
      baseUrl: graph.url,
      name: 'Clinic Page',
    })
    const { authorize, landed } = await connect(id)
    expect(authorize.searchParams.get('scope')).toBe(
      'pages_show_list,pages_read_engagement,pages_manage_posts',
    )
    expect(landed.searchParams.get('connected')).toBe('Heart Clinic')
    const row = await account(id)
    expect(row.external_id).toBe(graph.pageId)
    expect(row.connection).toBe('connected')
    expect(row.token_expires_at).toBeNull()
    expect(row.access_token).toMatch(/^v1\./)
    // The long-lived User token went through the exchange; only the Page token is kept.
    const exchanged = graph.requests.filter((request) =>
      request.path.endsWith('/oauth/access_token'),
    )
    expect(exchanged.map((request) => request.query.grant_type ?? 'authorization_code')).toEqual([
      'authorization_code',
      'fb_exchange_token',
    ])
    const post = await scheduledPublication(app, {
      document: campaignId,
      account: id,
      dueAt: new Date(Date.now() - 60_000),
      text: 'Free heart screenings on Saturday',
    })
    await testWorker(app).runOnce()
    expect((await publication(app, post.id)).state).toBe('published')
    expect([...graph.posts.values()].map((one) => one.message)).toContain(
      'Free heart screenings on Saturday',
    )
  })

  it("connects the Page's Instagram account, and marks both reconnect-needed once the person revokes the app", async () => {
    const { id } = await channelAccount(app, {
      channel: 'instagram',
      baseUrl: graph.url,
      name: 'Clinic on Instagram',
    })
    const { landed } = await connect(id)
    expect(landed.searchParams.get('connected')).toBe('@heartclinic')
    expect((await account(id)).external_id).toBe(graph.igUserId)

    graph.oauth!.revokeAll()
    // A day later the daily check reads each Page back and is refused (Graph error 190).
    await sql(`UPDATE channel_accounts SET token_checked_at = now() - interval '2 days'`)
    const tick = await runTokenKeeperOnce(app.payload)
    expect(tick.reconnectNeeded).toBe(2)
    expect((await account(id)).connection).toBe('reconnect-needed')
    expect((await account(id)).connection_problem).toMatch(/Error validating access token/)
  })
})
