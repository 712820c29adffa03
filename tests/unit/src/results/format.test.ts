import { describe, expect, it } from 'vitest'

import {
  barPercent,
  behindLine,
  chartableKpis,
  dailyWithPace,
  dayTicks,
  expectedOn,
  formatCount,
  formatDate,
  formatDay,
  formatRate,
  kpiBehindText,
  kpiFigures,
  kpiProgressText,
  postsByIds,
  withUnit,
} from '../../../../src/results/admin/format'
import { heartMonth } from './fixture'

const [reach, clicks, screenings] = heartMonth.kpis

describe('the results figures in words', () => {
  it('writes counts with separators and an unknown figure as a dash, never "null"', () => {
    expect(formatCount(12000)).toBe('12,000')
    expect(formatCount(0)).toBe('0')
    expect(formatCount(null)).toBe('—')
    expect(formatCount(Number.NaN)).toBe('—')
    expect(formatRate(0.0345)).toBe('3.5%')
    expect(formatRate(null)).toBe('—')
  })

  it('puts the unit after the figure, and a percent sign against it', () => {
    expect(withUnit(1200, 'people')).toBe('1,200 people')
    expect(withUnit(45, '%')).toBe('45%')
    expect(withUnit(45, null)).toBe('45')
  })

  it("says a KPI's figures, progress and lag as the cards show them", () => {
    expect(kpiFigures(reach)).toBe('3,550 of 40,000 people')
    expect(kpiProgressText(reach)).toBe('9% of target')
    expect(kpiBehindText(reach)).toBe('Behind: expected 13,274 people by now')
    expect(kpiFigures(clicks)).toBe('260 of 500')
    expect(kpiFigures(screenings)).toBe('— of 120 screenings')
    expect(kpiProgressText(screenings)).toBe('Not entered yet')
  })

  it("writes the dashboard's line for a KPI behind", () => {
    expect(
      behindLine({ ...reach, unit: null, actual: 1200, target: 10000, expectedByNow: 4000 }),
    ).toBe('Reach 1,200 of 10,000 — 4,000 expected by now')
  })

  it('fills the bar in proportion, and stops at full for a target passed', () => {
    expect(barPercent(0.25)).toBe(25)
    expect(barPercent(1.8)).toBe(100)
    expect(barPercent(null)).toBe(0)
    expect(barPercent(-1)).toBe(0)
  })

  it('shows report days as the UTC days they are, and instants as dates', () => {
    expect(formatDay('2025-02-03')).toBe('Feb 3')
    expect(formatDay(Date.parse('2025-02-03T00:00:00Z'))).toBe('Feb 3')
    // Mid-day UTC: the same date in every zone the team could be in.
    expect(formatDate('2025-02-03T14:00:00.000Z')).toBe('Feb 3, 2025')
    expect(formatDate(null)).toBe('')
  })
})

describe('the results helpers', () => {
  it('finds the best and worst posts by publication id, in order', () => {
    expect(postsByIds(heartMonth.posts, [102, 101]).map((p) => p.publication)).toEqual([102, 101])
    expect(postsByIds(heartMonth.posts, [999, 103]).map((p) => p.publication)).toEqual([103])
  })

  it('offers a target line only for KPIs the daily totals measure', () => {
    expect(chartableKpis(heartMonth.kpis).map((kpi) => kpi.metric)).toEqual([
      'Reach',
      'Link clicks',
    ])
    expect(chartableKpis([{ ...reach, measure: 'signups' }])).toEqual([])
  })

  it('draws the same straight line to the target that "behind" is measured on', () => {
    const { campaign } = heartMonth
    expect(expectedOn('2025-01-20', campaign, 28000)).toBe(0)
    // Feb 1 ends 19 h after the 05:00 UTC start, of a 28-day campaign.
    expect(expectedOn('2025-02-01', campaign, 28000)).toBe(Math.round((28000 * 19) / (28 * 24)))
    expect(expectedOn('2025-02-14', campaign, 28000)).toBe(Math.round((28000 * 331) / (28 * 24)))
    expect(expectedOn('2025-03-10', campaign, 28000)).toBe(28000)
    const instant = { ...campaign, endsAt: campaign.startsAt }
    expect(expectedOn('2025-01-31', instant, 10)).toBe(0)
    expect(expectedOn('2025-02-01', instant, 10)).toBe(10)
  })

  it('adds the chosen KPI’s expected figure to each day, or none', () => {
    const paced = dailyWithPace(heartMonth, reach)
    expect(paced.map((day) => day.day)).toEqual(heartMonth.daily.map((day) => day.day))
    // Today's point is read at the report's time: the card's "expected by now".
    expect(paced.at(-1)?.expected).toBe(reach.expectedByNow)
    expect(paced[0].expected).toBe(expectedOn('2025-02-03', heartMonth.campaign, 40000))
    expect(dailyWithPace(heartMonth, undefined).every((day) => day.expected === null)).toBe(true)
  })

  it('labels at most eight days of the time axis, each a day the report has', () => {
    const day = 86_400_000
    const ninety = Array.from({ length: 90 }, (_, i) => i * day)
    const { domain, ticks } = dayTicks(ninety)
    expect(domain).toEqual([0, 89 * day])
    expect(ticks.length).toBeLessThanOrEqual(8)
    expect(ticks.every((tick) => ninety.includes(tick))).toBe(true)
    expect(dayTicks([5 * day])).toEqual({ domain: [5 * day, 6 * day], ticks: [5 * day] })
    expect(dayTicks([]).ticks).toEqual([])
  })

  it('puts each day on the time axis at its start', () => {
    expect(dailyWithPace(heartMonth, undefined)[0].at).toBe(Date.parse('2025-02-03T00:00:00Z'))
  })
})
