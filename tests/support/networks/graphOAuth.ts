/**
 * Facebook Login's manual flow and the Page tokens it leads to, as Meta documents them, served by
 * the Graph API fake:
 * - GET /{version}/dialog/oauth (on www.facebook.com): client_id, redirect_uri, state, scope,
 *   response_type=code → 302 to the redirect_uri with `code` and `state`; a person who declines →
 *   `error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied&state`
 *   (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow).
 * - GET /{version}/oauth/access_token with client_id, redirect_uri, client_secret, code → a
 *   short-lived User token `{ access_token, token_type: "bearer", expires_in }` (about an hour);
 *   with grant_type=fb_exchange_token and fb_exchange_token → a long-lived User token (about 60
 *   days) (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
 *   A bad code → 400 OAuthException code 100 "Error validating verification code…".
 * - GET /{version}/me/accounts with a User token → the Pages the person manages, each with its
 *   own Page token, which has no expiry when it comes from a long-lived User token; with
 *   `instagram_business_account` in `fields`, each Page's linked Instagram professional account.
 * - GET /{version}/me with a Page token → the Page (`id`, `name`): the daily check.
 * An expired or revoked token is the Graph's 190 OAuthException (HTTP 400 with WWW-Authenticate).
 */
import { randomBytes } from 'node:crypto'

import { type OAuthAuthority, type OAuthClient, createOAuthAuthority } from './oauthAuthority'

export type GraphOAuthOptions = {
  /** Registered apps by app id (client_id). */
  clients?: Record<string, OAuthClient>
  /** The Page's name, and its Instagram account's username. */
  pageName?: string
  igUsername?: string
  /** Short-lived User token lifetime. @default 3600 */
  userTokenSeconds?: number
  now?: () => number
}

type Answer = { status: number; body: unknown }
const oauthError = (message: string, code = 100): Answer => ({
  status: 400,
  body: { error: { message, type: 'OAuthException', code, fbtrace_id: 'A1b2C3' } },
})
const invalidToken = (): Answer =>
  oauthError('Error validating access token: The session has been invalidated.', 190)

export const createGraphOAuth = (
  options: GraphOAuthOptions,
  page: { id: string; igUserId: string; accessToken: () => string },
) => {
  const now = options.now ?? Date.now
  const authority: OAuthAuthority<string> = createOAuthAuthority<string>({
    clients: options.clients,
    user: 'facebook-user-1',
    accessTokenSeconds: options.userTokenSeconds ?? 3600,
    ...(options.now ? { now: options.now } : {}),
    prefix: 'fb',
  })
  /** Long-lived User tokens: issued from a short-lived one, valid 60 days. */
  const longLived = new Map<string, number>()
  const userTokenValid = (token: string | undefined) =>
    Boolean(token) &&
    (authority.check(token!).state === 'active' || (longLived.get(token!) ?? 0) > now())
  let pageTokenRevoked = false

  /** Answers the OAuth and identity routes; undefined for any other request. */
  const handle = (
    method: string,
    segments: string[],
    query: Record<string, string>,
    token: string | undefined,
  ): Answer | { redirect: string } | undefined => {
    const path = segments.join('/')
    if (method === 'GET' && path === 'dialog/oauth') {
      const result = authority.authorize(new URLSearchParams(query), { offline: false })
      if (result.outcome === 'refused')
        return oauthError(
          'Invalid redirect_uri or app id: the app is not set up for this URL.',
          191,
        )
      const back = new URL(result.redirectUri)
      if (result.outcome === 'error') {
        back.searchParams.set('error', 'access_denied')
        back.searchParams.set('error_code', '200')
        back.searchParams.set('error_description', 'Permissions error')
        back.searchParams.set('error_reason', 'user_denied')
      } else back.searchParams.set('code', result.code)
      if (result.state) back.searchParams.set('state', result.state)
      return { redirect: back.toString() }
    }
    if (method === 'GET' && path === 'oauth/access_token') {
      if (authority.authenticateClient(query.client_id ?? '', query.client_secret ?? '') !== 'ok')
        return oauthError('Error validating client secret.', 1)
      if (query.grant_type === 'fb_exchange_token') {
        if (!userTokenValid(query.fb_exchange_token)) return invalidToken()
        const long = `fbl-${randomBytes(12).toString('hex')}`
        longLived.set(long, now() + 60 * 86_400_000)
        return {
          status: 200,
          body: { access_token: long, token_type: 'bearer', expires_in: 5_184_000 },
        }
      }
      const grant = authority.exchangeCode({
        clientId: query.client_id ?? '',
        code: query.code,
        redirectUri: query.redirect_uri,
        codeVerifier: undefined,
      })
      if (!grant.ok)
        return oauthError(
          'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
        )
      return {
        status: 200,
        body: {
          access_token: grant.token.accessToken,
          token_type: 'bearer',
          expires_in: authority.secondsUntil(grant.token.expiresAt ?? now()),
        },
      }
    }
    if (method === 'GET' && path === 'me/accounts') {
      if (!userTokenValid(token)) return invalidToken()
      const withInstagram = (query.fields ?? '').includes('instagram_business_account')
      return {
        status: 200,
        body: {
          data: [
            {
              id: page.id,
              name: options.pageName ?? 'Heart Clinic',
              access_token: page.accessToken(),
              category: 'Hospital',
              tasks: ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'],
              ...(withInstagram
                ? {
                    instagram_business_account: {
                      id: page.igUserId,
                      username: options.igUsername ?? 'heartclinic',
                    },
                  }
                : {}),
            },
          ],
        },
      }
    }
    if (method === 'GET' && path === 'me' && token === page.accessToken()) {
      if (pageTokenRevoked) return invalidToken()
      return { status: 200, body: { id: page.id, name: options.pageName ?? 'Heart Clinic' } }
    }
    return undefined
  }

  return {
    authority,
    handle,
    /** Whether the Page token still works (a test revokes it: the person removed the app). */
    pageTokenWorks: () => !pageTokenRevoked,
    /** Test hook: the person removed the app from their Facebook settings. */
    revokeAll: () => {
      pageTokenRevoked = true
      longLived.clear()
      authority.revokeAll()
    },
  }
}
