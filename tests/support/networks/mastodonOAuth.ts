/**
 * Mastodon's app registration and OAuth (Doorkeeper), as docs.joinmastodon.org documents them
 * (https://docs.joinmastodon.org/methods/apps/, https://docs.joinmastodon.org/methods/oauth/,
 * https://docs.joinmastodon.org/entities/Application/, https://docs.joinmastodon.org/spec/oauth/),
 * served by the Mastodon fake:
 * - POST /api/v1/apps (form or JSON: client_name, redirect_uris as a string of space or newline
 *   separated URIs or an array, scopes, website) → 200 Application with client_id and
 *   client_secret; the app joins the authority. Missing or bad fields → 422 "Validation failed: …".
 * - GET /oauth/authorize → 302 to the redirect_uri with `code` and `state` (for
 *   urn:ietf:wg:oauth:2.0:oob, a 200 page showing the code); scopes must be among the app's; PKCE
 *   with S256 only (since 4.3). Refusal → `error=access_denied`.
 * - POST /oauth/token (form or JSON) → `{ access_token, token_type: "Bearer", scope, created_at }`.
 *   User tokens never expire and come without a refresh token.
 * - POST /oauth/revoke (token, client_id, client_secret) → 200 `{}`; another app's token → 403.
 */
import { randomBytes } from 'node:crypto'

import {
  type OAuthAuthority,
  type OAuthReply,
  basicCredentials,
  createOAuthAuthority,
  errorPage,
  found,
  redirectLocation,
} from './oauthAuthority'

export type MastodonOAuthOptions = {
  /** The username signed in at the consent screen. @default the first of the server's `users` */
  username?: string
  /** Access token lifetime; Mastodon's never expire. @default null */
  accessTokenSeconds?: number | null
  now?: () => number
}

export type RegisteredApp = {
  id: string
  name: string
  website: string | null
  scopes: string[]
  redirectUris: string[]
  clientId: string
  clientSecret: string
}

