/**
 * The LinkedIn fake's Organization Share Statistics, `GET /rest/organizationalEntityShareStatistics
 * ?q=organizationalEntity&organizationalEntity=<org URN>&shares=List(…)&ugcPosts=List(…)`, as
 * learn.microsoft.com/linkedin/marketing/community-management/organizations/share-statistics
 * documents it:
 * - Rest.li 2.0 lists: each URN URL-encoded inside a literal `List(…)`; an unencoded URN there is a
 *   400, as LinkedIn cannot parse it;
 * - the caller must administer the organization (else 403 ACCESS_DENIED); a person URN is refused;
 * - `elements[{ organizationalEntity, share | ugcPost, totalShareStatistics { uniqueImpressionsCount,
 *   shareCount, engagement, clickCount, likeCount, impressionCount, commentCount } }]`, one per post
 *   LinkedIn still has: a deleted post is simply missing;
 * - over `limitMetrics`: 429 TOO_MANY_REQUESTS (no Retry-After, as LinkedIn sends none: its daily
 *   limits reset at midnight UTC); `failNextMetrics`: LinkedIn's 5xx body.
 * Counts are set in LinkedIn's names (`setCounts(urn, { likeCount: 2 })`), 0 otherwise; `null`
 * leaves a field out.
 */
import { countsFor, type FakeCounts, MetricsGate } from './metricsGate'
import { error, type Reply } from './linkedinErrors'

export const LINKEDIN_STATISTICS = [
  'uniqueImpressionsCount',
  'shareCount',
  'clickCount',
  'likeCount',
  'impressionCount',
  'commentCount',
] as const
export type LinkedInStatistic = (typeof LINKEDIN_STATISTICS)[number]

/** The raw (still encoded) value of a query parameter, to check how the client encoded it. */
const rawParam = (path: string, name: string): string | undefined =>
  path
    .split('?')[1]
    ?.split('&')
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1)

/** `List(urn%3Ali%3Ashare%3A1,…)` → the URNs, or `undefined` when it is not a Rest.li 2.0 list. */
const restliList = (raw: string | undefined): string[] | undefined => {
  if (raw === undefined) return []
  const inner = /^List\((.*)\)$/.exec(raw)?.[1]
  if (inner === undefined || inner.includes(':')) return undefined
  return inner === '' ? [] : inner.split(',').map(decodeURIComponent)
}

export const createLinkedInMetrics = (options: {
  has: (urn: string) => boolean
  now?: () => number
}) => {
  const gate = new MetricsGate(options.now)
  const counts = new Map<string, FakeCounts<LinkedInStatistic>>()

  const statistics = (path: string, url: URL, administers: string[]): Reply => {
    const organization = url.searchParams.get('organizationalEntity')
    if (url.searchParams.get('q') !== 'organizationalEntity' || !organization)
      return error(400, 'Finder q=organizationalEntity needs an organizationalEntity')
    if (!organization.startsWith('urn:li:organization:'))
      return error(400, `Invalid organizationalEntity ${organization}`, 'ILLEGAL_ARGUMENT')
    if (!administers.includes(organization))
      return error(
        403,
        'Not enough permissions to access: organizationalEntityShareStatistics.FINDER-organizationalEntity.20260901',
        'ACCESS_DENIED',
        100,
      )
    const shares = restliList(rawParam(path, 'shares'))
    const ugcPosts = restliList(rawParam(path, 'ugcPosts'))
    if (!shares || !ugcPosts)
      return error(400, 'Invalid query parameters passed to request', 'ILLEGAL_ARGUMENT')
    const asked = [...shares, ...ugcPosts]
    const verdict = gate.admit(asked)
    if (verdict.kind === 'server-error') return error(verdict.status, 'Internal Server Error')
    if (verdict.kind === 'rate-limited')
      return error(
        429,
        'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.',
        'TOO_MANY_REQUESTS',
        101,
      )
    const element = (key: 'share' | 'ugcPost') => (urn: string) => {
      const stats = countsFor(LINKEDIN_STATISTICS, counts.get(urn))
      const engaged =
        (stats.clickCount ?? 0) +
        (stats.likeCount ?? 0) +
        (stats.commentCount ?? 0) +
        (stats.shareCount ?? 0)
      return {
        organizationalEntity: organization,
        [key]: urn,
        totalShareStatistics: {
          ...stats,
          engagement: stats.impressionCount ? engaged / stats.impressionCount : 0,
        },
      }
    }
    const elements = [
      ...shares.filter(options.has).map(element('share')),
      ...ugcPosts.filter(options.has).map(element('ugcPost')),
    ]
    return {
      status: 200,
      body: { paging: { start: 0, count: 10, links: [] }, elements },
    }
  }

  return {
    gate,
    statistics,
    setCounts(urn: string, set: FakeCounts<LinkedInStatistic>): void {
      if (!options.has(urn)) throw new Error(`the LinkedIn fake has no post ${urn}`)
      counts.set(urn, { ...counts.get(urn), ...set })
    },
  }
}
