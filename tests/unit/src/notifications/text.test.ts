import { describe, expect, it } from 'vitest'

import { withoutNames } from '../../../../src/notifications/patientNames'
import { plainReason } from '../../../../src/notifications/plainReason'

describe('withoutNames', () => {
  it('replaces a name and each part of it, whole words only, in any case', () => {
    const names = ['María José Núñez', 'Tom']
    expect(withoutNames("María's story; NÚÑEZ family; josé", names)).toBe(
      "[patient]'s story; [patient] family; [patient]",
    )
    // Inside another word it is left alone ("Tomorrow" is not "Tom").
    expect(withoutNames('Tomorrow at 9, Tom.', names)).toBe('Tomorrow at 9, [patient].')
    expect(withoutNames('Nothing to hide', [])).toBe('Nothing to hide')
  })
})

describe('plainReason', () => {
  it('says what a status means and what to do, then what the network said, on one line', () => {
    expect(plainReason('Failed (permanent): 401 token expired\n  at line 3')).toBe(
      "The network refused the channel account's sign-in: reconnect the account (a new token), then retry.\nThe network said: Failed (permanent): 401 token expired at line 3",
    )
    expect(plainReason('503 upstream unavailable')).toMatch(
      /^The network had a problem on its side/,
    )
    expect(plainReason('request timed out after 30000 ms')).toMatch(/^The network did not answer/)
    expect(plainReason('something odd')).toBe('The network said: something odd')
    expect(plainReason('x'.repeat(400)).length).toBeLessThan(340)
  })
})
