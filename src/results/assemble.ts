/**
 * Turns what the results queries read into the report (pure, so every rule of the report is
 * unit-tested without a database): KPI progress against a straight-line expectation, sums per
 * channel, running totals per day, the best and worst posts.
 */
import type { CampaignScope } from './sql/campaignScope'
import type { PostRow } from './sql/campaignPosts'
import type { DayChange } from './sql/dailyTotals'
import type {
  CampaignResults,
  ChannelResults,
  DayResults,
  KpiProgress,
  PostResults,
  Totals,
} from './types'

const DAY = 86_400_000
/** How long after its last post a campaign's daily series goes on (posts are measured 90 days). */
const FOLLOW_MS = 90 * DAY
const RANKED = 5

/** A sum that stays `null` until some value is known: "not reported" is not 0. */
const addKnown = (sum: number | null, value: number | null) =>
  value === null ? sum : (sum ?? 0) + value

const emptyTotals = (): Totals => ({
  reach: null,
  impressions: null,
  engagement: null,
  clicks: 0,
  views: 0,
})

const addTo = (totals: Totals, post: Totals) => {
  totals.reach = addKnown(totals.reach, post.reach)
  totals.impressions = addKnown(totals.impressions, post.impressions)
  totals.engagement = addKnown(totals.engagement, post.engagement)
  totals.clicks += post.clicks
  totals.views += post.views
}

/** How far through its run the campaign is at `now`: 0 before it starts, 1 once it has ended. */
export const elapsedShare = (startsAt: Date, endsAt: Date, now: Date): number => {
  const span = endsAt.getTime() - startsAt.getTime()
  if (span <= 0) return now >= endsAt ? 1 : 0
  return Math.min(1, Math.max(0, (now.getTime() - startsAt.getTime()) / span))
}

export const kpiProgress = (
  scope: CampaignScope,
  totals: Totals & { signups: number },
  now: Date,
): KpiProgress[] => {
  const share = elapsedShare(scope.campaign.startsAt, scope.campaign.endsAt, now)
  return scope.kpis.map((kpi) => {
    const actual =
      kpi.measure === 'manual'
        ? kpi.actual
        : kpi.measure === 'signups'
          ? totals.signups
          : // A measure no post could report (reach on Mastodon alone) has reached nothing yet.
            (totals[kpi.measure] ?? 0)
    const expectedByNow = Math.round(kpi.target * share)
    return {
      metric: kpi.metric,
      unit: kpi.unit,
      measure: kpi.measure,
      target: kpi.target,
      actual,
      progress: actual === null || kpi.target === 0 ? null : actual / kpi.target,
      expectedByNow,
      behind: share > 0 && actual !== null && actual < expectedByNow,
    }
  })
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10)

/** Running totals for every day of the range, the days without a change included. */
export const runningDays = (changes: DayChange[], from: string, to: string): DayResults[] => {
  const byDay = new Map(changes.map((change) => [change.day, change]))
  const running: Totals = emptyTotals()
  // Changes before the range (a post published before the campaign's start) count from its first day.
  for (const change of changes) if (change.day < from) addTo(running, change)
  const days: DayResults[] = []
  for (let at = Date.parse(`${from}T00:00:00Z`); dayOf(new Date(at)) <= to; at += DAY) {
    const day = dayOf(new Date(at))
    const change = byDay.get(day)
    if (change) addTo(running, change)
    days.push({ day, ...running })
  }
  return days
}

/** Most engagement first, then clicks; posts with no engagement reported come after. */
const rank = (a: PostResults, b: PostResults) =>
  (b.engagement ?? -1) - (a.engagement ?? -1) ||
  b.clicks - a.clicks ||
  a.publication - b.publication

export const assembleResults = (args: {
  scope: CampaignScope
  posts: PostRow[]
  changes: DayChange[]
  now: Date
  labelOf: (channel: string) => string
  limitsOf: (channel: string) => string | undefined
}): CampaignResults => {
  const { scope, now, labelOf } = args
  const posts: PostResults[] = args.posts.map((row) => ({
    publication: row.id,
    channel: row.channel,
    label: labelOf(row.channel),
    account: row.account,
    document: { collection: row.collection, id: row.documentId, title: row.title },
    publishedAt: row.publishedAt?.toISOString() ?? null,
    remoteUrl: row.remoteUrl,
    state: row.state,
    reach: row.reach,
    impressions: row.impressions,
    engagement: row.engagement,
    clicks: row.clicks,
    views: row.views,
    engagementRate:
      row.engagement !== null && row.reach
        ? Math.round((row.engagement / row.reach) * 1e4) / 1e4
        : null,
    measuredAt: row.measuredAt?.toISOString() ?? null,
  }))

  const totals = { ...emptyTotals(), posts: posts.length, signups: scope.signups }
  const channels = new Map<string, ChannelResults>()
  for (const post of posts) {
    addTo(totals, post)
    const channel = channels.get(post.channel) ?? {
      channel: post.channel,
      label: post.label,
      posts: 0,
      ...emptyTotals(),
    }
    channel.posts++
    addTo(channel, post)
    channels.set(post.channel, channel)
  }

  const firstPost = posts.reduce<number | null>((first, post) => {
    const at = post.publishedAt ? Date.parse(post.publishedAt) : null
    return at !== null && (first === null || at < first) ? at : first
  }, null)
  const lastPost = posts.reduce(
    (last, post) => Math.max(last, post.publishedAt ? Date.parse(post.publishedAt) : 0),
    0,
  )
  const from = dayOf(new Date(Math.min(scope.campaign.startsAt.getTime(), firstPost ?? Infinity)))
  const end = Math.max(scope.campaign.endsAt.getTime(), lastPost + FOLLOW_MS)
  const to = dayOf(
    new Date(Math.max(Date.parse(`${from}T00:00:00Z`), Math.min(now.getTime(), end))),
  )

  const ranked = posts.filter((post) => post.engagement !== null || post.clicks > 0).sort(rank)
  const best = ranked.slice(0, RANKED).map((post) => post.publication)
  const worst = ranked
    .slice(RANKED)
    .slice(-RANKED)
    .reverse()
    .map((post) => post.publication)

  return {
    campaign: {
      id: scope.campaign.id,
      title: scope.campaign.title,
      startsAt: scope.campaign.startsAt.toISOString(),
      endsAt: scope.campaign.endsAt.toISOString(),
    },
    generatedAt: now.toISOString(),
    range: { from, to },
    totals,
    kpis: kpiProgress(scope, totals, now),
    channels: [...channels.values()].sort(
      (a, b) => b.posts - a.posts || a.label.localeCompare(b.label),
    ),
    daily: runningDays(args.changes, from, to),
    posts,
    best,
    worst,
    limits: [...channels.keys()].flatMap((channel) => {
      const text = args.limitsOf(channel)
      return text ? [{ channel, label: labelOf(channel), text }] : []
    }),
  }
}
