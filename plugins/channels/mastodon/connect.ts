/**
 * Connecting a Mastodon account (docs.joinmastodon.org, "OAuth" and "apps"): there is no central
 * app registry, so Carecast registers itself on the instance (`POST /api/v1/apps`) from the
 * instance URL alone, then runs the authorization-code flow with PKCE (Mastodon 4.3+). User
 * tokens do not expire and there is no refresh token; the daily check reads the account back.
 */
import type { ChannelConnector } from '../../scheduler/exports/channels'
import { readJson } from '../http'
import { codeRequestUrl, exchangeCode, getWithToken, oauthErrorText } from '../oauth/http'

export const mastodonConnector = (): ChannelConnector => ({
  channel: 'mastodon',
  // Granular scopes (Mastodon 3.x+): post, attach media, read statuses back (reconcile), who I am.
  scopes: ['read:accounts', 'read:statuses', 'write:statuses', 'write:media'],
  pkce: true,
  endpoints: (instance) => ({
    authorizeUrl: `${instance}/oauth/authorize`,
    tokenUrl: `${instance}/oauth/token`,
  }),
  async register({ apiBaseUrl, redirectUri, appName, website }) {
    const response = await fetch(`${apiBaseUrl}/api/v1/apps`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        client_name: appName,
        redirect_uris: redirectUri,
        scopes: this.scopes.join(' '),
        ...(website ? { website } : {}),
      }),
      signal: AbortSignal.timeout(15_000),
    })
    const body = (await readJson(response)) as Record<string, unknown> | undefined
    if (!response.ok || typeof body?.client_id !== 'string')
      throw new Error(
        `the instance did not register Carecast (${oauthErrorText(response.status, body)})`,
      )
    return {
      clientId: body.client_id,
      clientSecret: typeof body.client_secret === 'string' ? body.client_secret : undefined,
    }
  },
  authorizeUrl({ endpoints, client, redirectUri, state, codeChallenge }) {
    return codeRequestUrl(endpoints.authorizeUrl, {
      clientId: client.clientId,
      redirectUri,
      scopes: this.scopes,
      state,
      codeChallenge,
    })
  },
  exchange: ({ endpoints, ...args }) => exchangeCode(endpoints.tokenUrl, 'form', args),
  async identify({ apiBaseUrl, accessToken }) {
    const body = await getWithToken(`${apiBaseUrl}/api/v1/accounts/verify_credentials`, accessToken)
    if (typeof body.id !== 'string') throw new Error('the instance answered without an account id')
    return {
      externalId: body.id,
      name: `@${String(body.acct ?? body.username)}@${new URL(apiBaseUrl).host}`,
    }
  },
})
