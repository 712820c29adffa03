/**
 * The Graph fake's multiple-ID read, `GET /{version}/?ids=<id,…>&fields=…`, for Page post and
 * Instagram media counts, as the Graph API documents it:
 * - at most 50 ids ("(#100) Too many IDs. Maximum: 50"); the answer is an object keyed by id;
 * - one id Graph does not have fails the whole read: (#803) "Some of the aliases you requested do
 *   not exist: <ids>";
 * - Page post fields: `shares { count }` (left out while nobody has shared the post),
 *   `reactions.summary(total_count)` / `comments.summary(total_count)` → `{ data: [], summary:
 *   { total_count, … } }`, `insights.metric(a,b)` → `insights { data: [{ name, period:
 *   "lifetime", values: [{ value }], title, description, id }] }`;
 * - Instagram media: `insights.metric(reach,likes,comments,shares,saved,views)` the same way;
 * - an unknown insights metric: (#100), as Graph refuses retired metrics;
 * - every id is a call: over `limitMetrics` the Business Use Case throttling answer, (#80001) for
 *   Pages and (#80002) for Instagram, with `X-Business-Use-Case-Usage` giving
 *   `estimated_time_to_regain_access` in minutes; `failNextMetrics`: code 2, `is_transient`.
 * Counts are set in Graph's names (`setCounts(id, { post_impressions: 120, reactions: 4 })`), 0
 * otherwise; `null` leaves the field (or insights metric) out.
 */
import { countsFor, type FakeCounts, MetricsGate } from './metricsGate'

export const FACEBOOK_COUNTS = [
  'shares',
  'reactions',
  'comments',
  'post_impressions',
  'post_impressions_unique',
  'post_clicks',
] as const
export const INSTAGRAM_COUNTS = ['reach', 'likes', 'comments', 'shares', 'saved', 'views'] as const
export type GraphCount = (typeof FACEBOOK_COUNTS)[number] | (typeof INSTAGRAM_COUNTS)[number]

const FACEBOOK_INSIGHTS = new Set<string>(
  FACEBOOK_COUNTS.filter((name) => name.startsWith('post_')),
)
const INSTAGRAM_INSIGHTS = new Set<string>(INSTAGRAM_COUNTS)

type ErrorSpec = {
  status?: number
  code: number
  subcode?: number
  message: string
  isTransient?: boolean
  headers?: Record<string, string>
}

/** `a,b.summary(x,y),c` → `['a', 'b.summary(x,y)', 'c']`: commas inside brackets stay. */
const topLevelFields = (fields: string): string[] => {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const char of fields) {
    if (char === ',' && depth === 0) {
      parts.push(current.trim())
      current = ''
      continue
    }
    if (char === '(' || char === '{') depth += 1
    if (char === ')' || char === '}') depth -= 1
    current += char
  }
  if (current.trim()) parts.push(current.trim())
  return parts
}

const insightsOf = (
  id: string,
  field: string,
  allowed: Set<string>,
  counts: Partial<Record<string, number>>,
  fail: (spec: ErrorSpec) => never,
) => {
  const wanted = /\.metric\(([^)]*)\)/.exec(field)?.[1]?.split(',') ?? []
  const unknown = wanted.find((name) => !allowed.has(name))
  if (unknown !== undefined)
    fail({ code: 100, message: `(#100) The value must be a valid insights metric: ${unknown}` })
  return {
    data: wanted
      .filter((name) => counts[name] !== undefined)
      .map((name) => ({
        name,
        period: 'lifetime',
        values: [{ value: counts[name] }],
        title: name,
        description: `Lifetime: ${name}`,
        id: `${id}/insights/${name}/lifetime`,
      })),
    paging: { previous: 'https://graph.facebook.com/p', next: 'https://graph.facebook.com/n' },
  }
}

