import { describe, expect, it } from 'vitest'

import { fromWallTime, wallTimeIn } from '../../../../plugins/scheduler/lib/wallTime'

describe('wall-clock time in a named zone', () => {
  it("reads an instant as the clock on the wall in the post's zone, not the machine's", () => {
    expect(wallTimeIn('2026-12-05T14:00:00.000Z', 'America/New_York')).toBe('2026-12-05T09:00:00')
    expect(wallTimeIn('2026-07-05T14:00:00.000Z', 'America/New_York')).toBe('2026-07-05T10:00:00')
    expect(wallTimeIn('2026-12-05T14:00:00.000Z', 'Asia/Tokyo')).toBe('2026-12-05T23:00:00')
  })

  it('turns a wall-clock time in a zone back into the instant, across daylight saving', () => {
    expect(fromWallTime('2026-12-05T09:00', 'America/New_York')?.toISOString()).toBe(
      '2026-12-05T14:00:00.000Z',
    )
    expect(fromWallTime('2026-07-05T09:00:00', 'America/New_York')?.toISOString()).toBe(
      '2026-07-05T13:00:00.000Z',
    )
    const there = fromWallTime('2026-03-20T08:30', 'Europe/Berlin')!
    expect(wallTimeIn(there, 'Europe/Berlin')).toBe('2026-03-20T08:30:00')
  })

  it('refuses what is not a wall-clock time', () => {
    expect(fromWallTime('2026-02-31T09:00', 'UTC')).toBeNull()
    expect(fromWallTime('2026-12-05 09:00', 'UTC')).toBeNull()
    expect(fromWallTime('2026-12-05T25:00', 'UTC')).toBeNull()
    expect(fromWallTime('tomorrow', 'UTC')).toBeNull()
  })
})
