import { describe, expect, it } from 'vitest'

import { callSpacingMs } from '../../../../plugins/scheduler/metrics/sql/budget'
import {
  firstReadingAt,
  MEASURED_FOR_MS,
  nextReadingAt,
  retryReadingAt,
} from '../../../../plugins/scheduler/metrics/schedule'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const published = new Date('2026-11-01T10:15:00Z')
const at = (ms: number) => new Date(published.getTime() + ms)
const ageOfNext = (ageMs: number) => {
  const next = nextReadingAt(published, at(ageMs))
  return next === null ? null : next.getTime() - published.getTime()
}

describe('when a live post is read next', () => {
  it('is one hour after it went out, first', () => {
    expect(firstReadingAt(published)).toEqual(at(HOUR))
  })

  it('is the next whole hour of its age for 48 hours, however late this reading ran', () => {
    expect(ageOfNext(HOUR)).toBe(2 * HOUR)
    expect(ageOfNext(HOUR + 59 * 60_000)).toBe(2 * HOUR)
    expect(ageOfNext(47 * HOUR + 1)).toBe(48 * HOUR)
  })

  it('is the next whole day from 48 hours to 30 days', () => {
    expect(ageOfNext(48 * HOUR)).toBe(3 * DAY)
    expect(ageOfNext(3 * DAY + 5 * HOUR)).toBe(4 * DAY)
    expect(ageOfNext(30 * DAY - 1)).toBe(30 * DAY)
  })

  it('is weekly from 30 to 90 days, ending with a reading at 90 days exactly', () => {
    expect(ageOfNext(30 * DAY)).toBe(35 * DAY)
    expect(ageOfNext(84 * DAY)).toBe(90 * DAY)
    expect(ageOfNext(89 * DAY)).toBe(90 * DAY)
    expect(ageOfNext(MEASURED_FOR_MS)).toBeNull()
    expect(ageOfNext(200 * DAY)).toBeNull()
  })

  it('comes to about 85 readings in all', () => {
    let age = HOUR
    let readings = 0
    while (age !== null) {
      readings++
      age = ageOfNext(age) as number
    }
    expect(readings).toBe(48 + 28 + 9)
  })
})

describe('retrying a failed reading', () => {
  const now = new Date('2026-11-05T00:00:00Z')
  it('backs off 1, 2, 4 … minutes up to an hour', () => {
    expect(retryReadingAt(now, 1).getTime() - now.getTime()).toBe(60_000)
    expect(retryReadingAt(now, 3).getTime() - now.getTime()).toBe(4 * 60_000)
    expect(retryReadingAt(now, 20).getTime() - now.getTime()).toBe(HOUR)
  })
  it("waits at least as long as the network's Retry-After", () => {
    expect(retryReadingAt(now, 1, 10 * 60_000).getTime() - now.getTime()).toBe(10 * 60_000)
  })
})

describe('pacing reads inside a rate limit', () => {
  it('spaces calls so no window, fixed or rolling, holds more than the limit', () => {
    // Mastodon: 300 per 5 minutes, one status a call.
    expect(
      callSpacingMs({
        reports: [],
        limits: '',
        batchSize: 1,
        rateLimit: { calls: 300, windowMs: 300_000 },
      }),
    ).toBeCloseTo(300_000 / 299)
    // Meta: 200 per hour, each of up to 50 ids a call.
    expect(
      callSpacingMs({
        reports: [],
        limits: '',
        batchSize: 50,
        rateLimit: { calls: 200, windowMs: HOUR },
        callsFor: (n) => n,
      }),
    ).toBe(HOUR / 150)
  })
})
