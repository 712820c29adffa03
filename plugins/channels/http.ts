import {
  type ChannelFailure,
  type ChannelResult,
  ReconcileFailed,
} from '../scheduler/exports/channels'

// 408 Request Timeout, 409 Conflict (often "try again"), 425 Too Early, 429 Too Many Requests.
const RETRYABLE_4XX = new Set([408, 409, 425, 429])

/** Whether a failed HTTP status is worth retrying: 5xx and the few 4xx that mean "not now". */
export const isRetryableStatus = (status: number): boolean =>
  status === 0 || status >= 500 || RETRYABLE_4XX.has(status)

/**
 * Milliseconds to wait from a `Retry-After` header: delta-seconds or an HTTP-date (RFC 9110
 * §10.2.3). Undefined when absent or unreadable; never negative.
 */
export const retryAfterMs = (
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined => {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** Milliseconds until an epoch-seconds reset header (X's `x-rate-limit-reset`, Mastodon's is a date). */
export const resetAtMs = (
  epochSeconds: string | null | undefined,
  now: number = Date.now(),
): number | undefined => {
  if (!epochSeconds || !/^\d+$/.test(epochSeconds.trim())) return undefined
  return Math.max(0, Number(epochSeconds) * 1000 - now)
}

/** A failure from an HTTP response: retryable by status, the network's message kept. */
export const httpFailure = (
  status: number,
  message: string,
  retryAfter?: number,
): ChannelFailure => ({
  ok: false,
  retryable: isRetryableStatus(status),
  status,
  message: message || `HTTP ${status}`,
  ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
})

/** A failure with no HTTP response (DNS, refused connection, timeout, abort): always retryable. */
export const networkFailure = (error: unknown): ChannelFailure => ({
  ok: false,
  retryable: true,
  status: 0,
  message:
    error instanceof Error
      ? error.name === 'TimeoutError' || error.name === 'AbortError'
        ? 'the request timed out'
        : error.message
      : String(error),
})

/** Reads a JSON body without throwing on an empty or non-JSON one. */
export const readJson = async (response: Response): Promise<unknown> => {
  const text = await response.text()
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** Removes a token from text a network or fetch echoed back, so it never reaches a log or result. */
export const redactText = (text: string, token: string | undefined): string =>
  token ? text.split(token).join('[redacted]') : text

/** A result whose failure message carries no token. */
export const redact = <T extends ChannelResult>(result: T, token: string | undefined): T =>
  result.ok ? result : { ...result, message: redactText(result.message, token) }

/**
 * What a reconcile throws when the network could not be asked: the failure (status, Retry-After)
 * as the dispatcher needs it to retry, token-free. `error` may already be one (passed through), or
 * anything thrown on the way (a dropped connection), which becomes `toFailure(error)`.
 */
export const reconcileFailed = (
  error: unknown,
  token: string | undefined,
  toFailure: (error: unknown) => ChannelFailure = networkFailure,
): ReconcileFailed =>
  new ReconcileFailed(
    redact(error instanceof ReconcileFailed ? error.failure : toFailure(error), token),
  )
