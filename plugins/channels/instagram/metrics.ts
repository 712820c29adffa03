/**
 * Instagram media counts, in one Graph multiple-ID read (../facebook/graphMetrics.ts: 50 ids, each
 * id a call of the 200-per-hour limit) with the media insights as a field expansion:
 * `insights.metric(reach,likes,comments,shares,saved,views)` (IG Media Insights reference:
 * lifetime metrics of a feed post or reel; `views` replaced `impressions` and `plays` in 2025).
 * Values arrive as `insights.data[{ name, values: [{ value }] }]`; one Instagram did not return
 * stays absent. Instagram has no click count on a post, and its API deletes nothing, so a media is
 * "gone" only when the person removed it in the app (Graph: 803 or 100/33 naming it).
 */
import { reported } from '../metrics'
import type { MetricsSupport, PostMetrics } from '../../scheduler/exports/channels'
import { graphMetricsLimits, graphMetricsReader, insightValues } from '../facebook/graphMetrics'

const INSTAGRAM_METRIC_FIELDS = 'insights.metric(reach,likes,comments,shares,saved,views)'

export const instagramMetricsSupport: MetricsSupport = {
  reports: ['impressions', 'reach', 'likes', 'comments', 'shares', 'saves'],
  limits: 'Instagram does not count clicks on a post, so clicks are not reported.',
  ...graphMetricsLimits,
}

const instagramMediaMetrics = (media: Record<string, unknown>): PostMetrics => {
  const insights = insightValues(media)
  return reported({
    impressions: insights.views,
    reach: insights.reach,
    likes: insights.likes,
    comments: insights.comments,
    shares: insights.shares,
    saves: insights.saved,
  })
}

export const readInstagramMetrics = graphMetricsReader(
  'Instagram',
  INSTAGRAM_METRIC_FIELDS,
  instagramMediaMetrics,
)
