import { describe, expect, it } from 'vitest'

import { repeatRule } from '../../../../plugins/scheduler/admin/repeatRule'

describe('the re-share choice', () => {
  it('writes the RRULE a person means, and nothing for once', () => {
    expect(repeatRule({ every: 'month', times: 6 })).toBe('FREQ=MONTHLY;COUNT=6')
    expect(repeatRule({ every: 'week', times: 4 })).toBe('FREQ=WEEKLY;COUNT=4')
    expect(repeatRule({ every: 'none', times: 6 })).toBeNull()
  })

  it('keeps the count between 2 and 52', () => {
    expect(repeatRule({ every: 'week', times: 0 })).toBe('FREQ=WEEKLY;COUNT=2')
    expect(repeatRule({ every: 'month', times: 400 })).toBe('FREQ=MONTHLY;COUNT=52')
    expect(repeatRule({ every: 'month', times: Number.NaN })).toBe('FREQ=MONTHLY;COUNT=2')
  })
})
