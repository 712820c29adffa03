/**
 * The X fake's Post lookup by ids, `GET /2/tweets?ids=…&tweet.fields=public_metrics`, as
 * docs.x.com documents it (x-api/posts/lookup):
 * - 1 to 100 numeric ids, else 400 invalid-request; found posts in `data[]` (with
 *   `public_metrics { retweet_count, reply_count, like_count, quote_count, bookmark_count,
 *   impression_count }` when asked), missing ones as HTTP 200 `errors[]` "Not Found Error".
 * - Over `limitMetrics`: 429 problem details with `x-rate-limit-limit`, `x-rate-limit-remaining: 0`
 *   and `x-rate-limit-reset` (epoch seconds); `failNextMetrics`: the 5xx problem document.
 * Counts are set in X's own names (`setCounts(id, { like_count: 3 })`), 0 otherwise; `null` leaves a
 * field out, as X does for `impression_count` on posts from before it counted views.
 */
import { countsFor, type FakeCounts, MetricsGate } from './metricsGate'

export const X_PUBLIC_METRICS = [
  'retweet_count',
  'reply_count',
  'like_count',
  'quote_count',
  'bookmark_count',
  'impression_count',
] as const
export type XPublicMetric = (typeof X_PUBLIC_METRICS)[number]

type Reply = { status: number; body?: unknown; headers?: Record<string, string> }

const STATUS_TITLES: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

const problem = (status: number, title: string, detail: string, type = 'about:blank'): Reply => ({
  status,
  body: { title, detail, type, status },
})

const invalid = (message: string): Reply => ({
  status: 400,
  body: {
    errors: [{ parameters: {}, message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.twitter.com/2/problems/invalid-request',
  },
})

const notFound = (id: string) => ({
  value: id,
  detail: `Could not find tweet with ids: [${id}].`,
  title: 'Not Found Error',
  resource_type: 'tweet',
  parameter: 'ids',
  resource_id: id,
  type: 'https://api.twitter.com/2/problems/resource-not-found',
})

export const createXMetrics = (options: {
  /** Whether the fake holds a post with this id (deleted ones are gone from it). */
  has: (id: string) => boolean
  /** The post as GET /2/tweets/:id renders it, without any fields. */
  render: (id: string) => Record<string, unknown>
  now?: () => number
}) => {
  const gate = new MetricsGate(options.now)
  const counts = new Map<string, FakeCounts<XPublicMetric>>()

  const lookup = (url: URL): Reply => {
    const raw = url.searchParams.get('ids')
    if (!raw) return invalid('The `ids` query parameter can not be empty')
    const ids = raw.split(',')
    if (ids.length > 100)
      return invalid(
        `The number of values in the \`ids\` query parameter list [${ids.length}] is not between 1 and 100`,
      )
    const bad = ids.find((id) => !/^\d{1,19}$/.test(id))
    if (bad !== undefined)
      return invalid(`The \`ids\` query parameter value [${bad}] does not match ^[0-9]{1,19}$`)
    const verdict = gate.admit(ids)
    if (verdict.kind === 'server-error') {
      const title = STATUS_TITLES[verdict.status] ?? 'Server Error'
      return problem(verdict.status, title, title)
    }
    if (verdict.kind === 'rate-limited')
      return {
        ...problem(429, 'Too Many Requests', 'Too Many Requests'),
        headers: {
          'x-rate-limit-limit': String(verdict.limit),
          'x-rate-limit-remaining': '0',
          'x-rate-limit-reset': String(Math.ceil(verdict.resetAt / 1000)),
        },
      }
    const withMetrics = (url.searchParams.get('tweet.fields') ?? '')
      .split(',')
      .includes('public_metrics')
    const data = ids.filter(options.has).map((id) => ({
      ...options.render(id),
      ...(withMetrics ? { public_metrics: countsFor(X_PUBLIC_METRICS, counts.get(id)) } : {}),
    }))
    const errors = ids.filter((id) => !options.has(id)).map(notFound)
    return {
      status: 200,
      body: { ...(data.length ? { data } : {}), ...(errors.length ? { errors } : {}) },
    }
  }

  return {
    gate,
    lookup,
    setCounts(id: string, set: FakeCounts<XPublicMetric>): void {
      if (!options.has(id)) throw new Error(`the X fake has no post ${id}`)
      counts.set(id, { ...counts.get(id), ...set })
    },
  }
}
