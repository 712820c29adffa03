import { httpFailure, networkFailure, retryAfterMs } from '../http'
import type { ChannelFailure } from '../../scheduler'

const EXCERPT_CHARS = 500
// An error page is read only this far: enough for any excerpt, and a receiver streaming megabytes
// (or never ending its body) cannot hold the worker.
const READ_LIMIT_BYTES = 16 * 1024
// Standard Webhooks senders honour Retry-After on these two: rate limiting and planned unavailability.
const RETRY_AFTER_STATUSES = new Set([429, 503])

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined

const readCapped = async (response: Response): Promise<string> => {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  while (size < READ_LIMIT_BYTES) {
    const { done, value } = await reader.read()
    if (done) return Buffer.concat(chunks).toString('utf8')
    chunks.push(value)
    size += value.byteLength
  }
  await reader.cancel().catch(() => undefined)
  return Buffer.concat(chunks).toString('utf8', 0, READ_LIMIT_BYTES)
}

/**
 * What the receiver said, in at most 500 characters: a JSON error's own words (`error`,
 * `error.message`, `message`, `detail`, `title` — the shapes frameworks and RFC 9457 use), else the
 * body with any HTML tags dropped.
 */
export const receiverMessage = (body: string): string => {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    parsed = undefined
  }
  const fromJson = isRecord(parsed)
    ? [
        parsed.error,
        isRecord(parsed.error) ? parsed.error.message : undefined,
        parsed.message,
        parsed.detail,
        parsed.title,
      ]
        .map(text)
        .find(Boolean)
    : undefined
  const message =
    fromJson ??
    body
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  return message.length > EXCERPT_CHARS ? `${message.slice(0, EXCERPT_CHARS - 1)}…` : message
}

/**
 * A non-2xx answer. Redirects are not followed (a signed POST should not wander to another host,
 * and fetch would turn a 301/302 into a GET), so a 3xx is permanent until the URL is corrected.
 */
export const receiverFailure = async (response: Response): Promise<ChannelFailure> => {
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel().catch(() => undefined)
    const location = response.headers.get('location')
    return httpFailure(
      response.status,
      `the receiver redirected${location ? ` to ${location}` : ''}; redirects are not followed, so the account's URL needs updating`,
    )
  }
  const retryAfter = RETRY_AFTER_STATUSES.has(response.status)
    ? retryAfterMs(response.headers.get('retry-after'))
    : undefined
  return httpFailure(response.status, receiverMessage(await readCapped(response)), retryAfter)
}

/**
 * No answer. Our own timeout is named with its length, so an operator can tell a slow receiver
 * from a dead one; undici's bare "fetch failed" gets its cause (ECONNREFUSED, ENOTFOUND…).
 */
export const transportFailure = (
  error: unknown,
  timedOutAfterMs: number | undefined,
): ChannelFailure => {
  if (timedOutAfterMs !== undefined)
    return {
      ok: false,
      retryable: true,
      status: 0,
      message: `the webhook receiver did not answer within ${timedOutAfterMs} ms`,
    }
  const failure = networkFailure(error)
  const cause = error instanceof Error && isRecord(error.cause) ? error.cause : undefined
  const detail = cause ? [cause.code, cause.message].map(text).find(Boolean) : undefined
  return detail && !failure.message.includes(detail)
    ? {
        ...failure,
        message: `could not reach the webhook receiver: ${failure.message} (${detail})`,
      }
    : failure
}
