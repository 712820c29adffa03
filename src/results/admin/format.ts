/**
 * How the Results tab and the dashboard panel write figures and dates, and the few sums they draw
 * that the report doesn't carry. Pure, so the words a marketer reads are tested without a browser.
 */
import type { CampaignResults, DayResults, KpiProgress, PostResults } from '../types'

// en-US like the rest of the admin (CountTiles, when.ts): the team reads one format everywhere.
const LOCALE = 'en-US'
const counts = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 })
const compact = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 })
const percents = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 0 })
const rates = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 })
// `daily` days are UTC days: shown in the browser's zone, Feb 3 would read Feb 2 in New York.
const days = new Intl.DateTimeFormat(LOCALE, { month: 'short', day: 'numeric', timeZone: 'UTC' })
// Instants (a post's publication, the campaign's start) are read in the reader's own zone, the
// hospital's, so a 9 pm post isn't listed under tomorrow.
const dates = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium' })
const instants = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' })

/** What a figure no network reported reads as, in tables and cards alike. */
export const NOT_REPORTED = '—'

export const formatCount = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value)
    ? NOT_REPORTED
    : counts.format(value)

/** Axis ticks, where "12K" fits and "12,000" crowds. */
export const formatCompact = (value: number) => compact.format(value)

/** A KPI's progress (0.5 → "50%"). */
export const formatProgress = (fraction: number) => percents.format(fraction)

/** An engagement rate, where a tenth of a percent matters (0.034 → "3.4%"). */
export const formatRate = (fraction: number | null) =>
  fraction === null ? NOT_REPORTED : rates.format(fraction)

const DAY_MS = 86_400_000

/** The instant a report day (`YYYY-MM-DD`, UTC) starts, for a time axis. */
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`)

/** A report day, short: "Feb 3". Takes the day or its start in ms (what a time axis hands back). */
export const formatDay = (day: string | number) =>
  days.format(typeof day === 'number' ? new Date(day) : new Date(dayStart(day)))

/** The date of an instant: "Feb 1, 2025". */
export const formatDate = (iso: string | null) => (iso ? dates.format(new Date(iso)) : '')

/** An instant in the reader's own zone ("updated Feb 10, 2025, 7:00 AM"). */
export const formatInstant = (iso: string) => instants.format(new Date(iso))

/** "1,200 people", "45%", or the bare figure when the KPI has no unit. */
export const withUnit = (value: number, unit: string | null) => {
  const figure = formatCount(value)
  if (!unit) return figure
  return unit === '%' ? `${figure}%` : `${figure} ${unit}`
}

/** A KPI card's main line: "1,200 of 10,000 people". */
export const kpiFigures = (kpi: KpiProgress) =>
  kpi.actual === null
    ? `${NOT_REPORTED} of ${withUnit(kpi.target, kpi.unit)}`
    : `${formatCount(kpi.actual)} of ${withUnit(kpi.target, kpi.unit)}`

/** Under the bar: how far along, in words as well as width. */
export const kpiProgressText = (kpi: KpiProgress) =>
  kpi.progress === null ? 'Not entered yet' : `${formatProgress(kpi.progress)} of target`

export const kpiBehindText = (kpi: KpiProgress) =>
  `Behind: expected ${withUnit(kpi.expectedByNow, kpi.unit)} by now`

export const MANUAL_KPI_TEXT = 'Manual KPI — enter the figure on the campaign'

/** The dashboard's line for a KPI behind: "Reach 1,200 of 10,000 — 4,000 expected by now". */
export const behindLine = (kpi: KpiProgress) =>
  `${kpi.metric} ${kpiFigures(kpi)} — ${withUnit(kpi.expectedByNow, kpi.unit)} expected by now`

/** The bar's width, in percent: a campaign past its target fills the bar and stops. */
export const barPercent = (progress: number | null) =>
  progress === null || !Number.isFinite(progress) ? 0 : Math.min(100, Math.max(0, progress * 100))

/** The posts `best` or `worst` name, in that order (an id with no post is skipped, not shown blank). */
export const postsByIds = (posts: PostResults[], ids: number[]) =>
  ids.flatMap((id) => posts.filter((post) => post.publication === id))

/** The running totals the "Over time" chart can draw a KPI's target against. */
export type DailySeries = keyof Omit<DayResults, 'day'>
const dailySeries: readonly DailySeries[] = [
  'reach',
  'impressions',
  'engagement',
  'clicks',
  'views',
]

export const isDailySeries = (measure: string): measure is DailySeries =>
  (dailySeries as readonly string[]).includes(measure)

/** KPIs measured by one of the daily running totals: the ones a target line makes sense for. */
export const chartableKpis = (kpis: KpiProgress[]) =>
  kpis.filter((kpi) => isDailySeries(kpi.measure))

/**
 * The same straight line `expectedByNow` is measured on (0 at the start, the target at the end),
 * read at the end of each day, or at the report's time for today, so the chart's last point and
 * the card's "expected by now" are the same figure.
 */
export const expectedOn = (
  day: string,
  campaign: CampaignResults['campaign'],
  target: number,
  now = Number.POSITIVE_INFINITY,
): number => {
  const start = Date.parse(campaign.startsAt)
  const end = Date.parse(campaign.endsAt)
  const at = Math.min(dayStart(day) + DAY_MS, now)
  if (!(end > start)) return at >= end ? target : 0
  const share = Math.min(1, Math.max(0, (at - start) / (end - start)))
  return Math.round(target * share)
}

/** `daily` with each day's expected figure for the chosen KPI, as the line chart reads it. */
export const dailyWithPace = (results: CampaignResults, kpi: KpiProgress | undefined) =>
  results.daily.map((day) => ({
    ...day,
    at: dayStart(day.day),
    expected: kpi
      ? expectedOn(day.day, results.campaign, kpi.target, Date.parse(results.generatedAt))
      : null,
  }))

/**
 * The time axis's extent and labelled days: at most `most` of them, evenly spread and always on a
 * day's start (a scale's own "nice" ticks fall between days and repeat a date). A single day gets
 * a day's width so the axis isn't zero wide.
 */
export const dayTicks = (days: number[], most = 8) => {
  if (!days.length) return { domain: [0, DAY_MS] as [number, number], ticks: [] }
  const first = Math.min(...days)
  const last = Math.max(...days)
  const every = Math.ceil(days.length / most)
  return {
    domain: [first, last > first ? last : first + DAY_MS] as [number, number],
    ticks: days.filter((_day, index) => index % every === 0),
  }
}
