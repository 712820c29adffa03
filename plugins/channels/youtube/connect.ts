/**
 * Connecting a YouTube channel: Google's OAuth 2.0 for web server apps
 * (developers.google.com/identity/protocols/oauth2/web-server) with PKCE. `access_type=offline`
 * with `prompt=consent` brings a refresh token every time; access tokens last an hour, and a
 * refresh answers a new access token only (Google keeps the refresh token). `invalid_grant` means
 * it was revoked or expired (unused for six months, or the app still in testing: seven days).
 */
import type { ChannelConnector } from '../../scheduler/exports/channels'
import { codeRequestUrl, exchangeCode, getWithToken, refreshGrant } from '../oauth/http'

export const youtubeConnector = (): ChannelConnector => ({
  channel: 'youtube',
  // Upload videos; captions and deletes need youtube.force-ssl.
  scopes: [
    'https://www.googleapis.com/auth/youtube.upload',
    'https://www.googleapis.com/auth/youtube.force-ssl',
  ],
  pkce: true,
  endpoints: () => ({
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
  }),
  authorizeUrl({ endpoints, client, redirectUri, state, codeChallenge }) {
    return codeRequestUrl(endpoints.authorizeUrl, {
      clientId: client.clientId,
      redirectUri,
      scopes: this.scopes,
      state,
      codeChallenge,
      extra: { access_type: 'offline', prompt: 'consent', include_granted_scopes: 'true' },
    })
  },
  exchange: ({ endpoints, ...args }) => exchangeCode(endpoints.tokenUrl, 'form', args),
  refresh: ({ endpoints, ...args }) => refreshGrant(endpoints.tokenUrl, 'form', args),
  async identify({ apiBaseUrl, accessToken }) {
    const body = await getWithToken(
      `${apiBaseUrl}/youtube/v3/channels?part=snippet&mine=true`,
      accessToken,
    )
    const channel = ((body.items as unknown[] | undefined) ?? [])[0] as
      { id?: unknown; snippet?: { title?: unknown } } | undefined
    if (typeof channel?.id !== 'string')
      throw new Error('this Google account has no YouTube channel')
    return { externalId: channel.id, name: String(channel.snippet?.title ?? channel.id) }
  },
})
