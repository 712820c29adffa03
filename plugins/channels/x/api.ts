import { httpFailure, isRetryableStatus, readJson, resetAtMs, retryAfterMs } from '../http'
import type { ChannelAccount, ChannelFailure } from '../../scheduler'

/** One step of a multi-request flow: its value, or the failure that ends the flow. */
export type Step<T> = { ok: true; value: T } | ChannelFailure

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/** `baseUrl` may carry a path (a proxy, a test server), so paths are appended rather than resolved. */
export const xUrl = (account: ChannelAccount, path: string): string =>
  `${account.baseUrl.replace(/\/+$/, '')}${path}`

/**
 * X API v2 user-context calls take the OAuth 2.0 (PKCE) user access token as a Bearer token
 * (docs.x.com, "Manage Posts": `Authorization: Bearer $USER_ACCESS_TOKEN`). Without a token the
 * header is left out and X answers its documented 401, which is classified like any other.
 */
export const authHeader = (account: ChannelAccount): Record<string, string> =>
  account.accessToken ? { Authorization: `Bearer ${account.accessToken}` } : {}

/** POST /2/tweets refuses bodies without `Content-Type: application/json` (400 invalid-request). */
export const jsonHeaders = (account: ChannelAccount): Record<string, string> => ({
  ...authHeader(account),
  'Content-Type': 'application/json',
})

/** Where a post can be seen without knowing the account's handle. */
export const xStatusUrl = (id: string): string => `https://x.com/i/web/status/${id}`

/**
 * X's errors are RFC 7807 problem details (`{ title, detail, type, status }`), validation errors add
 * an `errors: [{ message, parameters }]` array, and the OpenAPI "default" error is `{ code, message }`.
 * All of them are kept, e.g. "Forbidden: You are not allowed to create a Tweet with duplicate content."
 */
export const xErrorMessage = (body: unknown): string => {
  if (typeof body === 'string') return body.trim().slice(0, 500)
  if (!isRecord(body)) return ''
  const { title, detail, message } = body
  const head =
    isText(title) && isText(detail) && title !== detail
      ? `${title}: ${detail}`
      : ([detail, title, message].find(isText) ?? '')
  const nested = Array.isArray(body.errors)
    ? body.errors
        .map((error) => (isRecord(error) ? [error.message, error.detail].find(isText) : undefined))
        .filter(isText)
    : []
  return [head, ...new Set(nested)].filter((part) => part !== '').join(' — ')
}

// The 15-minute window, and the 24-hour user and app caps that POST /2/tweets also reports.
const LIMIT_FAMILIES = ['x-rate-limit', 'x-user-limit-24hour', 'x-app-limit-24hour']

/**
 * How long to wait after a retryable X response. On 429 X documents `x-rate-limit-reset` (epoch
 * seconds); when a 24-hour cap is the one exhausted its own `-reset` header is the later, binding
 * one, so the latest reset among exhausted limits wins. Otherwise a `Retry-After`, if any.
 */
export const xRetryAfter = (response: Response, now: number = Date.now()): number | undefined => {
  const header = (name: string) => response.headers.get(name)
  const retryAfter = retryAfterMs(header('retry-after'), now)
  if (response.status !== 429) return retryAfter
  const exhausted = LIMIT_FAMILIES.filter((family) => header(`${family}-remaining`)?.trim() === '0')
    .map((family) => resetAtMs(header(`${family}-reset`), now))
    .filter((ms): ms is number => ms !== undefined)
  if (exhausted.length > 0) return Math.max(...exhausted)
  return resetAtMs(header('x-rate-limit-reset'), now) ?? retryAfter
}

/** Classifies a non-2xx X response: retryable by status, X's own words kept, its reset honoured. */
export const xFailure = async (response: Response): Promise<ChannelFailure> => {
  const message = xErrorMessage(await readJson(response))
  return httpFailure(
    response.status,
    message,
    isRetryableStatus(response.status) ? xRetryAfter(response) : undefined,
  )
}

/** A failure decided here, before or without an HTTP answer that says so (status 0). */
export const localFailure = (message: string, retryable = false): ChannelFailure => ({
  ok: false,
  retryable,
  status: 0,
  message,
})

/**
 * Error texts can echo request headers (undici rejects a token holding a newline by quoting the
 * header value), so every message leaving the adapter is scrubbed of the token.
 */
// Token redaction is shared by every adapter.
export { redact } from '../http'

/** `data.id` of a successful X answer (media upload, create post), if it is there. */
export const dataId = (body: unknown): string | undefined =>
  isRecord(body) && isRecord(body.data) && typeof body.data.id === 'string' && body.data.id !== ''
    ? body.data.id
    : undefined
