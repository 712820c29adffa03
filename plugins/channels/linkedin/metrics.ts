/**
 * LinkedIn post counts, from Organization Share Statistics (learn.microsoft.com/linkedin/marketing/
 * community-management/organizations/share-statistics):
 * - `GET /rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=
 *   <org URN>&shares=List(<share URNs>)&ugcPosts=List(<ugcPost URNs>)`, Rest.li 2.0 syntax: each URN
 *   URL-encoded inside a literal `List(…)`, with `LinkedIn-Version` and
 *   `X-Restli-Protocol-Version: 2.0.0`. Without `timeIntervals` the counts are lifetime totals.
 * - Answer: `elements[{ share | ugcPost, organizationalEntity, totalShareStatistics {
 *   impressionCount, uniqueImpressionsCount, clickCount, likeCount, commentCount, shareCount } }]`.
 * - Needs `rw_organization_admin` and an ADMINISTRATOR of the page: only organization posts have
 *   statistics (a member's own posts need r_member_postAnalytics, a separate, restricted product),
 *   so a person author fails for good, before any call. Only the past 12 months are kept.
 * - A post LinkedIn no longer has is simply missing from `elements`, as is one with no statistics
 *   yet; nothing in the answer tells the two apart, so a missing post is left unread (in neither
 *   `posts` nor `gone`) rather than declared deleted.
 * - Batch: 10 posts. The docs give no maximum for the `shares` list; 10 is the default Rest.li
 *   page size, so every element comes back in the one page read, and keeps the URL short.
 * - Rate limit: LinkedIn publishes none; each app's per-member and per-app daily limits for each
 *   endpoint are shown only in its Developer Portal (Analytics tab), and they reset at midnight
 *   UTC (api-rate-limits). 100 calls a day (1,000 posts) is far below any limit an app is granted
 *   for a Community Management endpoint and ample for one hospital page. A 429 rarely has a
 *   Retry-After, so without one the wait is until the next UTC midnight, when the limit resets.
 */
import { readJson } from '../http'
import { countOf, DAY_MS, NOTHING_READ, overBatch, refused, reported } from '../metrics'
import type {
  ChannelAccount,
  ChannelFailure,
  MetricsQuery,
  MetricsResult,
  MetricsSupport,
  PostMetrics,
} from '../../scheduler/exports/channels'
import { isRecord, linkedinFailure, linkedinUrl, restHeaders } from './api'

export const linkedinMetricsSupport: MetricsSupport = {
  reports: ['impressions', 'reach', 'likes', 'comments', 'shares', 'clicks'],
  limits:
    'LinkedIn gives statistics only for posts on an organization page from the past 12 months, and does not count saves.',
  batchSize: 10,
  rateLimit: { calls: 100, windowMs: DAY_MS },
}

/** Milliseconds until the next 00:00 UTC, when LinkedIn's daily limits reset. */
export const untilUtcMidnight = (now: number): number => DAY_MS - (now % DAY_MS)

/** A 429 without Retry-After waits for the daily reset; everything else as `publish` classifies it. */
const metricsFailure = async (response: Response, now: number): Promise<ChannelFailure> => {
  const failure = await linkedinFailure(response)
  return response.status === 429 && failure.retryAfterMs === undefined
    ? { ...failure, retryAfterMs: untilUtcMidnight(now) }
    : failure
}

/** Rest.li 2.0 list: `List(a,b)` with each element URL-encoded and the syntax left as is. */
const restliList = (urns: string[]): string => `List(${urns.map(encodeURIComponent).join(',')})`

const statisticsOf = (stats: Record<string, unknown>): PostMetrics =>
  reported({
    impressions: countOf(stats.impressionCount),
    reach: countOf(stats.uniqueImpressionsCount),
    clicks: countOf(stats.clickCount),
    likes: countOf(stats.likeCount),
    comments: countOf(stats.commentCount),
    shares: countOf(stats.shareCount),
  })

export const readLinkedInMetrics = async (
  posts: MetricsQuery[],
  account: ChannelAccount,
  now: () => number,
  signal?: AbortSignal,
): Promise<MetricsResult> => {
  const tooMany = overBatch('LinkedIn', posts.length, linkedinMetricsSupport.batchSize)
  if (tooMany) return tooMany
  const organization = account.externalId
  if (!organization?.startsWith('urn:li:organization:'))
    return refused(
      'LinkedIn gives post statistics only for organization pages; this account posts as a person',
    )
  if (posts.length === 0) return NOTHING_READ
  const urns = [...new Set(posts.map((post) => post.remoteId))]
  const shares = urns.filter((urn) => urn.startsWith('urn:li:share:'))
  const ugcPosts = urns.filter((urn) => !urn.startsWith('urn:li:share:'))
  const query = [
    'q=organizationalEntity',
    `organizationalEntity=${encodeURIComponent(organization)}`,
    ...(shares.length ? [`shares=${restliList(shares)}`] : []),
    ...(ugcPosts.length ? [`ugcPosts=${restliList(ugcPosts)}`] : []),
  ].join('&')
  const response = await fetch(
    linkedinUrl(account, `/rest/organizationalEntityShareStatistics?${query}`),
    { headers: restHeaders(account), signal },
  )
  if (!response.ok) return metricsFailure(response, now())
  const body = await readJson(response)
  if (!isRecord(body) || !Array.isArray(body.elements))
    return {
      ok: false,
      retryable: true,
      status: response.status,
      message: 'LinkedIn answered the share statistics without elements',
    }
  const asked = new Set(urns)
  const found: Record<string, PostMetrics> = {}
  for (const element of body.elements.filter(isRecord)) {
    const urn = [element.share, element.ugcPost].find(
      (value): value is string => typeof value === 'string' && asked.has(value),
    )
    if (urn && isRecord(element.totalShareStatistics))
      found[urn] = statisticsOf(element.totalShareStatistics)
  }
  return { ok: true, posts: found, gone: [] }
}
