/**
 * When a live post's counts are read next (issue 18): often while they change fast, then less and
 * less — hourly for its first 48 hours, daily to 30 days, weekly to 90 — and then never again.
 * Readings fall on fixed steps from the moment it was published (1 h, 2 h, …, then day 3, 4, …),
 * not from when the last one happened to run, so a late reading does not shift the rest and every
 * post's curve has points at the same ages.
 */
const HOUR = 3_600_000
const DAY = 24 * HOUR

export const readingSteps = [
  { until: 48 * HOUR, every: HOUR },
  { until: 30 * DAY, every: DAY },
  { until: 90 * DAY, every: 7 * DAY },
] as const

/** How long after publication a post is measured at all. */
export const MEASURED_FOR_MS = readingSteps[readingSteps.length - 1].until

/** The next reading strictly after `now`, or `null` once the post is past its 90 days. */
export const nextReadingAt = (publishedAt: Date, now: Date): Date | null => {
  const age = Math.max(0, now.getTime() - publishedAt.getTime())
  const step = readingSteps.find((s) => age < s.until)
  if (!step) return null
  const next = (Math.floor(age / step.every) + 1) * step.every
  // The last step's grid need not land on 90 days: the final reading is at 90 days exactly.
  return new Date(publishedAt.getTime() + Math.min(next, MEASURED_FOR_MS))
}

/** The first reading: one step after publication. */
export const firstReadingAt = (publishedAt: Date): Date =>
  new Date(publishedAt.getTime() + readingSteps[0].every)

/**
 * When a failed read is tried again: 1, 2, 4 … minutes, at most an hour, or when the network
 * said (Retry-After) if that is later. The post keeps its place in the schedule otherwise.
 */
export const retryReadingAt = (now: Date, failures: number, retryAfterMs?: number): Date => {
  const backoff = Math.min(HOUR, 60_000 * 2 ** Math.max(0, failures - 1))
  return new Date(now.getTime() + Math.max(backoff, retryAfterMs ?? 0))
}
