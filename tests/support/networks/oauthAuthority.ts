/**
 * The OAuth 2.0 authorization server every network fake shares (RFC 6749 authorization code
 * grant, RFC 7636 PKCE, RFC 7009 revocation). It keeps the state and the rules; each network's
 * module (xOAuth.ts, linkedinOAuth.ts, youtubeOAuth.ts, mastodonOAuth.ts) turns its outcomes into
 * that network's documented URLs, bodies and error texts, which differ far more than the rules do.
 *
 * Glossary:
 * - user: whoever is signed in at the consent screen. Codes, and the tokens they become, act as
 *   them: the fake's API routes treat an issued access token like a static token naming that user.
 *   The type is the fake's own identity (an X user id, a LinkedIn member, a YouTube channel id…).
 * - consent: what that person clicks: 'allow' issues a code, 'deny' sends the network's refusal.
 * - offline: whether the code may become a refresh token (X: scope offline.access; Google:
 *   access_type=offline; LinkedIn: always; Mastodon: never). The network decides, per request.
 */
import { createHash, randomBytes } from 'node:crypto'

export type OAuthClient = {
  /** The client secret; '' for a public client (which then must use PKCE where it is required). */
  secret: string
  /** Exact redirect URIs the client registered; authorize and token requests must use one of them. */
  redirectUris: string[]
  /** Scopes the client may ask for (Mastodon registers them per app); any when unset. */
  scopes?: string[]
}

export type PkceMethod = 'S256' | 'plain'

export type OAuthAuthorityOptions<User> = {
  /** Registered clients by client_id. */
  clients?: Record<string, OAuthClient>
  /** Who is signed in at the consent screen. */
  user: User
  /** The clock codes and tokens expire by (ms since the epoch). @default Date.now */
  now?: () => number
  /** Access token lifetime; null for tokens that never expire (Mastodon). */
  accessTokenSeconds: number | null
  /** Refresh token lifetime, counted from the first grant and not renewed by refreshing (LinkedIn). @default null (no expiry) */
  refreshTokenSeconds?: number | null
  /** A refresh issues a new refresh token and retires the one used (X). @default false */
  rotateRefreshTokens?: boolean
  /** Authorization requests without a code_challenge are refused (X). @default false */
  requirePkce?: boolean
  /** Challenge methods accepted. @default ['S256', 'plain'] */
  pkceMethods?: PkceMethod[]
  /** Authorization code lifetime. @default 600 */
  codeSeconds?: number
  /** Prefix of the tokens and codes issued, so a failing assert says which fake issued one. */
  prefix?: string
}

export type IssuedCode<User> = {
  code: string
  clientId: string
  redirectUri: string
  scope: string
  state: string | null
  user: User
  codeChallenge: string | null
  codeChallengeMethod: PkceMethod | null
  offline: boolean
  /** ms since the epoch. */
  expiresAt: number
  used: boolean
}

export type IssuedToken<User> = {
  accessToken: string
  /** The refresh token handed out with this access token (the same one again when not rotating). */
  refreshToken?: string
  clientId: string
  scope: string
  user: User
  grantType: 'authorization_code' | 'refresh_token'
  /** ms since the epoch. */
  issuedAt: number
  /** ms since the epoch; absent when the token does not expire. */
  expiresAt?: number
  /** ms since the epoch, when the refresh token stops working; absent when it does not expire. */
  refreshTokenExpiresAt?: number
}

export type AuthorizeResult =
  /** The request cannot be trusted to redirect anywhere: the network shows an error page. */
  | { outcome: 'refused'; reason: 'unknown-client' | 'redirect-uri-mismatch' }
  /** Back to the client with an error (RFC 6749 §4.1.2.1); the network words it. */
  | {
      outcome: 'error'
      redirectUri: string
      state: string | null
      error: 'access_denied' | 'invalid_request' | 'unsupported_response_type' | 'invalid_scope'
      description: string
    }
  | { outcome: 'code'; redirectUri: string; state: string | null; code: string; scope: string }

export type GrantFailure =
  | 'missing-parameter'
  | 'unknown-code'
  | 'used-code'
  | 'expired-code'
  | 'client-mismatch'
  | 'redirect-uri-mismatch'
  | 'pkce-missing'
  | 'pkce-mismatch'
  | 'unknown-refresh-token'
  /** Retired by rotation: it was used once already. */
  | 'used-refresh-token'
  | 'revoked-refresh-token'
  | 'expired-refresh-token'

