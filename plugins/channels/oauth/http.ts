/**
 * The OAuth 2.0 requests every network makes the same way (RFC 6749): a form POST to the token
 * endpoint, the error shape it answers with, an authorization URL with its query. Each network's
 * connector (plugins/channels/<network>/connect.ts) says only what differs.
 */
import { OAuthRefused, type OAuthClient, type TokenSet } from '../../scheduler/exports/channels'
import { readJson } from '../http'

const TIMEOUT_MS = 15_000

/** The authorization request's URL: the endpoint with its query, empty values left out. */
export const withQuery = (url: string, params: Record<string, string | undefined>): string => {
  const target = new URL(url)
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') target.searchParams.set(key, value)
  return target.toString()
}

type OAuthErrorBody = { error?: unknown; error_description?: unknown; message?: unknown }

/** "invalid_grant: Token has been expired or revoked." from a network's error body. */
export const oauthErrorText = (status: number, body: unknown): string => {
  const shaped = (body && typeof body === 'object' ? body : {}) as OAuthErrorBody
  const error = typeof shaped.error === 'string' ? shaped.error : undefined
  const description =
    typeof shaped.error_description === 'string'
      ? shaped.error_description
      : typeof shaped.message === 'string'
        ? shaped.message
        : undefined
  return [error, description].filter(Boolean).join(': ') || `HTTP ${status}`
}

/**
 * POSTs a token request (RFC 6749 §4.1.3, §6). A 400/401 is the network refusing the grant or
 * the client for good (RFC 6749 §5.2): OAuthRefused, and the person connects again. Anything
 * else (5xx, a timeout) throws a plain Error, and the keeper tries again later.
 */
export const tokenRequest = async (
  url: string,
  form: Record<string, string | undefined>,
  { basic, now }: { basic?: OAuthClient; now: Date },
): Promise<TokenSet> => {
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(form)) if (value !== undefined) body.set(key, value)
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  }
  // RFC 6749 §2.3.1: client_id and secret form-encoded, then Basic.
  if (basic)
    headers.Authorization = `Basic ${Buffer.from(
      `${encodeURIComponent(basic.clientId)}:${encodeURIComponent(basic.clientSecret ?? '')}`,
    ).toString('base64')}`
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  const json = await readJson(response)
  if (response.status === 400 || response.status === 401)
    throw new OAuthRefused(oauthErrorText(response.status, json))
  if (!response.ok)
    throw new Error(`the token endpoint answered ${oauthErrorText(response.status, json)}`)
  const shaped = (json ?? {}) as Record<string, unknown>
  if (typeof shaped.access_token !== 'string' || !shaped.access_token)
    throw new Error('the token endpoint answered without an access token')
  const expiresIn = Number(shaped.expires_in)
  return {
    accessToken: shaped.access_token,
    ...(typeof shaped.refresh_token === 'string' && shaped.refresh_token
      ? { refreshToken: shaped.refresh_token }
      : {}),
    ...(Number.isFinite(expiresIn) && expiresIn > 0
      ? { expiresAt: new Date(now.getTime() + expiresIn * 1000) }
      : {}),
    ...(typeof shaped.scope === 'string' ? { scope: shaped.scope } : {}),
  }
}

/**
 * GETs an identity endpoint with the access token. A 401 means the token no longer works
 * (OAuthRefused: refresh, or connect again); other failures throw a plain Error (try later).
 */
export const getWithToken = async (
  url: string,
  accessToken: string,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> => {
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json', ...headers },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  const json = await readJson(response)
  if (response.status === 401)
    throw new OAuthRefused(`the network no longer accepts this account's token (HTTP 401)`)
  if (!response.ok) throw new Error(`${new URL(url).pathname} answered HTTP ${response.status}`)
  return (json && typeof json === 'object' ? json : {}) as Record<string, unknown>
}

/**
 * The authorization request (RFC 6749 §4.1.1): the code flow's query, PKCE's S256 challenge when
 * there is one (RFC 7636 §4.3), and whatever else a network asks for (Google's `access_type`).
 */
export const codeRequestUrl = (
  authorizeUrl: string,
  args: {
    clientId: string
    redirectUri: string
    scopes: string[]
    state: string
    codeChallenge?: string
    extra?: Record<string, string>
  },
): string =>
  withQuery(authorizeUrl, {
    response_type: 'code',
    client_id: args.clientId,
    redirect_uri: args.redirectUri,
    scope: args.scopes.join(' '),
    state: args.state,
    ...(args.codeChallenge
      ? { code_challenge: args.codeChallenge, code_challenge_method: 'S256' }
      : {}),
    ...args.extra,
  })

/**
 * How a network wants the client to authenticate at its token endpoint: HTTP Basic (X), or the
 * id and secret in the form (Google, LinkedIn, Mastodon) — RFC 6749 §2.3.1 allows both.
 */
export type ClientAuth = 'basic' | 'form'

const clientFields = (client: OAuthClient, auth: ClientAuth) => ({
  client_id: client.clientId,
  ...(auth === 'form' ? { client_secret: client.clientSecret } : {}),
})

/** grant_type=authorization_code (RFC 6749 §4.1.3), with the PKCE verifier when there is one. */
export const exchangeCode = (
  tokenUrl: string,
  auth: ClientAuth,
  args: {
    client: OAuthClient
    code: string
    redirectUri: string
    codeVerifier?: string
    now: Date
  },
): Promise<TokenSet> =>
  tokenRequest(
    tokenUrl,
    {
      grant_type: 'authorization_code',
      code: args.code,
      redirect_uri: args.redirectUri,
      code_verifier: args.codeVerifier,
      ...clientFields(args.client, auth),
    },
    { basic: auth === 'basic' ? args.client : undefined, now: args.now },
  )

/** grant_type=refresh_token (RFC 6749 §6). */
export const refreshGrant = (
  tokenUrl: string,
  auth: ClientAuth,
  args: { client: OAuthClient; refreshToken: string; now: Date },
): Promise<TokenSet> =>
  tokenRequest(
    tokenUrl,
    {
      grant_type: 'refresh_token',
      refresh_token: args.refreshToken,
      ...clientFields(args.client, auth),
    },
    { basic: auth === 'basic' ? args.client : undefined, now: args.now },
  )
