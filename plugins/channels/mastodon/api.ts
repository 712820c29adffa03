import { httpFailure, isRetryableStatus, networkFailure, readJson, retryAfterMs } from '../http'
import type { ChannelAccount, ChannelFailure } from '../../scheduler'

/** One step of a multi-request flow: its value, or the failure that ends the flow. */
export type Step<T> = { ok: true; value: T } | ChannelFailure

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/** `baseUrl` is the instance URL and may carry a path (a proxy, a test server), so paths are appended. */
export const mastodonUrl = (account: ChannelAccount, path: string): string =>
  `${account.baseUrl.replace(/\/+$/, '')}${path}`

/**
 * Every write method documents `Authorization: Bearer <user_token>` (docs.joinmastodon.org,
 * methods/statuses, methods/media). Without a token the header is left out and the instance answers
 * its documented 401 `{ error: "The access token is invalid" }`, classified like any other answer.
 */
export const authHeader = (account: ChannelAccount): Record<string, string> =>
  account.accessToken ? { Authorization: `Bearer ${account.accessToken}` } : {}

/**
 * Mastodon's API errors are `{ error: "…" }` (401, 404 "Record not found", 422 "Validation failed:
 * …"); OAuth failures add `error_description`. A proxy in front of an instance may answer with an
 * HTML page instead, of which a short, tag-free excerpt is kept.
 */
export const mastodonErrorMessage = (body: unknown): string => {
  if (typeof body === 'string')
    return body
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 300)
  if (!isRecord(body)) return ''
  const { error, error_description: description } = body
  if (isText(error) && isText(description) && description !== error)
    return `${error}: ${description}`
  return [error, description].find(isText) ?? ''
}

/**
 * How long to wait after a retryable answer. Mastodon's rate-limit headers (api/rate-limits) give
 * `X-RateLimit-Reset` as an ISO 8601 timestamp, which `retryAfterMs` reads as a date; on a 429 that
 * is the binding reset. Otherwise (a 503 from the instance or its proxy) a `Retry-After`, if any.
 */
export const mastodonRetryAfter = (
  response: Response,
  now: number = Date.now(),
): number | undefined => {
  const retryAfter = retryAfterMs(response.headers.get('retry-after'), now)
  if (response.status !== 429) return retryAfter
  return retryAfterMs(response.headers.get('x-ratelimit-reset'), now) ?? retryAfter
}

// A 422 that means "not yet" rather than "never": the documented refusal to attach media whose
// processing has not finished ("Try again in a moment!").
const NOT_PROCESSED = /not finished processing/i

/** Classifies a non-2xx Mastodon answer: retryable by status, the instance's own words kept. */
export const mastodonFailure = async (response: Response): Promise<ChannelFailure> => {
  const message = mastodonErrorMessage(await readJson(response))
  const retryable =
    isRetryableStatus(response.status) || (response.status === 422 && NOT_PROCESSED.test(message))
  const failure = httpFailure(
    response.status,
    message,
    retryable ? mastodonRetryAfter(response) : undefined,
  )
  return { ...failure, retryable }
}

/** A failure decided here, before or without an HTTP answer that says so (status 0). */
export const localFailure = (message: string, retryable = false): ChannelFailure => ({
  ok: false,
  retryable,
  status: 0,
  message,
})

/**
 * undici reports a refused or dropped connection as "fetch failed" and keeps the reason in `cause`;
 * the reason is what an operator needs, so it is added to the message.
 */
export const connectionFailure = (error: unknown): ChannelFailure => {
  const failure = networkFailure(error)
  const cause = error instanceof Error && isRecord(error.cause) ? error.cause : undefined
  const detail = cause ? [cause.code, cause.message].find(isText) : undefined
  return detail && !failure.message.includes(detail)
    ? { ...failure, message: `${failure.message} (${detail})` }
    : failure
}

/**
 * Error texts can echo request headers (undici quotes a header value it rejects), and a misbehaving
 * server could echo the token back, so every message leaving the adapter is scrubbed of it.
 */
// Token redaction is shared by every adapter.
export { redact } from '../http'

/** The `id` of a Mastodon entity (Status, MediaAttachment), when the answer has one. */
export const entityId = (body: unknown): string | undefined =>
  isRecord(body) && isText(body.id) ? body.id : undefined
