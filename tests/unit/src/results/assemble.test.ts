import { describe, expect, it } from 'vitest'

import { assembleResults, elapsedShare, runningDays } from '../../../../src/results/assemble'
import type { CampaignScope } from '../../../../src/results/sql/campaignScope'
import type { PostRow } from '../../../../src/results/sql/campaignPosts'

const scope = (kpis: CampaignScope['kpis'] = []): CampaignScope => ({
  campaign: {
    id: 7,
    title: 'Heart Month',
    startsAt: new Date('2026-02-01T00:00:00Z'),
    endsAt: new Date('2026-03-03T00:00:00Z'),
  },
  kpis,
  documents: { campaigns: [7] },
  signups: 42,
})

const post = (id: number, over: Partial<PostRow> = {}): PostRow => ({
  id,
  channel: 'mastodon',
  state: 'published',
  publishedAt: new Date('2026-02-02T10:00:00Z'),
  remoteUrl: `https://social.example/@clinic/${id}`,
  account: 'Clinic',
  collection: 'campaigns',
  documentId: 7,
  title: 'Heart Month',
  measuredAt: new Date('2026-02-03T10:00:00Z'),
  reach: null,
  impressions: null,
  engagement: 10,
  clicks: 0,
  views: 0,
  ...over,
})

const build = (posts: PostRow[], kpis: CampaignScope['kpis'] = [], now = '2026-02-16T00:00:00Z') =>
  assembleResults({
    scope: scope(kpis),
    posts,
    changes: [],
    now: new Date(now),
    labelOf: (channel) => ({ mastodon: 'Mastodon', x: 'X', web: 'Website' })[channel] ?? channel,
    limitsOf: (channel) => (channel === 'mastodon' ? 'Mastodon does not count views.' : undefined),
  })

describe('KPI progress', () => {
  it('compares each measure with its target and a straight line from start to end', () => {
    const results = build(
      [
        post(1, { reach: 4000, engagement: 120, clicks: 30 }),
        post(2, { channel: 'x', reach: 1000, engagement: 80, clicks: 20 }),
        post(3, { channel: 'web', engagement: null, views: 900 }),
      ],
      [
        { metric: 'People reached', measure: 'reach', target: 20000, actual: null, unit: null },
        { metric: 'Clicks', measure: 'clicks', target: 80, actual: null, unit: 'clicks' },
        { metric: 'Site visits', measure: 'views', target: 1000, actual: null, unit: null },
        { metric: 'Sign-ups', measure: 'signups', target: 40, actual: null, unit: null },
        { metric: 'Screenings', measure: 'manual', target: 400, actual: 150, unit: null },
        { metric: 'Quiz completions', measure: 'manual', target: 100, actual: null, unit: null },
      ],
    )
    // Half-way through (Feb 1 → Mar 3, now Feb 16).
    const [reach, clicks, views, signups, screenings, quiz] = results.kpis
    expect(reach).toMatchObject({
      actual: 5000,
      expectedByNow: 10000,
      progress: 0.25,
      behind: true,
    })
    expect(clicks).toMatchObject({ actual: 50, expectedByNow: 40, behind: false })
    expect(views).toMatchObject({ actual: 900, behind: false })
    expect(signups).toMatchObject({ actual: 42, behind: false })
    expect(screenings).toMatchObject({ actual: 150, expectedByNow: 200, behind: true })
    // Nobody entered it: no progress, and not called behind on a guess.
    expect(quiz).toMatchObject({ actual: null, progress: null, behind: false })
  })

  it('expects nothing before the start and the whole target after the end', () => {
    const start = new Date('2026-02-01T00:00:00Z')
    const end = new Date('2026-03-03T00:00:00Z')
    expect(elapsedShare(start, end, new Date('2026-01-01T00:00:00Z'))).toBe(0)
    expect(elapsedShare(start, end, new Date('2026-04-01T00:00:00Z'))).toBe(1)
    const early = build(
      [],
      [{ metric: 'Reach', measure: 'reach', target: 100, actual: null, unit: null }],
      '2026-01-20T00:00:00Z',
    )
    expect(early.kpis[0]).toMatchObject({ actual: 0, expectedByNow: 0, behind: false })
  })
})

describe('sums', () => {
  it('keeps "not reported" apart from 0, per channel and in all', () => {
    const results = build([post(1, { reach: null }), post(2, { channel: 'x', reach: 300 })])
    expect(results.totals).toMatchObject({ reach: 300, engagement: 20, posts: 2, signups: 42 })
    const mastodon = results.channels.find((c) => c.channel === 'mastodon')!
    expect(mastodon).toMatchObject({ label: 'Mastodon', posts: 1, reach: null, engagement: 10 })
    expect(results.limits).toEqual([
      { channel: 'mastodon', label: 'Mastodon', text: 'Mastodon does not count views.' },
    ])
  })

  it('gives an engagement rate only where reach is known and above 0', () => {
    const results = build([post(1, { reach: 200, engagement: 9 }), post(2, { reach: 0 })])
    expect(results.posts.map((p) => p.engagementRate)).toEqual([0.045, null])
  })
})

describe('best and worst posts', () => {
  it('ranks by engagement, then clicks, and never lists a post in both', () => {
    const posts = Array.from({ length: 12 }, (_, i) =>
      post(i + 1, { engagement: i * 10, clicks: i }),
    )
    const results = build(posts)
    expect(results.best).toEqual([12, 11, 10, 9, 8])
    expect(results.worst).toEqual([1, 2, 3, 4, 5])
    const few = build([
      post(1, { engagement: 5 }),
      post(2, { engagement: 50 }),
      post(3, { engagement: null, clicks: 0 }),
    ])
    expect(few.best).toEqual([2, 1])
    expect(few.worst).toEqual([])
  })
})

describe('the daily series', () => {
  it('carries running totals over days without a change, counting earlier changes from the first day', () => {
    const days = runningDays(
      [
        { day: '2026-01-30', reach: 10, impressions: null, engagement: 1, clicks: 0, views: 0 },
        { day: '2026-02-02', reach: 100, impressions: null, engagement: 5, clicks: 3, views: 7 },
        { day: '2026-02-04', reach: 50, impressions: null, engagement: null, clicks: 1, views: 0 },
      ],
      '2026-02-01',
      '2026-02-05',
    )
    expect(days.map((d) => [d.day, d.reach, d.engagement, d.clicks, d.views])).toEqual([
      ['2026-02-01', 10, 1, 0, 0],
      ['2026-02-02', 110, 6, 3, 7],
      ['2026-02-03', 110, 6, 3, 7],
      ['2026-02-04', 160, 6, 4, 7],
      ['2026-02-05', 160, 6, 4, 7],
    ])
  })

  it('runs from the campaign start to today while it is under way', () => {
    const results = build([post(1)])
    expect(results.range).toEqual({ from: '2026-02-01', to: '2026-02-16' })
    expect(results.daily).toHaveLength(16)
  })
})
