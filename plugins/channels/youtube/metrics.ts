/**
 * YouTube video counts, per the YouTube Data API v3 reference:
 * - videos.list `GET /youtube/v3/videos?part=statistics&id=<up to 50 comma-separated>` →
 *   `items[{ id, statistics: { viewCount, likeCount, favoriteCount, commentCount } }]`, the counts
 *   as strings (64-bit). `likeCount` is left out when the owner hides likes and `commentCount`
 *   when comments are off: those stay absent. A video id missing from `items` no longer exists
 *   (deleted, or made private by someone else), so it is gone.
 * - Quota (getting-started#quota, determine_quota_cost): 10,000 units a day per Google Cloud
 *   project, reset at midnight Pacific Time; videos.list costs 1 unit whatever the number of ids.
 *   The project's quota also pays for uploads (videos.insert, 1,600 units) and captions, for every
 *   channel connected through the same project, and running it out stops publishing until
 *   midnight PT: metrics take at most 2,000 units a day, leaving the rest to publishing.
 * - Errors (./api.ts `classify`): 403 quotaExceeded waits until midnight PT; 403 or 429
 *   rateLimitExceeded / userRateLimitExceeded waits for Retry-After, else a minute.
 * (videos:batchGetStats is a newer method with its own quota bucket; videos.list is the one every
 * project already has.)
 */
import { readJson } from '../http'
import { countOf, DAY_MS, MINUTE_MS, NOTHING_READ, overBatch, reported } from '../metrics'
import type {
  ChannelAccount,
  ChannelFailure,
  MetricsQuery,
  MetricsResult,
  MetricsSupport,
  PostMetrics,
} from '../../scheduler/exports/channels'
import { authHeader, googleError, classify, isRecord, youtubeUrl } from './api'

export const youtubeMetricsSupport: MetricsSupport = {
  reports: ['videoViews', 'likes', 'comments'],
  limits:
    'YouTube shares views, likes and comments with other apps, but not reach, shares or clicks; likes are missing when the channel hides them.',
  batchSize: 50,
  rateLimit: { calls: 2000, windowMs: DAY_MS },
}

const SHORT_LIMITS = new Set(['rateLimitExceeded', 'userRateLimitExceeded'])

/** As `publish` classifies it; a short-term limit without Retry-After waits a minute, not at once. */
const metricsFailure = async (response: Response, now: number): Promise<ChannelFailure> => {
  const error = googleError(await readJson(response))
  const failure = classify(response.status, response.headers, error, now)
  return error.reason && SHORT_LIMITS.has(error.reason) && failure.retryAfterMs === undefined
    ? { ...failure, retryAfterMs: MINUTE_MS }
    : failure
}

const statisticsOf = (statistics: Record<string, unknown>): PostMetrics =>
  reported({
    videoViews: countOf(statistics.viewCount),
    likes: countOf(statistics.likeCount),
    comments: countOf(statistics.commentCount),
  })

export const readYoutubeMetrics = async (
  posts: MetricsQuery[],
  account: ChannelAccount,
  now: () => number,
  signal?: AbortSignal,
): Promise<MetricsResult> => {
  const tooMany = overBatch('YouTube', posts.length, youtubeMetricsSupport.batchSize)
  if (tooMany) return tooMany
  if (posts.length === 0) return NOTHING_READ
  const ids = [...new Set(posts.map((post) => post.remoteId))]
  const query = new URLSearchParams({ part: 'statistics', id: ids.join(',') })
  const response = await fetch(youtubeUrl(account, `/youtube/v3/videos?${query}`), {
    headers: authHeader(account),
    signal,
  })
  if (response.status !== 200) return metricsFailure(response, now())
  const body = await readJson(response)
  if (!isRecord(body) || !Array.isArray(body.items))
    return {
      ok: false,
      retryable: true,
      status: response.status,
      message: 'YouTube answered videos.list without items',
    }
  const found: Record<string, PostMetrics> = {}
  for (const item of body.items.filter(isRecord))
    if (typeof item.id === 'string' && ids.includes(item.id))
      found[item.id] = isRecord(item.statistics) ? statisticsOf(item.statistics) : {}
  return { ok: true, posts: found, gone: ids.filter((id) => !(id in found)) }
}
