/**
 * Mastodon status counts, per docs.joinmastodon.org:
 * - `GET /api/v1/statuses/:id` (methods/statuses, "View a single status") → Status with
 *   `favourites_count`, `reblogs_count`, `replies_count`; 404 `{ error: "Record not found" }` once
 *   the status is deleted. The account asks about its own statuses with its own token, so a 404 is
 *   "deleted", not "private".
 * - `GET /api/v1/statuses?id[]=…` reads several at once, but only since Mastodon 4.3.0, and it
 *   leaves out a missing status without saying so; many instances run older versions, so one
 *   status per read (batch size 1) is the only form every instance answers the same way.
 * - Rate limit (api/rate-limits): 300 requests per 5 minutes per account, shared by every
 *   endpoint; a 429 carries `X-RateLimit-Reset` as an ISO 8601 timestamp (read by
 *   `mastodonFailure`).
 * Mastodon does not count views, so neither impressions nor reach exist to report.
 */
import { readJson } from '../http'
import { countOf, NOTHING_READ, overBatch, reported } from '../metrics'
import type {
  ChannelAccount,
  MetricsQuery,
  MetricsResult,
  MetricsSupport,
} from '../../scheduler/exports/channels'
import { authHeader, isRecord, mastodonFailure, mastodonUrl } from './api'

export const mastodonMetricsSupport: MetricsSupport = {
  reports: ['likes', 'comments', 'shares'],
  limits: 'Mastodon does not count views, so impressions and reach are not reported.',
  batchSize: 1,
  rateLimit: { calls: 300, windowMs: 5 * 60_000 },
}

export const readMastodonMetrics = async (
  posts: MetricsQuery[],
  account: ChannelAccount,
  signal?: AbortSignal,
): Promise<MetricsResult> => {
  const tooMany = overBatch('Mastodon', posts.length, mastodonMetricsSupport.batchSize)
  if (tooMany) return tooMany
  const [post] = posts
  if (!post) return NOTHING_READ
  const response = await fetch(
    mastodonUrl(account, `/api/v1/statuses/${encodeURIComponent(post.remoteId)}`),
    { headers: authHeader(account), signal },
  )
  if (response.status === 404) {
    await response.body?.cancel()
    return { ok: true, posts: {}, gone: [post.remoteId] }
  }
  if (response.status !== 200) return mastodonFailure(response)
  const status = await readJson(response)
  if (!isRecord(status))
    return {
      ok: false,
      retryable: true,
      status: response.status,
      message: 'Mastodon answered without the status',
    }
  return {
    ok: true,
    posts: {
      [post.remoteId]: reported({
        likes: countOf(status.favourites_count),
        shares: countOf(status.reblogs_count),
        comments: countOf(status.replies_count),
      }),
    },
    gone: [],
  }
}