const OOB = 'urn:ietf:wg:oauth:2.0:oob'
// Top-level scopes and their granular forms, as the OAuth scopes page lists them.
const SCOPE = /^(read|write|follow|push|profile|admin:(read|write))(:[a-z_]+)?$/
const INVALID_GRANT: OAuthReply = {
  status: 400,
  body: {
    error: 'invalid_grant',
    error_description:
      'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  },
}
const INVALID_CLIENT: OAuthReply = {
  status: 401,
  body: {
    error: 'invalid_client',
    error_description:
      'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  },
}
const INVALID_REQUEST: OAuthReply = {
  status: 400,
  body: {
    error: 'invalid_request',
    error_description:
      'The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.',
  },
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined

const isAbsolute = (uri: string): boolean => {
  try {
    return uri === OOB || new URL(uri).protocol.length > 1
  } catch {
    return false
  }
}

export const createMastodonOAuth = (options: MastodonOAuthOptions, defaultUsername: string) => {
  const authority: OAuthAuthority<string> = createOAuthAuthority<string>({
    user: options.username ?? defaultUsername,
    accessTokenSeconds: options.accessTokenSeconds ?? null,
    pkceMethods: ['S256'],
    ...(options.now ? { now: options.now } : {}),
    prefix: 'mastodon',
  })
  const apps: RegisteredApp[] = []
  let nextAppId = 1

  const registerApp = (fields: Record<string, unknown>): OAuthReply => {
    const name = text(fields.client_name)?.trim() ?? ''
    const given = fields.redirect_uris
    const uris = (Array.isArray(given) ? given.map(String) : (text(given) ?? '').split(/\s+/))
      .map((uri) => uri.trim())
      .filter((uri) => uri !== '')
    const problems = [
      ...(name === '' ? ["Application name can't be blank"] : []),
      ...(uris.length === 0 ? ["Redirect URI can't be blank"] : []),
      ...(uris.some((uri) => !isAbsolute(uri)) ? ['Redirect URI must be an absolute URI.'] : []),
    ]
    const scopes = (text(fields.scopes) ?? 'read').split(/\s+/).filter((s) => s !== '')
    if (scopes.some((scope) => !SCOPE.test(scope))) problems.push('Scopes must be valid')
    if (problems.length > 0)
      return { status: 422, body: { error: `Validation failed: ${problems.join(', ')}` } }
    const app: RegisteredApp = {
      id: String(nextAppId++),
      name,
      website: text(fields.website) ?? null,
      scopes,
      redirectUris: uris,
      clientId: `mastodon-client-${randomBytes(16).toString('base64url')}`,
      clientSecret: `mastodon-secret-${randomBytes(24).toString('base64url')}`,
    }
    apps.push(app)
    authority.clients[app.clientId] = { secret: app.clientSecret, redirectUris: uris, scopes }
    return {
      status: 200,
      body: {
        id: app.id,
        name: app.name,
        website: app.website,
        scopes: app.scopes,
        redirect_uri: app.redirectUris.join('\n'),
        redirect_uris: app.redirectUris,
        client_id: app.clientId,
        client_secret: app.clientSecret,
        client_secret_expires_at: 0,
        vapid_key:
          'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=',
      },
    }
  }

  const authorize = (url: URL): OAuthReply => {
    const query = new URLSearchParams(url.searchParams)
    // An app that asks for no scope gets the default one, `read`.
    if (!query.get('scope')) query.set('scope', 'read')
    const result = authority.authorize(query, { offline: false })
    if (result.outcome === 'refused')
      return result.reason === 'unknown-client'
        ? { ...INVALID_CLIENT, status: 400 }
        : errorPage(400, 'The redirect uri included is not valid.')
    if (result.outcome === 'error')
      return found(
        redirectLocation(result.redirectUri, {
          error: result.error,
          error_description: result.description,
          state: result.state,
        }),
      )
    if (result.redirectUri === OOB) return { status: 200, body: { code: result.code } }
    return found(redirectLocation(result.redirectUri, { code: result.code, state: result.state }))
  }

  /** Doorkeeper takes client credentials from the body or from HTTP Basic. */
  const clientOf = (
    fields: Record<string, unknown>,
    authorization: string | undefined,
  ): string | undefined => {
    const basic = basicCredentials(authorization)
    const clientId = basic?.clientId ?? text(fields.client_id) ?? ''
    const secret = basic?.secret ?? text(fields.client_secret) ?? ''
    return authority.authenticateClient(clientId, secret) === 'ok' ? clientId : undefined
  }

  const token = (
    fields: Record<string, unknown>,
    authorization: string | undefined,
  ): OAuthReply => {
    const clientId = clientOf(fields, authorization)
    if (!clientId) return INVALID_CLIENT
    if (fields.grant_type !== 'authorization_code')
      return {
        status: 400,
        body: {
          error: 'unsupported_grant_type',
          error_description:
            'The authorization grant type is not supported by the authorization server.',
        },
      }
    const grant = authority.exchangeCode({
      clientId,
      code: text(fields.code),
      redirectUri: text(fields.redirect_uri),
      codeVerifier: text(fields.code_verifier),
    })
    if (!grant.ok) return grant.reason === 'missing-parameter' ? INVALID_REQUEST : INVALID_GRANT
    return {
      status: 200,
      body: {
        access_token: grant.token.accessToken,
        token_type: 'Bearer',
        scope: grant.token.scope,
        created_at: Math.floor(grant.token.issuedAt / 1000),
      },
    }
  }

  const revoke = (
    fields: Record<string, unknown>,
    authorization: string | undefined,
  ): OAuthReply => {
    const clientId = clientOf(fields, authorization)
    const given = text(fields.token) ?? ''
    const issued = authority.issued.find((t) => t.accessToken === given)
    // RFC 7009: an unknown token is "revoked" already; another app's token is not ours to revoke.
    if (!clientId || (issued && issued.clientId !== clientId))
      return {
        status: 403,
        body: {
          error: 'unauthorized_client',
          error_description: 'You are not authorized to revoke this token',
        },
      }
    if (issued) authority.revokeAccessToken(given)
    return { status: 200, body: {} }
  }

  /** Answers app registration and the OAuth routes; undefined for any other request. */
  const handle = (
    method: string,
    url: URL,
    fields: Record<string, unknown>,
    authorization: string | undefined,
  ): OAuthReply | undefined => {
    const path = url.pathname
    if (method === 'POST' && path === '/api/v1/apps') return registerApp(fields)
    if (method === 'GET' && path === '/oauth/authorize') return authorize(url)
    if (method === 'POST' && path === '/oauth/token') return token(fields, authorization)
    if (method === 'POST' && path === '/oauth/revoke') return revoke(fields, authorization)
    return undefined
  }

  return { authority, apps, handle }
}
