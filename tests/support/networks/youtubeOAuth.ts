/**
 * Google's OAuth 2.0 for web server applications, as
 * https://developers.google.com/identity/protocols/oauth2/web-server documents it, served by the
 * YouTube fake on accounts.google.com's and oauth2.googleapis.com's paths:
 * - GET /o/oauth2/v2/auth → 302 to the redirect_uri with `code`, `state` and `scope`; refusal →
 *   `error=access_denied&state`. Unknown client → 401 invalid_client page; unregistered
 *   redirect_uri → 400 redirect_uri_mismatch page. PKCE (S256 or plain) is checked when sent.
 * - POST /token (form; client_id and client_secret in the body, or HTTP Basic):
 *   authorization_code → `{ access_token, expires_in: 3599, refresh_token, scope, token_type:
 *   "Bearer" }`, with a refresh token only for access_type=offline, and (as Google does) only on
 *   the first consent of that user to that client unless prompt=consent asks again. refresh_token →
 *   the same without a new refresh token. A bad code, verifier or refresh token → 400 invalid_grant;
 *   bad client credentials → 401 invalid_client.
 * - POST /revoke?token= (or form `token`) → 200; an unknown token → 400 invalid_token.
 */
import {
  type IssuedToken,
  type OAuthAuthority,
  type OAuthClient,
  type OAuthReply,
  type OAuthRequest,
  basicCredentials,
  createOAuthAuthority,
  errorPage,
  formFields,
  found,
  header,
  redirectLocation,
} from './oauthAuthority'

export type GoogleOAuthOptions = {
  clients?: Record<string, OAuthClient>
  /** The YouTube channel id of the Google account at the consent screen. @default the server's channelId */
  channelId?: string
  /** @default 3599 */
  accessTokenSeconds?: number
  now?: () => number
}

const failure = (status: number, error: string, description: string): OAuthReply => ({
  status,
  body: { error, error_description: description },
})
const EXPIRED_OR_REVOKED = failure(400, 'invalid_grant', 'Token has been expired or revoked.')

export const createGoogleOAuth = (options: GoogleOAuthOptions, defaultChannel: string) => {
  const authority: OAuthAuthority<string> = createOAuthAuthority<string>({
    clients: options.clients,
    user: options.channelId ?? defaultChannel,
    accessTokenSeconds: options.accessTokenSeconds ?? 3599,
    ...(options.now ? { now: options.now } : {}),
    prefix: 'ya29',
  })
  // Client and channel pairs that already hold a refresh token: Google sends one on first consent only.
  const offlineGranted = new Set<string>()

  const authorize = (url: URL): OAuthReply => {
    const query = url.searchParams
    const clientId = query.get('client_id') ?? ''
    const pair = `${clientId} ${authority.user}`
    const prompted = (query.get('prompt') ?? '').split(/\s+/).includes('consent')
    const offline =
      query.get('access_type') === 'offline' && (prompted || !offlineGranted.has(pair))
    const result = authority.authorize(query, { offline })
    if (result.outcome === 'refused')
      return result.reason === 'unknown-client'
        ? errorPage(401, 'Error 401: invalid_client. The OAuth client was not found.')
        : errorPage(400, 'Error 400: redirect_uri_mismatch')
    if (result.outcome === 'error')
      return found(
        redirectLocation(result.redirectUri, { error: result.error, state: result.state }),
      )
    if (offline) offlineGranted.add(pair)
    return found(
      redirectLocation(result.redirectUri, {
        state: result.state,
        code: result.code,
        scope: result.scope,
      }),
    )
  }

  const token = (request: OAuthRequest): OAuthReply => {
    const form = formFields(request.body, header(request, 'content-type'))
    const basic = basicCredentials(header(request, 'authorization'))
    const clientId = basic?.clientId ?? form.client_id ?? ''
    const checked = authority.authenticateClient(
      clientId,
      basic?.secret ?? form.client_secret ?? '',
    )
    if (checked === 'unknown-client')
      return failure(401, 'invalid_client', 'The OAuth client was not found.')
    if (checked === 'bad-secret') return failure(401, 'invalid_client', 'Unauthorized')
    if (form.grant_type === 'authorization_code') {
      const grant = authority.exchangeCode({
        clientId,
        code: form.code,
        redirectUri: form.redirect_uri,
        codeVerifier: form.code_verifier,
      })
      if (!grant.ok)
        return grant.reason === 'pkce-mismatch'
          ? failure(400, 'invalid_grant', 'Invalid code verifier.')
          : grant.reason === 'pkce-missing'
            ? failure(400, 'invalid_grant', 'Missing code verifier.')
            : grant.reason === 'redirect-uri-mismatch'
              ? failure(400, 'redirect_uri_mismatch', 'Bad Request')
              : failure(400, 'invalid_grant', 'Bad Request')
      return { status: 200, body: tokenBody(grant.token, true) }
    }
    if (form.grant_type === 'refresh_token') {
      const grant = authority.refresh({ clientId, refreshToken: form.refresh_token })
      if (!grant.ok) return EXPIRED_OR_REVOKED
      return { status: 200, body: tokenBody(grant.token, false) }
    }
    return failure(400, 'unsupported_grant_type', `Invalid grant_type: ${form.grant_type ?? ''}`)
  }

  const tokenBody = (issued: IssuedToken<string>, withRefresh: boolean) => ({
    access_token: issued.accessToken,
    expires_in:
      issued.expiresAt === undefined ? undefined : authority.secondsUntil(issued.expiresAt),
    ...(withRefresh && issued.refreshToken ? { refresh_token: issued.refreshToken } : {}),
    scope: issued.scope,
    token_type: 'Bearer',
  })

  /** Revoking either token ends the grant, as Google documents: both stop working. */
  const revoke = (request: OAuthRequest): OAuthReply => {
    const form = formFields(request.body, header(request, 'content-type'))
    const token = request.url.searchParams.get('token') ?? form.token ?? ''
    const grant = authority.issued.find(
      (issued) => issued.accessToken === token || issued.refreshToken === token,
    )
    if (!grant) return failure(400, 'invalid_token', 'Token expired or revoked')
    for (const issued of authority.issued)
      if (issued.refreshToken !== undefined && issued.refreshToken === grant.refreshToken)
        authority.revokeAccessToken(issued.accessToken)
    authority.revokeAccessToken(grant.accessToken)
    if (grant.refreshToken) authority.revokeRefreshToken(grant.refreshToken)
    return { status: 200, body: {} }
  }

  /** Answers the OAuth routes; undefined for any other request. */
  const handle = (request: OAuthRequest): OAuthReply | undefined => {
    const path = request.url.pathname
    if (request.method === 'GET' && path === '/o/oauth2/v2/auth') return authorize(request.url)
    if (request.method === 'POST' && path === '/token') return token(request)
    if (request.method === 'POST' && path === '/revoke') return revoke(request)
    return undefined
  }

  return { authority, handle }
}
