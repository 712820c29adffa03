/** Longest any retry is put off, even when a network's Retry-After asks for more. */
export const RETRY_AFTER_CEILING_MS = 24 * 60 * 60_000

export type RetryDelayOptions = {
  /** 1 for the first retry (after the first failed attempt), 2 for the next, … */
  attempt: number
  /** @default 1000 */
  baseMs?: number
  /** @default 15 minutes */
  capMs?: number
  /** The network's Retry-After (or rate-limit reset), in ms from now. */
  retryAfterMs?: number
  /** A number in [0, 1); injected so tests can pin the jitter. @default Math.random */
  random?: () => number
}

const finiteOr = (value: number | undefined, fallback: number) =>
  value !== undefined && Number.isFinite(value) ? value : fallback

/**
 * Exponential backoff with "full jitter" (AWS Architecture Blog, "Exponential Backoff and
 * Jitter"): a uniform delay in [0, min(cap, base × 2^(attempt − 1))). Full jitter spreads workers
 * that failed together (one outage, one 429) instead of having them retry in lockstep.
 * Retry-After wins over the jitter and over the cap: retrying sooner than the network asked
 * only earns another 429. It is still held to 24 h so a bogus header can't park a post for ever.
 */
export const retryDelayMs = ({
  attempt,
  baseMs = 1000,
  capMs = 15 * 60_000,
  retryAfterMs,
  random = Math.random,
}: RetryDelayOptions): number => {
  const step = Math.max(1, Math.floor(finiteOr(attempt, 1)))
  const ceiling = Math.min(Math.max(0, capMs), Math.max(0, baseMs) * 2 ** (step - 1))
  const draw = Math.min(Math.max(finiteOr(random(), 0), 0), 1)
  const jittered = Math.floor(draw * ceiling)
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs) || retryAfterMs <= 0)
    return jittered
  return Math.max(jittered, Math.min(Math.ceil(retryAfterMs), RETRY_AFTER_CEILING_MS))
}

export type RetryFailure = {
  retryable: boolean
  retryAfterMs?: number
}

export type RetryDecision = { action: 'retry'; at: Date } | { action: 'fail'; reason: string }

export type DecideRetryOptions = {
  /** Attempts made so far, counting the one that just failed. */
  attempts: number
  /** @default 8 */
  maxAttempts?: number
  failure: RetryFailure
  now: Date
  random?: () => number
  baseMs?: number
  capMs?: number
}

/**
 * What the dispatcher does with a publication whose attempt just failed: a permanent failure
 * (the network said no, retrying repeats it) fails at once; a retryable one is retried until
 * `maxAttempts` attempts have been made.
 */
export const decideRetry = ({
  attempts,
  maxAttempts = 8,
  failure,
  now,
  random,
  baseMs,
  capMs,
}: DecideRetryOptions): RetryDecision => {
  if (!failure.retryable) return { action: 'fail', reason: 'permanent error' }
  if (attempts >= maxAttempts)
    return { action: 'fail', reason: `gave up after ${attempts} attempts` }
  const delay = retryDelayMs({
    attempt: attempts,
    baseMs,
    capMs,
    retryAfterMs: failure.retryAfterMs,
    random,
  })
  return { action: 'retry', at: new Date(now.getTime() + delay) }
}
