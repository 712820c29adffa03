/**
 * X post metrics, per docs.x.com:
 * - Post lookup `GET /2/tweets?ids=<1–100 comma-separated>&tweet.fields=public_metrics` (x-api/posts/
 *   lookup): `data[].public_metrics { retweet_count, reply_count, like_count, quote_count,
 *   bookmark_count, impression_count }`. An id X no longer has comes back with HTTP 200 in
 *   `errors[]` as `{ title: "Not Found Error", resource_type: "tweet", value, resource_id }`.
 * - Rate limit (x-api/fundamentals/rate-limits): GET /2/tweets is 15 requests / 15 min per user on
 *   the Basic plan, the lowest paid plan (Free: 1 / 15 min, with a monthly read cap of 100 posts
 *   that makes it unusable here; Pro: 900; the pay-per-use table: 5,000). Basic's figure is the
 *   default; an account on a bigger plan passes its own (`createXAdapter({ metricsRateLimit })`).
 *   A 429 carries `x-rate-limit-reset` (epoch seconds), read by `xFailure`.
 * Reach (distinct viewers) and clicks are `non_public_metrics`, which X gives only for posts under
 * 30 days old and fails the whole lookup for older ones, so they are not asked for.
 */
import { readJson } from '../http'
import { countOf, NOTHING_READ, overBatch, reported } from '../metrics'
import type {
  ChannelAccount,
  MetricsQuery,
  MetricsResult,
  MetricsSupport,
  PostMetrics,
} from '../../scheduler/exports/channels'
import { authHeader, isRecord, xFailure, xUrl } from './api'

const X_METRICS_BATCH = 100
/** Basic plan, per user: 15 requests per 15 minutes (see the header). */
const X_METRICS_RATE_LIMIT = { calls: 15, windowMs: 15 * 60_000 }

export const xMetricsSupport = (
  rateLimit: MetricsSupport['rateLimit'] = X_METRICS_RATE_LIMIT,
): MetricsSupport => ({
  reports: ['impressions', 'likes', 'comments', 'shares', 'saves'],
  limits:
    'X does not share how many different people saw a post or clicked it, so reach and clicks are not reported.',
  batchSize: X_METRICS_BATCH,
  rateLimit,
})

const sum = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0)

/** X's public counts in Carecast's names; reposts and quote posts both spread the post. */
const fromPublicMetrics = (metrics: Record<string, unknown>): PostMetrics =>
  reported({
    impressions: countOf(metrics.impression_count),
    likes: countOf(metrics.like_count),
    comments: countOf(metrics.reply_count),
    shares: sum(countOf(metrics.retweet_count), countOf(metrics.quote_count)),
    saves: countOf(metrics.bookmark_count),
  })

/** Ids X says it has no post for. Other partial errors (e.g. no access) are not "deleted". */
const notFound = (body: Record<string, unknown>, asked: Set<string>): string[] =>
  (Array.isArray(body.errors) ? body.errors : [])
    .filter(isRecord)
    .filter((error) => error.title === 'Not Found Error' && error.resource_type === 'tweet')
    .map((error) => [error.resource_id, error.value].find((id) => typeof id === 'string'))
    .filter((id): id is string => id !== undefined && asked.has(id))

export const readXMetrics = async (
  posts: MetricsQuery[],
  account: ChannelAccount,
  signal?: AbortSignal,
): Promise<MetricsResult> => {
  const tooMany = overBatch('X', posts.length, X_METRICS_BATCH)
  if (tooMany) return tooMany
  if (posts.length === 0) return NOTHING_READ
  const ids = [...new Set(posts.map((post) => post.remoteId))]
  const query = new URLSearchParams({ ids: ids.join(','), 'tweet.fields': 'public_metrics' })
  const response = await fetch(xUrl(account, `/2/tweets?${query}`), {
    headers: authHeader(account),
    signal,
  })
  if (!response.ok) return xFailure(response)
  const body = await readJson(response)
  // A 200 without the documented object says nothing about the posts: ask again later.
  if (!isRecord(body))
    return {
      ok: false,
      retryable: true,
      status: response.status,
      message: 'X answered the post lookup without a JSON object',
    }
  const asked = new Set(ids)
  const found: Record<string, PostMetrics> = {}
  for (const tweet of Array.isArray(body.data) ? body.data.filter(isRecord) : [])
    if (typeof tweet.id === 'string' && asked.has(tweet.id))
      found[tweet.id] = isRecord(tweet.public_metrics)
        ? fromPublicMetrics(tweet.public_metrics)
        : {}
  return { ok: true, posts: found, gone: notFound(body, asked) }
}
