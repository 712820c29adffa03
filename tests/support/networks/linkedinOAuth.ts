/**
 * LinkedIn's 3-legged OAuth (Authorization Code Flow), as learn.microsoft.com documents it
 * (https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow and
 * https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens),
 * served by the LinkedIn fake on www.linkedin.com's paths:
 * - GET /oauth/v2/authorization → 302 to the redirect_uri with `code` and `state`; a member who
 *   cancels → `error=user_cancelled_authorize&error_description=…&state`. Unknown client or an
 *   unregistered redirect_uri → 400 page. Web apps send no PKCE (a challenge, if sent, is checked).
 * - POST /oauth/v2/accessToken (form; client_id and client_secret in the body):
 *   authorization_code → `{ access_token, expires_in: 5184000, refresh_token,
 *   refresh_token_expires_in: 31536000, scope }`; refresh_token → a new access token and the SAME
 *   refresh token, with what is left of its year (LinkedIn does not rotate, nor extend the year).
 *   Errors 400 `{ error, error_description }`; bad client credentials → 401 invalid_client.
 */
import {
  type OAuthAuthority,
  type OAuthClient,
  type OAuthReply,
  type OAuthRequest,
  createOAuthAuthority,
  errorPage,
  formFields,
  found,
  header,
  redirectLocation,
} from './oauthAuthority'

/** Who signs in: the member, and the organizations they administer (URNs). */
export type LinkedInMember = {
  /** `urn:li:person:<id>` */
  person: string
  /** `urn:li:organization:<id>` of each page the member is an ADMINISTRATOR of. */
  administers: string[]
}

export type LinkedInOAuthOptions = {
  clients?: Record<string, OAuthClient>
  /** The member at the consent screen. @default urn:li:person:carecast-admin, administering the first static token's organizations */
  member?: LinkedInMember
  /** @default 5184000 (60 days) */
  accessTokenSeconds?: number
  /** @default 31536000 (365 days) */
  refreshTokenSeconds?: number
  now?: () => number
}

const failure = (status: number, error: string, description: string): OAuthReply => ({
  status,
  body: { error, error_description: description },
})
const missing = (name: string) =>
  failure(400, 'invalid_request', `A required parameter "${name}" is missing`)
const BAD_CODE = failure(
  400,
  'invalid_request',
  'Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired. Or external member binding exists',
)
const BAD_REFRESH = failure(
  400,
  'invalid_grant',
  'The provided authorization grant or refresh token is invalid, expired or revoked',
)
const BAD_CLIENT = failure(401, 'invalid_client', 'Client authentication failed')

export const createLinkedInOAuth = (
  options: LinkedInOAuthOptions,
  defaultMember: LinkedInMember,
) => {
  const authority: OAuthAuthority<LinkedInMember> = createOAuthAuthority<LinkedInMember>({
    clients: options.clients,
    user: options.member ?? defaultMember,
    accessTokenSeconds: options.accessTokenSeconds ?? 5_184_000,
    refreshTokenSeconds: options.refreshTokenSeconds ?? 31_536_000,
    ...(options.now ? { now: options.now } : {}),
    prefix: 'li',
  })

  const authorize = (url: URL): OAuthReply => {
    const result = authority.authorize(url.searchParams, { offline: true })
    if (result.outcome === 'refused')
      return errorPage(
        400,
        result.reason === 'unknown-client'
          ? 'The passed in client_id is invalid'
          : 'The redirect_uri does not match the registered value',
      )
    if (result.outcome === 'error')
      return found(
        redirectLocation(result.redirectUri, {
          error: result.error === 'access_denied' ? 'user_cancelled_authorize' : result.error,
          error_description:
            result.error === 'access_denied'
              ? 'The user cancelled the authorization'
              : result.description,
          state: result.state,
        }),
      )
    return found(redirectLocation(result.redirectUri, { code: result.code, state: result.state }))
  }

  const accessToken = (request: OAuthRequest): OAuthReply => {
    const form = formFields(request.body, header(request, 'content-type'))
    for (const name of ['grant_type', 'client_id', 'client_secret'])
      if (!form[name]) return missing(name)
    if (authority.authenticateClient(form.client_id, form.client_secret) !== 'ok') return BAD_CLIENT
    if (form.grant_type === 'authorization_code') {
      if (!form.code) return missing('code')
      if (!form.redirect_uri) return missing('redirect_uri')
    } else if (form.grant_type === 'refresh_token') {
      if (!form.refresh_token) return missing('refresh_token')
    } else return failure(400, 'unsupported_grant_type', 'The grant type is not supported')
    const grant =
      form.grant_type === 'authorization_code'
        ? authority.exchangeCode({
            clientId: form.client_id,
            code: form.code,
            redirectUri: form.redirect_uri,
            codeVerifier: form.code_verifier,
          })
        : authority.refresh({ clientId: form.client_id, refreshToken: form.refresh_token })
    if (!grant.ok) return form.grant_type === 'authorization_code' ? BAD_CODE : BAD_REFRESH
    const issued = grant.token
    return {
      status: 200,
      body: {
        access_token: issued.accessToken,
        expires_in:
          issued.expiresAt === undefined ? undefined : authority.secondsUntil(issued.expiresAt),
        refresh_token: issued.refreshToken,
        refresh_token_expires_in:
          issued.refreshTokenExpiresAt === undefined
            ? undefined
            : authority.secondsUntil(issued.refreshTokenExpiresAt),
        scope: issued.scope,
      },
    }
  }

  /** Answers the OAuth routes; undefined for any other request. */
  const handle = (request: OAuthRequest): OAuthReply | undefined => {
    const path = request.url.pathname
    if (request.method === 'GET' && path === '/oauth/v2/authorization')
      return authorize(request.url)
    if (request.method === 'POST' && path === '/oauth/v2/accessToken') return accessToken(request)
    return undefined
  }

  return { authority, handle }
}