export type GrantResult<User> =
  { ok: true; token: IssuedToken<User> } | { ok: false; reason: GrantFailure }

export type AccessCheck<User> =
  | { state: 'active'; user: User; token: IssuedToken<User> }
  | { state: 'expired' | 'revoked'; token: IssuedToken<User> }
  | { state: 'unknown' }

export type ClientCheck = 'ok' | 'unknown-client' | 'bad-secret'

export type OAuthAuthority<User> = {
  /** Registered clients; a test (or Mastodon's POST /api/v1/apps) may add more at any time. */
  clients: Record<string, OAuthClient>
  /** Who is signed in at the consent screen; change it to authorize as someone else. */
  user: User
  /** What the consent screen answers. @default 'allow' */
  consent: 'allow' | 'deny'
  /** Every code issued, oldest first. */
  codes: IssuedCode<User>[]
  /** Every access token issued (with its refresh token), oldest first. */
  issued: IssuedToken<User>[]
  /** The consent screen: validates the request and answers with a code or an error. */
  authorize(query: URLSearchParams, grant: { offline: boolean }): AuthorizeResult
  /** Checks a client's credentials (a public client's secret is ''). */
  authenticateClient(clientId: string, secret: string): ClientCheck
  /** grant_type=authorization_code, after the client authenticated. */
  exchangeCode(request: {
    clientId: string
    code: string | undefined
    redirectUri: string | undefined
    codeVerifier: string | undefined
  }): GrantResult<User>
  /** grant_type=refresh_token, after the client authenticated. */
  refresh(request: { clientId: string; refreshToken: string | undefined }): GrantResult<User>
  /** What an API route makes of a bearer token: acting user, or why not. */
  check(accessToken: string): AccessCheck<User>
  /** Seconds until `at` (ms) by the authority's clock, rounded down. */
  secondsUntil(at: number): number
  /** Test hook: every access token issued so far is expired from now on. */
  expireAccessTokens(): void
  /** Test hook (and RFC 7009): the refresh token stops working. */
  revokeRefreshToken(refreshToken: string): void
  /** RFC 7009: the access token stops working. */
  revokeAccessToken(accessToken: string): void
  /** Test hook: the user removed the app: every code, access and refresh token stops working. */
  revokeAll(): void
}

/** RFC 7636 §4.2: BASE64URL(SHA256(verifier)), or the verifier itself for plain. */
export const pkceChallenge = (verifier: string, method: PkceMethod = 'S256'): string =>
  method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url')

/** Form fields of a token request: urlencoded (what RFC 6749 prescribes) or JSON (Mastodon, Google take it). */
export const formFields = (
  body: Buffer,
  contentType: string | undefined,
): Record<string, string> => {
  const text = body.toString('utf8')
  if ((contentType ?? '').startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (typeof parsed !== 'object' || parsed === null) return {}
      return Object.fromEntries(
        Object.entries(parsed).flatMap(([name, value]) =>
          typeof value === 'string' || typeof value === 'number' ? [[name, String(value)]] : [],
        ),
      )
    } catch {
      return {}
    }
  }
  return Object.fromEntries(new URLSearchParams(text))
}

/** `Authorization: Basic` client credentials; RFC 6749 §2.3.1 form-encodes each part first. */
export const basicCredentials = (
  header: string | undefined,
): { clientId: string; secret: string } | undefined => {
  const encoded = /^Basic\s+(\S+)$/i.exec(header ?? '')?.[1]
  if (!encoded) return undefined
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon === -1) return undefined
  const part = (value: string) => {
    try {
      return decodeURIComponent(value.replace(/\+/g, ' '))
    } catch {
      return value
    }
  }
  return { clientId: part(decoded.slice(0, colon)), secret: part(decoded.slice(colon + 1)) }
}

/** The redirect back to the client: `params` appended to whatever query the URI already has. */
export const redirectLocation = (
  redirectUri: string,
  params: Record<string, string | null | undefined>,
): string => {
  const target = new URL(redirectUri)
  for (const [name, value] of Object.entries(params))
    if (value !== null && value !== undefined) target.searchParams.set(name, value)
  return target.toString()
}

type RefreshRecord<User> = {
  clientId: string
  scope: string
  user: User
  expiresAt?: number
  state: 'active' | 'used' | 'revoked'
}

type AccessRecord<User> = { token: IssuedToken<User>; state: 'active' | 'expired' | 'revoked' }

