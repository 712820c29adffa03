import { TZDate } from '@date-fns/tz'

import { httpFailure, isRetryableStatus, networkFailure, readJson, retryAfterMs } from '../http'
import type { ChannelAccount, ChannelFailure } from '../../scheduler'

/** One step of a multi-request flow: its value, or the failure that ends the flow. */
export type Step<T> = { ok: true; value: T } | ChannelFailure

/** What every request of one publish shares. `now` is injectable so quota resets can be tested. */
export type YoutubeContext = { account: ChannelAccount; signal?: AbortSignal; now: () => number }

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== ''

/** `baseUrl` is https://www.googleapis.com (or a test server, maybe with a path), so paths are appended. */
export const youtubeUrl = (account: ChannelAccount, path: string): string =>
  `${account.baseUrl.replace(/\/+$/, '')}${path}`

/** Every call is OAuth 2.0: `Authorization: Bearer <token>` (videos.insert, captions.insert, videos.delete). */
export const authHeader = (account: ChannelAccount): Record<string, string> =>
  account.accessToken ? { Authorization: `Bearer ${account.accessToken}` } : {}

/** Whether `url` is served by the account's API host: only there does the token go. */
export const sameOrigin = (url: string, account: ChannelAccount): boolean => {
  try {
    return new URL(url).origin === new URL(account.baseUrl).origin
  } catch {
    return false
  }
}

/** Where a video can be watched. */
export const watchUrl = (videoId: string): string =>
  `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}`

export type GoogleError = { reason?: string; message: string }

/**
 * Google API errors are `{ error: { code, message, errors: [{ domain, reason, message }] } }`
 * (YouTube Data API, "Errors"). The reason decides the classification; the message is kept, with
 * HTML stripped (the quotaExceeded message links to the quota page) and the reason appended.
 */
export const googleError = (body: unknown): GoogleError => {
  if (typeof body === 'string')
    return {
      message: body
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 300),
    }
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined
  if (!error) return { message: '' }
  const first =
    Array.isArray(error.errors) && isRecord(error.errors[0]) ? error.errors[0] : undefined
  const reason = isText(first?.reason) ? first.reason : undefined
  const raw = [error.message, first?.message].find(isText) ?? ''
  const message = raw
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return {
    ...(reason ? { reason } : {}),
    message: reason && !message.includes(reason) ? `${message} [${reason}]`.trim() : message,
  }
}

/** Milliseconds until the next midnight in America/Los_Angeles: "Daily quotas reset at midnight Pacific Time (PT)". */
export const untilPacificMidnight = (now: number): number => {
  const here = new TZDate(now, 'America/Los_Angeles')
  const midnight = new TZDate(
    here.getFullYear(),
    here.getMonth(),
    here.getDate() + 1,
    'America/Los_Angeles',
  )
  return midnight.getTime() - now
}

const DAY_MS = 24 * 60 * 60 * 1000
// Project quota: 403 quotaExceeded (youtube.quota) and the older usageLimits dailyLimitExceeded.
const DAILY_QUOTA = new Set(['quotaExceeded', 'dailyLimitExceeded'])
// Short-term limits (core errors): worth retrying soon, whatever the status (403 or 429).
const RATE_LIMITS = new Set(['rateLimitExceeded', 'userRateLimitExceeded'])

/**
 * Classifies a failed answer. By status (5xx and 429 retryable, other 4xx permanent), except:
 * - quotaExceeded / dailyLimitExceeded (403): retryable once the quota resets at midnight PT;
 * - rateLimitExceeded / userRateLimitExceeded (403): retryable, after any Retry-After;
 * - uploadLimitExceeded (400): the channel's daily upload cap; YouTube's advice is "try again in
 *   24 hours", so retryable after a day rather than permanent.
 */
export const classify = (
  status: number,
  headers: Headers,
  error: GoogleError,
  now: number,
): ChannelFailure => {
  const wait = retryAfterMs(headers.get('retry-after'), now)
  const retryable = (retryAfter?: number): ChannelFailure => ({
    ...httpFailure(status, error.message, retryAfter),
    retryable: true,
  })
  if (error.reason && DAILY_QUOTA.has(error.reason)) return retryable(untilPacificMidnight(now))
  if (error.reason === 'uploadLimitExceeded') return retryable(wait ?? DAY_MS)
  if (error.reason && RATE_LIMITS.has(error.reason)) return retryable(wait)
  return httpFailure(status, error.message, isRetryableStatus(status) ? wait : undefined)
}

/** Reads and classifies a non-2xx answer. */
export const youtubeFailure = async (response: Response, now: number): Promise<ChannelFailure> =>
  classify(response.status, response.headers, googleError(await readJson(response)), now)

/** A failure decided here, before or without an HTTP answer that says so (status 0). */
export const localFailure = (message: string, retryable = false): ChannelFailure => ({
  ok: false,
  retryable,
  status: 0,
  message,
})

/** A failure with no answer; undici's "fetch failed" gets its cause (ECONNRESET, …) appended. */
export const connectionFailure = (error: unknown): ChannelFailure => {
  const failure = networkFailure(error)
  const cause = error instanceof Error && isRecord(error.cause) ? error.cause : undefined
  const detail = cause ? [cause.code, cause.message].find(isText) : undefined
  return detail && !failure.message.includes(detail)
    ? { ...failure, message: `${failure.message} (${detail})` }
    : failure
}

/** Every message leaving the adapter is scrubbed of the token, whatever echoed it. */
// Token redaction is shared by every adapter.
export { redact } from '../http'
