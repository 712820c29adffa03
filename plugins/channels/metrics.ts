/**
 * What every adapter's `metrics()` shares: reading a count the way networks send them, keeping
 * "not reported" apart from 0, and refusing a batch larger than the network takes before asking.
 */
import { redact } from './http'
import type {
  ChannelAccount,
  ChannelFailure,
  MetricsResult,
  PostMetrics,
} from '../scheduler/exports/channels'

/**
 * A count as networks send it: a number, or a decimal string (YouTube's `statistics` are strings
 * because they are 64-bit). Anything else — absent, null, negative, not a number — is "not
 * reported", so it stays absent instead of becoming a 0 nobody counted.
 */
export const countOf = (value: unknown): number | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim())
  return undefined
}

/** The metrics that have a value; `{ likes: undefined }` would read as "reported" to a caller. */
export const reported = (metrics: {
  [name in keyof PostMetrics]: number | undefined
}): PostMetrics =>
  Object.fromEntries(
    Object.entries(metrics).filter((entry): entry is [string, number] => entry[1] !== undefined),
  ) as PostMetrics

/** A failure decided before any request (status 0): retrying the same call cannot fix it. */
export const refused = (message: string): ChannelFailure => ({
  ok: false,
  retryable: false,
  status: 0,
  message,
})

/**
 * The collector never sends more than `batchSize`; if it does, the network would refuse the
 * request (or silently cut it short), so the mistake is reported here, before a call is spent.
 */
export const overBatch = (
  network: string,
  count: number,
  batchSize: number,
): ChannelFailure | undefined =>
  count > batchSize
    ? refused(`${network} metrics: ${count} posts in one read; the most it takes is ${batchSize}`)
    : undefined

/** An empty read: nothing to ask, so nothing is spent. */
export const NOTHING_READ: MetricsResult = { ok: true, posts: {}, gone: [] }

/** Runs one metrics read; a thrown error becomes `toFailure(error)`, and no message keeps the token. */
export const guardedMetrics = async (
  account: ChannelAccount,
  toFailure: (error: unknown) => ChannelFailure,
  run: () => Promise<MetricsResult>,
): Promise<MetricsResult> => {
  try {
    const result = await run()
    return result.ok ? result : redact(result, account.accessToken)
  } catch (error) {
    return redact(toFailure(error), account.accessToken)
  }
}

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS
