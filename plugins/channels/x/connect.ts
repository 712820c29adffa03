/**
 * Connecting an X account: OAuth 2.0 Authorization Code with PKCE (docs.x.com, "OAuth 2.0
 * Authorization Code Flow with PKCE"). Carecast is a confidential client, so the token requests
 * carry HTTP Basic client credentials. The access token lasts 2 hours; `offline.access` brings a
 * refresh token, which X rotates on every refresh (the old one stops working).
 */
import type { ChannelConnector } from '../../scheduler/exports/channels'
import { codeRequestUrl, exchangeCode, getWithToken, refreshGrant } from '../oauth/http'

export const xConnector = (): ChannelConnector => ({
  channel: 'x',
  // Post and delete, read the account back (users.read, tweet.read), upload media, stay connected.
  scopes: ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'],
  pkce: true,
  endpoints: () => ({
    authorizeUrl: 'https://x.com/i/oauth2/authorize',
    tokenUrl: 'https://api.x.com/2/oauth2/token',
  }),
  authorizeUrl({ endpoints, client, redirectUri, state, codeChallenge }) {
    return codeRequestUrl(endpoints.authorizeUrl, {
      clientId: client.clientId,
      redirectUri,
      scopes: this.scopes,
      state,
      codeChallenge,
    })
  },
  exchange: ({ endpoints, ...args }) => exchangeCode(endpoints.tokenUrl, 'basic', args),
  refresh: ({ endpoints, ...args }) => refreshGrant(endpoints.tokenUrl, 'basic', args),
  async identify({ apiBaseUrl, accessToken }) {
    const body = await getWithToken(`${apiBaseUrl}/2/users/me`, accessToken)
    const data = (body.data ?? {}) as { id?: unknown; username?: unknown; name?: unknown }
    if (typeof data.id !== 'string') throw new Error('X answered /2/users/me without a user id')
    return { externalId: data.id, name: `@${String(data.username ?? data.id)}` }
  },
})
