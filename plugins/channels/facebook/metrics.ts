/**
 * Facebook Page post counts, in one Graph multiple-ID read (./graphMetrics.ts: 50 ids, each id a
 * call of the 200-per-hour limit):
 * - `shares { count }` (Page Post reference). Graph leaves `shares` out for a post nobody has
 *   shared, so a post that came back without it has 0 shares rather than an unknown number.
 * - `reactions.summary(total_count).limit(0)` and `comments.summary(total_count).limit(0)`: the
 *   totals without the lists (Reactions and Comments edges, `summary`).
 * - `insights.metric(post_impressions,post_impressions_unique,post_clicks)`: lifetime Page post
 *   insights (graph-api/reference/insights). Meta keeps insights only for Pages with 100 or more
 *   likes and updates most of them once a day; a metric it did not return stays absent. Meta has
 *   announced that some Page insights metrics are retired by 15 June 2026: if these three are
 *   among them, Graph refuses the read with code 100 and the names here must change.
 * Errors are classified by ./graphErrors.ts (4/17/32/613 and 80001 throttling, 190 token, 100
 * invalid); 803 or 100/33 naming a post means it was deleted.
 */
import { countOf, reported } from '../metrics'
import type { MetricsSupport, PostMetrics } from '../../scheduler/exports/channels'
import { graphMetricsLimits, graphMetricsReader, insightValues, summaryCount } from './graphMetrics'

const FACEBOOK_METRIC_FIELDS = [
  'shares',
  'reactions.summary(total_count).limit(0)',
  'comments.summary(total_count).limit(0)',
  'insights.metric(post_impressions,post_impressions_unique,post_clicks)',
].join(',')

export const facebookMetricsSupport: MetricsSupport = {
  reports: ['impressions', 'reach', 'likes', 'comments', 'shares', 'clicks'],
  limits:
    'Facebook shows views, reach and clicks only for Pages with at least 100 likes, updated about once a day, and does not count saves.',
  ...graphMetricsLimits,
}

const sharesOf = (post: Record<string, unknown>): number | undefined => {
  const shares = post.shares
  if (shares === undefined) return 0
  return typeof shares === 'object' && shares !== null
    ? countOf((shares as Record<string, unknown>).count)
    : undefined
}

const facebookPostMetrics = (post: Record<string, unknown>): PostMetrics => {
  const insights = insightValues(post)
  return reported({
    impressions: insights.post_impressions,
    reach: insights.post_impressions_unique,
    clicks: insights.post_clicks,
    likes: summaryCount(post.reactions),
    comments: summaryCount(post.comments),
    shares: sharesOf(post),
  })
}

export const readFacebookMetrics = graphMetricsReader(
  'Facebook',
  FACEBOOK_METRIC_FIELDS,
  facebookPostMetrics,
)
