import { describe, expect, it } from 'vitest'

import { isValidTimeZone, timeZoneOptions } from '../../../../plugins/calendar'

describe('isValidTimeZone', () => {
  it.each([
    'America/Chicago',
    'America/New_York',
    'Europe/Madrid',
    'UTC',
    'America/Puerto_Rico',
    'Pacific/Honolulu',
  ])('accepts %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true)
  })

  it.each([
    '',
    ' ',
    ' America/Chicago',
    'America/Chicago ',
    'Mars/Olympus',
    'EST5EDT?',
    '+01:00',
    '-05:00',
    'America/',
    'Chicago',
  ])('refuses %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false)
  })

  it('gives the same answer from its cache', () => {
    expect([isValidTimeZone('Europe/Madrid'), isValidTimeZone('Europe/Madrid')]).toEqual([
      true,
      true,
    ])
    expect([isValidTimeZone('Mars/Olympus'), isValidTimeZone('Mars/Olympus')]).toEqual([
      false,
      false,
    ])
  })

  it('refuses non-strings without throwing', () => {
    expect(isValidTimeZone(undefined as unknown as string)).toBe(false)
    expect(isValidTimeZone(42 as unknown as string)).toBe(false)
  })
})

describe('timeZoneOptions', () => {
  it('lists the zones for pickers, sorted, without repeats, UTC included', () => {
    const zones = timeZoneOptions()
    expect(zones).toContain('UTC')
    expect(zones).toContain('America/New_York')
    expect(zones).toContain('Europe/Madrid')
    expect(zones).not.toContain('Mars/Olympus')
    expect([...zones].sort()).toEqual(zones)
    expect(new Set(zones).size).toBe(zones.length)
  })

  it('lists only zones that isValidTimeZone accepts', () => {
    expect(timeZoneOptions().filter((zone) => !isValidTimeZone(zone))).toEqual([])
  })
})