export const createGraphMetrics = (options: {
  isPost: (id: string) => boolean
  isMedia: (id: string) => boolean
  pageId: string
  igUserId: string
  now: () => number
  fail: (spec: ErrorSpec) => never
}) => {
  const gate = new MetricsGate(options.now)
  const counts = new Map<string, FakeCounts<GraphCount>>()
  const { fail } = options

  const postObject = (id: string, fields: string[]): Record<string, unknown> => {
    const set = countsFor(FACEBOOK_COUNTS, counts.get(id))
    const object: Record<string, unknown> = { id }
    for (const field of fields) {
      const name = /^\w+/.exec(field)?.[0] ?? field
      if (name === 'shares' && set.shares) object.shares = { count: set.shares }
      if (name === 'reactions' && set.reactions !== undefined)
        object.reactions = {
          data: [],
          summary: { total_count: set.reactions, viewer_reaction: 'NONE' },
        }
      if (name === 'comments' && set.comments !== undefined)
        object.comments = {
          data: [],
          summary: { order: 'ranked', total_count: set.comments, can_comment: true },
        }
      if (name === 'insights') object.insights = insightsOf(id, field, FACEBOOK_INSIGHTS, set, fail)
    }
    return object
  }

  const mediaObject = (id: string, fields: string[]): Record<string, unknown> => {
    const set = countsFor(INSTAGRAM_COUNTS, counts.get(id))
    const object: Record<string, unknown> = { id }
    for (const field of fields)
      if (/^insights\b/.test(field))
        object.insights = insightsOf(id, field, INSTAGRAM_INSIGHTS, set, fail)
    return object
  }

  const throttled = (ids: string[], resetAt: number): never => {
    const instagram = ids.every(options.isMedia)
    const minutes = Math.max(1, Math.ceil((resetAt - options.now()) / 60_000))
    const usage = {
      type: instagram ? 'instagram' : 'pages',
      call_count: 100,
      total_cputime: 12,
      total_time: 14,
      estimated_time_to_regain_access: minutes,
    }
    return fail({
      code: instagram ? 80002 : 80001,
      message: instagram
        ? '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again.'
        : '(#80001) There have been too many calls to this Page account. Wait a bit and try again.',
      headers: {
        'x-business-use-case-usage': JSON.stringify({
          [instagram ? options.igUserId : options.pageId]: [usage],
        }),
      },
    })
  }

  /** The multiple-ID read; throws the Graph error (through `fail`) when Graph would refuse it. */
  const read = (query: Record<string, string>): Record<string, unknown> => {
    const ids = (query.ids ?? '').split(',').filter((id) => id !== '')
    if (ids.length === 0) fail({ code: 100, message: '(#100) The parameter ids is required' })
    if (ids.length > 50)
      fail({ code: 100, message: `(#100) Too many IDs. Maximum: 50. Provided: ${ids.length}.` })
    const verdict = gate.admit(ids, ids.length)
    if (verdict.kind === 'server-error')
      fail({
        status: verdict.status,
        code: 2,
        message: 'An unexpected error has occurred. Please retry your request later.',
        isTransient: true,
      })
    if (verdict.kind === 'rate-limited') throttled(ids, verdict.resetAt)
    const missing = ids.filter((id) => !options.isPost(id) && !options.isMedia(id))
    if (missing.length > 0)
      fail({
        status: 404,
        code: 803,
        message: `(#803) Some of the aliases you requested do not exist: ${missing.join(',')}`,
      })
    const fields = topLevelFields(query.fields ?? 'id')
    return Object.fromEntries(
      ids.map((id) => [id, options.isPost(id) ? postObject(id, fields) : mediaObject(id, fields)]),
    )
  }

  return {
    gate,
    read,
    setCounts(id: string, set: FakeCounts<GraphCount>): void {
      if (!options.isPost(id) && !options.isMedia(id))
        throw new Error(`the Graph fake has no post or media ${id}`)
      counts.set(id, { ...counts.get(id), ...set })
    },
  }
}
