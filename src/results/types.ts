/**
 * A campaign's results (issue 18): what the report API (`GET /api/campaigns/:id/results`) sends,
 * what the Results tab draws and what the CSV export writes.
 *
 * Glossary
 * - post          one publication of the campaign or of a document linked to it (its stories,
 *                 events, videos), live now or once.
 * - reach         people reached: the network's reach where it reports one, else its impressions,
 *                 else a video's views (a sum over posts, so one person seen on two networks counts
 *                 twice, as in every social scheduler's report).
 * - engagement    likes + comments + shares + saves, as each network counts them.
 * - clicks        first-party short-link clicks (`/l/<code>`), bots not counted.
 * - views         web views of the campaign's items on the site (the beacon), per day.
 * - sign-ups      sign-ups for the campaign's community events, as recorded on each event.
 * - measure       what a KPI is compared with: one of the sums above, or `manual` (a figure the
 *                 team enters itself, e.g. screenings booked).
 */

export const measures = [
  'reach',
  'impressions',
  'engagement',
  'clicks',
  'views',
  'signups',
  'manual',
] as const
export type Measure = (typeof measures)[number]

/** The sums every level of the report carries. `null` where no post could report it. */
export type Totals = {
  reach: number | null
  impressions: number | null
  engagement: number | null
  clicks: number
  views: number
}

export type KpiProgress = {
  metric: string
  unit: string | null
  measure: Measure
  target: number
  /** Today's figure; `null` for a `manual` KPI nobody has filled in. */
  actual: number | null
  /** actual / target (0.5 = half way), `null` when `actual` is. */
  progress: number | null
  /**
   * What a straight line from 0 at the campaign's start to the target at its end says should be
   * reached by now (the target itself once the campaign is over, 0 before it starts).
   */
  expectedByNow: number
  /** The campaign has started and `actual` is below `expectedByNow`. */
  behind: boolean
}

export type ChannelResults = Totals & {
  channel: string
  /** How people read it: "Mastodon", "Website". */
  label: string
  posts: number
}

/** One day: the running totals at the end of that day (UTC), so each series only goes up. */
export type DayResults = Totals & { day: string /* YYYY-MM-DD */ }

export type PostResults = Totals & {
  publication: number
  channel: string
  label: string
  /** The channel account's name, when it has one (the website has none). */
  account: string | null
  document: { collection: string; id: number; title: string }
  publishedAt: string | null
  /** Where the live post is, when the network said. */
  remoteUrl: string | null
  state: string
  /** engagement / reach, when both are known and reach > 0. */
  engagementRate: number | null
  /** When the network's counts were last read. */
  measuredAt: string | null
}

export type CampaignResults = {
  campaign: { id: number; title: string; startsAt: string; endsAt: string }
  generatedAt: string
  /** The days `daily` covers: the campaign's first post (or start) to today or the end of its 90 days. */
  range: { from: string; to: string }
  totals: Totals & { posts: number; signups: number }
  kpis: KpiProgress[]
  channels: ChannelResults[]
  daily: DayResults[]
  posts: PostResults[]
  /** The posts with the most and the least engagement (then clicks), up to five each. */
  best: number[]
  worst: number[]
  /** For each network in the report, what it cannot count, in a sentence. */
  limits: { channel: string; label: string; text: string }[]
}
