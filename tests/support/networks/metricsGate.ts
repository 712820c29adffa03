/**
 * What every fake network's metrics read shares: the record of reads, an optional rate limit over
 * a sliding window, and injected server errors. Each fake answers a refused read in its own
 * network's words; this only decides which answer is due.
 */

/** Counts in the network's own field names; `null` makes the network leave the field out. */
export type FakeCounts<Field extends string> = Partial<Record<Field, number | null>>

export type MetricsRead = {
  /** When the read arrived (the fake's clock). */
  at: number
  /** The post ids it asked about, in the order sent. */
  ids: string[]
  /** How the fake answered it. */
  outcome: 'answered' | 'rate-limited' | 'server-error'
}

export type MetricsLimit = {
  /** Calls allowed in any `windowMs`. Where the network counts each id as a call (Meta), so does the fake. */
  calls: number
  windowMs: number
}

export type MetricsVerdict =
  | { kind: 'answer' }
  | { kind: 'server-error'; status: number }
  /** `resetAt`: when the oldest counted call leaves the window; `limit`, `remaining` as the headers say. */
  | { kind: 'rate-limited'; resetAt: number; limit: number }

/** The test hooks every fake exposes for its metrics reads. */
export type MetricsHooks = {
  /** Every metrics read, refused ones included, oldest first. */
  metricsReads: MetricsRead[]
  /** Refuses reads past `calls` per `windowMs` with the network's documented rate-limit answer; `undefined` lifts it. */
  limitMetrics(limit: MetricsLimit | undefined): void
  /** The next `count` metrics reads fail with `status` (default 503). */
  failNextMetrics(count: number, status?: number): void
}

export class MetricsGate implements MetricsHooks {
  readonly metricsReads: MetricsRead[] = []
  private limit: MetricsLimit | undefined
  private failures: number[] = []
  /** Calls counted against the limit: when, and how many each read cost. */
  private spent: { at: number; cost: number }[] = []

  constructor(private readonly now: () => number = Date.now) {}

  limitMetrics(limit: MetricsLimit | undefined): void {
    this.limit = limit
    this.spent = []
  }

  failNextMetrics(count: number, status = 503): void {
    this.failures.push(...Array.from({ length: count }, () => status))
  }

  /** Records a read of `ids` costing `cost` calls and says how to answer it. */
  admit(ids: string[], cost = 1): MetricsVerdict {
    const at = this.now()
    const verdict = this.verdict(at, cost)
    this.metricsReads.push({
      at,
      ids,
      outcome: verdict.kind === 'answer' ? 'answered' : verdict.kind,
    })
    return verdict
  }

  private verdict(at: number, cost: number): MetricsVerdict {
    const status = this.failures.shift()
    if (status !== undefined) return { kind: 'server-error', status }
    if (!this.limit) return { kind: 'answer' }
    const { calls, windowMs } = this.limit
    this.spent = this.spent.filter((call) => call.at > at - windowMs)
    const used = this.spent.reduce((sum, call) => sum + call.cost, 0)
    if (used + cost > calls)
      return {
        kind: 'rate-limited',
        resetAt: (this.spent[0]?.at ?? at) + windowMs,
        limit: calls,
      }
    this.spent.push({ at, cost })
    return { kind: 'answer' }
  }
}

/** The counts a fake reports for a post: the test's, over zeros for every field the network has. */
export const countsFor = <Field extends string>(
  fields: readonly Field[],
  set: FakeCounts<Field> | undefined,
): Partial<Record<Field, number>> => {
  const counts: Partial<Record<Field, number>> = {}
  for (const field of fields) {
    const value = set?.[field]
    if (value !== null) counts[field] = value ?? 0
  }
  return counts
}
