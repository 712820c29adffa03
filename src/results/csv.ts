/**
 * The Results tab's CSV export (issue 18): the campaign's posts, one row each.
 *
 * Layout: a single table with one header row, one row per post, and nothing before or after it.
 * Excel opens it as an ordinary sheet, and Power BI, Tableau, Looker Studio or pandas read it
 * with no rows to skip and no rows to filter out. A `section` column (KPIs, days and posts in one
 * file) would make every reader filter first and leave most cells blank on every row. Everything
 * else the tab shows can be rebuilt from these rows: the channel and day totals are sums over them,
 * KPIs are those sums against targets. The two things that cannot (manual KPI figures and event
 * sign-ups) are on the campaign itself, and the JSON report carries them all. The campaign's id
 * and title are repeated on each row so exports of several campaigns can be stacked into one table.
 */
import type { CampaignResults, PostResults } from './types'

type Cell = string | number | null

const columns: [header: string, value: (post: PostResults, results: CampaignResults) => Cell][] = [
  ['campaign_id', (_post, results) => results.campaign.id],
  ['campaign_title', (_post, results) => results.campaign.title],
  ['publication_id', (post) => post.publication],
  ['channel', (post) => post.channel],
  ['channel_label', (post) => post.label],
  ['account', (post) => post.account],
  ['document_collection', (post) => post.document.collection],
  ['document_id', (post) => post.document.id],
  ['document_title', (post) => post.document.title],
  ['published_at', (post) => post.publishedAt],
  ['state', (post) => post.state],
  ['reach', (post) => post.reach],
  ['impressions', (post) => post.impressions],
  ['engagement', (post) => post.engagement],
  ['clicks', (post) => post.clicks],
  ['views', (post) => post.views],
  // A fraction (0.0345 is 3.45 %), as BI tools expect, rounded so float noise doesn't show.
  [
    'engagement_rate',
    (post) => (post.engagementRate === null ? null : Number(post.engagementRate.toFixed(6))),
  ],
  ['measured_at', (post) => post.measuredAt],
  ['remote_url', (post) => post.remoteUrl],
]

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (OWASP's "CSV injection"):
 * a post title like `=HYPERLINK(...)` must stay text. Numbers are written as numbers and never
 * start with one (every figure here is a count of zero or more).
 */
const FORMULA_START = /^[=+\-@\t\r]/

const NEEDS_QUOTES = /[",\r\n]/

const cell = (value: Cell): string => {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

const row = (cells: Cell[]) => `${cells.map(cell).join(',')}\r\n`

/**
 * RFC 4180 text (CRLF line ends, fields quoted only when they must be), with a byte-order mark:
 * without it Excel reads the file as the system's legacy code page and garbles "São Paulo".
 */
export const resultsCsv = (results: CampaignResults): string =>
  '\uFEFF' +
  row(columns.map(([header]) => header)) +
  results.posts.map((post) => row(columns.map(([, value]) => value(post, results)))).join('')