const scopesOf = (scope: string): string[] => scope.split(/[\s,]+/).filter((s) => s !== '')

export const createOAuthAuthority = <User>(
  options: OAuthAuthorityOptions<User>,
): OAuthAuthority<User> => {
  const now = options.now ?? Date.now
  const prefix = options.prefix ?? 'oauth'
  const codeSeconds = options.codeSeconds ?? 600
  const pkceMethods = options.pkceMethods ?? ['S256', 'plain']
  const codes = new Map<string, IssuedCode<User>>()
  const access = new Map<string, AccessRecord<User>>()
  const refreshes = new Map<string, RefreshRecord<User>>()
  const secret = (kind: string) => `${prefix}-${kind}-${randomBytes(18).toString('base64url')}`

  const issue = (
    from: { clientId: string; scope: string; user: User },
    grantType: IssuedToken<User>['grantType'],
    refresh: { token: string; expiresAt?: number } | undefined,
  ): IssuedToken<User> => {
    const issuedAt = now()
    const token: IssuedToken<User> = {
      accessToken: secret('at'),
      clientId: from.clientId,
      scope: from.scope,
      user: from.user,
      grantType,
      issuedAt,
      ...(options.accessTokenSeconds === null
        ? {}
        : { expiresAt: issuedAt + options.accessTokenSeconds * 1000 }),
      ...(refresh
        ? {
            refreshToken: refresh.token,
            ...(refresh.expiresAt === undefined
              ? {}
              : { refreshTokenExpiresAt: refresh.expiresAt }),
          }
        : {}),
    }
    access.set(token.accessToken, { token, state: 'active' })
    authority.issued.push(token)
    return token
  }

  const newRefreshToken = (
    from: { clientId: string; scope: string; user: User },
    expiresAt: number | undefined,
  ) => {
    const token = secret('rt')
    // Picked field by field: `from` may be a code, whose own expiresAt is not the refresh token's.
    refreshes.set(token, {
      clientId: from.clientId,
      scope: from.scope,
      user: from.user,
      state: 'active',
      ...(expiresAt === undefined ? {} : { expiresAt }),
    })
    return { token, ...(expiresAt === undefined ? {} : { expiresAt }) }
  }

  const authority: OAuthAuthority<User> = {
    clients: { ...options.clients },
    user: options.user,
    consent: 'allow',
    codes: [],
    issued: [],

    authorize(query, grant) {
      const clientId = query.get('client_id') ?? ''
      const client = authority.clients[clientId]
      if (!client) return { outcome: 'refused', reason: 'unknown-client' }
      const redirectUri = query.get('redirect_uri') ?? ''
      if (!client.redirectUris.includes(redirectUri))
        return { outcome: 'refused', reason: 'redirect-uri-mismatch' }
      const state = query.get('state')
      const error = (
        code: Extract<AuthorizeResult, { outcome: 'error' }>['error'],
        description: string,
      ): AuthorizeResult => ({ outcome: 'error', redirectUri, state, error: code, description })
      if (query.get('response_type') !== 'code')
        return error('unsupported_response_type', 'response_type must be code')
      const scope = query.get('scope') ?? ''
      if (client.scopes && !scopesOf(scope).every((s) => client.scopes?.includes(s)))
        return error('invalid_scope', 'The requested scope is invalid, unknown, or malformed.')
      const challenge = query.get('code_challenge')
      const method = (query.get('code_challenge_method') ??
        (challenge ? 'plain' : null)) as PkceMethod | null
      if (!challenge && options.requirePkce)
        return error('invalid_request', 'Missing required parameter [code_challenge].')
      if (challenge && !pkceMethods.includes(method as PkceMethod))
        return error('invalid_request', 'Unsupported code_challenge_method.')
      if (authority.consent === 'deny')
        return error('access_denied', 'The resource owner denied the request.')
      const issued: IssuedCode<User> = {
        code: secret('code'),
        clientId,
        redirectUri,
        scope,
        state,
        user: authority.user,
        codeChallenge: challenge,
        codeChallengeMethod: challenge ? method : null,
        offline: grant.offline,
        expiresAt: now() + codeSeconds * 1000,
        used: false,
      }
      codes.set(issued.code, issued)
      authority.codes.push(issued)
      return { outcome: 'code', redirectUri, state, code: issued.code, scope }
    },

    authenticateClient(clientId, given) {
      const client = authority.clients[clientId]
      if (!client) return 'unknown-client'
      return client.secret === given ? 'ok' : 'bad-secret'
    },

    exchangeCode({ clientId, code, redirectUri, codeVerifier }) {
      if (!code || redirectUri === undefined) return { ok: false, reason: 'missing-parameter' }
      const issued = codes.get(code)
      if (!issued) return { ok: false, reason: 'unknown-code' }
      if (issued.used) return { ok: false, reason: 'used-code' }
      if (now() >= issued.expiresAt) return { ok: false, reason: 'expired-code' }
      if (issued.clientId !== clientId) return { ok: false, reason: 'client-mismatch' }
      if (issued.redirectUri !== redirectUri) return { ok: false, reason: 'redirect-uri-mismatch' }
      if (issued.codeChallenge) {
        if (!codeVerifier) return { ok: false, reason: 'pkce-missing' }
        const method = issued.codeChallengeMethod ?? 'plain'
        if (pkceChallenge(codeVerifier, method) !== issued.codeChallenge)
          return { ok: false, reason: 'pkce-mismatch' }
      }
      // Spent by a successful exchange only (as Doorkeeper does): a refused attempt leaves the
      // code to the client that holds the right verifier; a second success is never possible.
      issued.used = true
      const refresh = issued.offline
        ? newRefreshToken(
            issued,
            options.refreshTokenSeconds == null
              ? undefined
              : now() + options.refreshTokenSeconds * 1000,
          )
        : undefined
      return { ok: true, token: issue(issued, 'authorization_code', refresh) }
    },

    refresh({ clientId, refreshToken }) {
      if (!refreshToken) return { ok: false, reason: 'missing-parameter' }
      const record = refreshes.get(refreshToken)
      if (!record) return { ok: false, reason: 'unknown-refresh-token' }
      if (record.state === 'revoked') return { ok: false, reason: 'revoked-refresh-token' }
      if (record.state === 'used') return { ok: false, reason: 'used-refresh-token' }
      if (record.expiresAt !== undefined && now() >= record.expiresAt)
        return { ok: false, reason: 'expired-refresh-token' }
      if (record.clientId !== clientId) return { ok: false, reason: 'client-mismatch' }
      let next = {
        token: refreshToken,
        ...(record.expiresAt === undefined ? {} : { expiresAt: record.expiresAt }),
      }
      if (options.rotateRefreshTokens) {
        record.state = 'used'
        // The new refresh token keeps the original deadline: rotation renews the token, not the grant.
        next = newRefreshToken(record, record.expiresAt)
      }
      return { ok: true, token: issue(record, 'refresh_token', next) }
    },

    check(accessToken) {
      const record = access.get(accessToken)
      if (!record) return { state: 'unknown' }
      if (
        record.state === 'active' &&
        record.token.expiresAt !== undefined &&
        now() >= record.token.expiresAt
      )
        record.state = 'expired'
      return record.state === 'active'
        ? { state: 'active', user: record.token.user, token: record.token }
        : { state: record.state, token: record.token }
    },

    secondsUntil: (at) => Math.max(0, Math.floor((at - now()) / 1000)),

    expireAccessTokens() {
      for (const record of access.values()) if (record.state === 'active') record.state = 'expired'
    },

    revokeRefreshToken(refreshToken) {
      const record = refreshes.get(refreshToken)
      if (record) record.state = 'revoked'
    },

    revokeAccessToken(accessToken) {
      const record = access.get(accessToken)
      if (record) record.state = 'revoked'
    },

    revokeAll() {
      for (const code of codes.values()) code.used = true
      for (const record of access.values()) record.state = 'revoked'
      for (const record of refreshes.values()) record.state = 'revoked'
    },
  }
  return authority
}

/** What a network's OAuth route answers; each fake sends it the way it sends its other replies. */
export type OAuthReply = { status: number; body?: unknown; headers?: Record<string, string> }

/** A request as the OAuth routes need it (headers lower-cased, as node gives them). */
export type OAuthRequest = {
  method: string
  url: URL
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** A single header value as a string. */
export const header = (request: OAuthRequest, name: string): string | undefined => {
  const value = request.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

/** The consent screen's answer when it cannot redirect: a page, as the networks show one. */
export const errorPage = (status: number, text: string): OAuthReply => ({
  status,
  body: { error: text },
})

/** A 302 to `location`. */
export const found = (location: string): OAuthReply => ({
  status: 302,
  headers: { location },
})
