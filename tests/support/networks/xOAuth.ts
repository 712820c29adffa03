/**
 * X's OAuth 2.0 Authorization Code Flow with PKCE, as docs.x.com documents it
 * (https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code and
 * https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token), served by the X fake:
 * - GET /i/oauth2/authorize (on x.com): PKCE required; the consent outcome is a 302 to the
 *   redirect_uri with `state` and `code`, or `error=access_denied`. Unknown client or an
 *   unregistered redirect_uri → 400 page, no redirect.
 * - POST /2/oauth2/token (form): a confidential client authenticates with HTTP Basic
 *   client_id:client_secret, a public one sends `client_id` in the body. Access tokens last two
 *   hours (expires_in 7200); a refresh token comes only with scope offline.access, and each refresh
 *   rotates it (the one used stops working).
 * - POST /2/oauth2/revoke (form: token, token_type_hint) → `{ revoked: true }`.
 */
import {
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

export type XOAuthOptions = {
  /** Registered apps by client_id (secret '' for a public client). */
  clients?: Record<string, OAuthClient>
  /** The X user id signed in at the consent screen. @default the first user of `users` */
  user?: string
  /** @default 7200 */
  accessTokenSeconds?: number
  now?: () => number
}

const invalidRequest = (description: string): OAuthReply => ({
  status: 400,
  body: { error: 'invalid_request', error_description: description },
})
const BAD_CODE = invalidRequest('Value passed for the authorization code was invalid.')
const BAD_TOKEN = invalidRequest('Value passed for the token was invalid.')
const BAD_CLIENT: OAuthReply = {
  status: 401,
  body: { error: 'unauthorized_client', error_description: 'Missing valid authorization header' },
}

export const createXOAuth = (options: XOAuthOptions, defaultUser: string) => {
  const authority: OAuthAuthority<string> = createOAuthAuthority<string>({
    clients: options.clients,
    user: options.user ?? defaultUser,
    accessTokenSeconds: options.accessTokenSeconds ?? 7200,
    rotateRefreshTokens: true,
    requirePkce: true,
    ...(options.now ? { now: options.now } : {}),
    prefix: 'x',
  })

  const authorize = (url: URL): OAuthReply => {
    const scope = url.searchParams.get('scope') ?? ''
    const result = authority.authorize(url.searchParams, {
      offline: scope.split(/\s+/).includes('offline.access'),
    })
    if (result.outcome === 'refused')
      return errorPage(400, 'Something went wrong. You weren’t able to give access to the App.')
    if (result.outcome === 'error')
      return found(
        redirectLocation(result.redirectUri, {
          error: result.error,
          ...(result.error === 'access_denied' ? {} : { error_description: result.description }),
          state: result.state,
        }),
      )
    return found(redirectLocation(result.redirectUri, { state: result.state, code: result.code }))
  }

  /** Basic credentials for a confidential client; a public client names itself in the body. */
  const clientOf = (request: OAuthRequest, form: Record<string, string>): string | undefined => {
    const basic = basicCredentials(header(request, 'authorization'))
    if (basic)
      return authority.authenticateClient(basic.clientId, basic.secret) === 'ok'
        ? basic.clientId
        : undefined
    const named = form.client_id ?? ''
    return authority.authenticateClient(named, '') === 'ok' ? named : undefined
  }

  const token = (request: OAuthRequest): OAuthReply => {
    const form = formFields(request.body, header(request, 'content-type'))
    const clientId = clientOf(request, form)
    if (!clientId) return BAD_CLIENT
    const grant =
      form.grant_type === 'authorization_code'
        ? authority.exchangeCode({
            clientId,
            code: form.code,
            redirectUri: form.redirect_uri,
            codeVerifier: form.code_verifier,
          })
        : form.grant_type === 'refresh_token'
          ? authority.refresh({ clientId, refreshToken: form.refresh_token })
          : undefined
    if (!grant) return invalidRequest('Value passed for the grant type was invalid.')
    if (!grant.ok) return form.grant_type === 'refresh_token' ? BAD_TOKEN : BAD_CODE
    const issued = grant.token
    return {
      status: 200,
      body: {
        token_type: 'bearer',
        expires_in:
          issued.expiresAt === undefined ? undefined : authority.secondsUntil(issued.expiresAt),
        access_token: issued.accessToken,
        scope: issued.scope,
        ...(issued.refreshToken ? { refresh_token: issued.refreshToken } : {}),
      },
    }
  }

  const revoke = (request: OAuthRequest): OAuthReply => {
    const form = formFields(request.body, header(request, 'content-type'))
    if (!clientOf(request, form)) return BAD_CLIENT
    if (!form.token) return invalidRequest('Missing required parameter [token].')
    if (form.token_type_hint === 'refresh_token') authority.revokeRefreshToken(form.token)
    else {
      authority.revokeAccessToken(form.token)
      authority.revokeRefreshToken(form.token)
    }
    return { status: 200, body: { revoked: true } }
  }

  /** Answers the OAuth routes; undefined for any other request. */
  const handle = (request: OAuthRequest): OAuthReply | undefined => {
    const path = request.url.pathname
    if (request.method === 'GET' && path === '/i/oauth2/authorize') return authorize(request.url)
    if (request.method === 'POST' && path === '/2/oauth2/token') return token(request)
    if (request.method === 'POST' && path === '/2/oauth2/revoke') return revoke(request)
    return undefined
  }

  return { authority, handle }
}
