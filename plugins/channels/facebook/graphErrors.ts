/**
 * Turns a Graph API error response into a ChannelFailure. Graph answers most errors, throttling
 * included, with HTTP 400 and puts the meaning in `error.code` / `error.error_subcode`, so the
 * HTTP status alone would call a rate limit permanent: classification goes by code first.
 *
 * Sources:
 * - https://developers.facebook.com/docs/graph-api/guides/error-handling (code table: 1 and 2
 *   "temporary issue due to downtime, wait and retry"; 4 and 17 "throttling, wait and retry";
 *   341 "application limit reached"; 190 "access token has expired"; 10 and 200-299
 *   "permission not granted"; 368 "temporarily blocked for policies violations"; 506 "duplicate
 *   post"; 1609005 "error posting link").
 * - https://developers.facebook.com/docs/graph-api/overview/rate-limiting (codes 32 and 613, the
 *   Business Use Case codes 80000-80014 such as 80001 for Pages and 80002 for Instagram, and the
 *   `X-App-Usage` / `X-Page-Usage` / `X-Business-Use-Case-Usage` headers whose values are
 *   percentages of the limit, throttled at 100, with `estimated_time_to_regain_access` in minutes).
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes
 *   (codes -1 and -2 "try again"; 4/2207051 "suspected spam"; 9/2207042 "daily publishing limit,
 *   try again the following day"; the `is_transient` flag shown in its sample response).
 */
import { httpFailure, retryAfterMs } from '../http'
import type { ChannelFailure } from '../../scheduler'

export type GraphErrorBody = {
  message?: string
  type?: string
  code?: number
  error_subcode?: number
  error_user_title?: string
  error_user_msg?: string
  fbtrace_id?: string
  is_transient?: boolean
}

/** How long to wait after throttling when Graph gives no time: its windows roll over an hour or more. */
export const RATE_LIMIT_WAIT_MS = 10 * 60_000
/** Instagram's publishing quota is a moving 24 hours; an hour is a fair time for a slot to free up. */
export const PUBLISHING_QUOTA_WAIT_MS = 60 * 60_000

const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 613])
const isBusinessUseCaseLimit = (code: number): boolean => code >= 80000 && code <= 80099
/**
 * Retrying repeats these: bad or expired token (190, and 102/104 for a missing session or token),
 * missing capability or permission (3, 10, 200-299), invalid parameter (100), duplicate post (506),
 * link that cannot be scraped (1609005). 368 is a policy block: the guide says "wait and retry",
 * but a block for violations lasts long enough that a person has to look at it first.
 */
const PERMANENT_CODES = new Set([3, 10, 100, 102, 104, 190, 368, 506, 1609005])
const isPermissionCode = (code: number): boolean => code >= 200 && code <= 299
/** Graph's "unknown" and "service" errors, and Instagram's negative server-side codes. */
const TEMPORARY_CODES = new Set([1, 2, -1, -2])
/** Instagram: publishing suspected as spam (code 4, which otherwise means throttling). */
const SPAM_SUBCODE = 2207051
/** Instagram: the account reached its content publishing limit. */
const QUOTA_SUBCODE = 2207042
/** Instagram: "the media is not ready for publishing, please wait for a moment". */
const NOT_READY_SUBCODE = 2207027

const errorOf = (body: unknown): GraphErrorBody | undefined => {
  if (typeof body !== 'object' || body === null) return undefined
  const error = (body as { error?: unknown }).error
  return typeof error === 'object' && error !== null ? (error as GraphErrorBody) : undefined
}

const parseJsonHeader = (value: string | null): unknown => {
  if (!value) return undefined
  try {
    return JSON.parse(value)
  } catch {
    return undefined
  }
}

type Usage = { percent: number; regainMinutes?: number }

const usageOf = (entry: unknown): Usage | undefined => {
  if (typeof entry !== 'object' || entry === null) return undefined
  const record = entry as Record<string, unknown>
  const numbers = ['call_count', 'total_cputime', 'total_time']
    .map((key) => record[key])
    .filter((value): value is number => typeof value === 'number')
  const regain = record.estimated_time_to_regain_access
  return {
    percent: Math.max(0, ...numbers),
    ...(typeof regain === 'number' && regain > 0 ? { regainMinutes: regain } : {}),
  }
}

/**
 * The highest usage any Graph usage header reports. `X-App-Usage` and `X-Page-Usage` hold one
 * object; `X-Business-Use-Case-Usage` maps each business object id to a list of objects.
 */
