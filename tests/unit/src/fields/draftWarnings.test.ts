import { describe, expect, it } from 'vitest'

import {
  draftWarnings,
  invalidFields,
  pathLabel,
  stillApplies,
} from '../../../../src/fields/draftWarnings/store'

describe('draft warnings', () => {
  it('keeps the invalid fields of a validated form state, with the value each was judged on', () => {
    expect(
      invalidFields({
        title: { valid: true, value: 'Heart month' },
        'utm.source': { valid: false, errorMessage: 'No spaces.', value: 'a b' },
        'utm.medium': { valid: false, value: 'x' },
        endsAt: undefined,
      }),
    ).toEqual({ 'utm.source': { message: 'No spaces.', value: 'a b' } })
  })

  it('names a path as a person reads it', () => {
    expect(pathLabel('utm.source')).toBe('UTM › Source')
    expect(pathLabel('recurrence.rrule')).toBe('Recurrence › RRULE')
    expect(pathLabel('registrationUrl')).toBe('Registration URL')
    expect(pathLabel('recurrence.exceptions.2.startsAt')).toBe(
      'Recurrence › Exceptions › Starts at',
    )
  })

  it('drops a warning once its value changes', () => {
    const warning = { message: 'No spaces.', value: 'a b' }
    expect(stillApplies(warning, 'a b')).toBe(true)
    expect(stillApplies(warning, 'a-b')).toBe(false)
    expect(stillApplies(undefined, 'a b')).toBe(false)
    expect(stillApplies({ message: 'Required.', value: undefined }, null)).toBe(true)
  })

  it('tells its listeners when the warnings change', () => {
    const seen: number[] = []
    const stop = draftWarnings.subscribe(() => seen.push(Object.keys(draftWarnings.all()).length))
    draftWarnings.set({ a: { message: 'm', value: 1 } })
    stop()
    draftWarnings.set({})
    expect(seen).toEqual([1])
  })
})