export const graphUsage = (headers: Headers): Usage | undefined => {
  const entries: unknown[] = []
  for (const name of ['x-app-usage', 'x-page-usage', 'x-ad-account-usage'])
    entries.push(parseJsonHeader(headers.get(name)))
  const buc = parseJsonHeader(headers.get('x-business-use-case-usage'))
  if (typeof buc === 'object' && buc !== null)
    for (const list of Object.values(buc)) if (Array.isArray(list)) entries.push(...list)
  const usages = entries.map(usageOf).filter((usage): usage is Usage => usage !== undefined)
  if (!usages.length) return undefined
  const regain = usages.map((usage) => usage.regainMinutes ?? 0)
  return {
    percent: Math.max(...usages.map((usage) => usage.percent)),
    ...(Math.max(...regain) > 0 ? { regainMinutes: Math.max(...regain) } : {}),
  }
}

type Verdict = 'throttled' | 'quota' | 'permanent' | 'temporary' | 'by-status'

const verdictFor = (error: GraphErrorBody | undefined, usage: Usage | undefined): Verdict => {
  const code = error?.code
  const subcode = error?.error_subcode
  if (subcode === SPAM_SUBCODE) return 'permanent'
  if (subcode === QUOTA_SUBCODE) return 'quota'
  if (typeof code === 'number' && (RATE_LIMIT_CODES.has(code) || isBusinessUseCaseLimit(code)))
    return 'throttled'
  if (typeof code === 'number' && (PERMANENT_CODES.has(code) || isPermissionCode(code)))
    return 'permanent'
  // Usage at 100% means every call fails until the window rolls over, whatever the code says.
  if (usage && usage.percent >= 100) return 'throttled'
  if (error?.is_transient === true || subcode === NOT_READY_SUBCODE) return 'temporary'
  if (typeof code === 'number' && TEMPORARY_CODES.has(code)) return 'temporary'
  return 'by-status'
}

/** The network's message, with the code, subcode and trace id support asks for. */
const describe = (status: number, error: GraphErrorBody | undefined, body: unknown): string => {
  if (!error)
    return typeof body === 'string' && body.trim()
      ? `HTTP ${status}: ${body.trim().slice(0, 300)}`
      : `HTTP ${status}`
  const parts = [error.message || `HTTP ${status}`]
  if (error.error_user_msg && error.error_user_msg !== error.message)
    parts.push(`— ${error.error_user_msg}`)
  const ids = [
    typeof error.code === 'number' ? `code ${error.code}` : undefined,
    typeof error.error_subcode === 'number' ? `subcode ${error.error_subcode}` : undefined,
    error.fbtrace_id ? `fbtrace_id ${error.fbtrace_id}` : undefined,
  ].filter(Boolean)
  if (ids.length) parts.push(`(${ids.join(', ')})`)
  return parts.join(' ')
}

const waitFor = (
  verdict: Verdict,
  headerWait: number | undefined,
  usage: Usage | undefined,
): number | undefined => {
  if (headerWait !== undefined) return headerWait
  if (usage?.regainMinutes) return usage.regainMinutes * 60_000
  if (verdict === 'quota') return PUBLISHING_QUOTA_WAIT_MS
  return verdict === 'throttled' ? RATE_LIMIT_WAIT_MS : undefined
}

/** A failure that still carries Graph's code and subcode, for callers that branch on them. */
export type GraphFailure = ChannelFailure & { graphCode?: number; graphSubcode?: number }

/** Graph's "object does not exist, cannot be loaded due to missing permissions, or does not support this operation". */
export const isUnknownObject = (failure: GraphFailure): boolean =>
  failure.graphCode === 100 && failure.graphSubcode === 33

/** The failure as the dispatcher sees it, without the Graph-specific fields. */
export const channelFailure = (failure: GraphFailure): ChannelFailure => {
  const { graphCode: _code, graphSubcode: _subcode, ...rest } = failure
  return rest
}

/** Classifies a non-2xx Graph response; Retry-After wins over any computed wait. */
export const classifyGraphError = (
  status: number,
  body: unknown,
  headers: Headers,
  now: number = Date.now(),
): GraphFailure => {
  const error = errorOf(body)
  const usage = graphUsage(headers)
  const verdict = verdictFor(error, usage)
  // Without a code we know, the HTTP status decides, as for any other network.
  const byStatus = httpFailure(status, describe(status, error, body))
  const retryable = verdict === 'by-status' ? byStatus.retryable : verdict !== 'permanent'
  const wait = retryable
    ? waitFor(verdict, retryAfterMs(headers.get('retry-after'), now), usage)
    : undefined
  return {
    ...byStatus,
    retryable,
    ...(wait !== undefined ? { retryAfterMs: wait } : {}),
    ...(typeof error?.code === 'number' ? { graphCode: error.code } : {}),
    ...(typeof error?.error_subcode === 'number' ? { graphSubcode: error.error_subcode } : {}),
  }
}
