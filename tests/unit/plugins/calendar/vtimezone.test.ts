import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'

import { buildVTimezone } from '../../../../plugins/calendar'

const zoneOf = (text: string) => {
  const calendar = new ICAL.Component(
    ICAL.parse(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${text}\r\nEND:VCALENDAR`),
  )
  return new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!)
}

/**
 * The instant ical.js gives a wall time (YYYY-MM-DDTHH:MM:SS) in the zone, which is how a client
 * reads a DTSTART with a TZID. (Its UTC-to-zone conversion looks offsets up by the UTC wall time,
 * so it is off by the offset near a change and can't be used to test the component.)
 */
const icalInstant = (zone: ICAL.Timezone, wall: string) => {
  const [year, month, day, hour, minute, second] = wall.split(/[-T:]/).map(Number)
  return new ICAL.Time({ year, month, day, hour, minute, second, isDate: false }, zone).toJSDate()
}

/** The wall time of an instant from the platform's own zone data. */
const intlWall = (timeZone: string, instant: Date) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant)
  const part = (type: string) => parts.find((p) => p.type === type)!.value
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`
}

const from = new Date('2026-03-01T00:00:00Z')
const to = new Date('2026-12-31T00:00:00Z')

describe('buildVTimezone', () => {
  it('gives nothing for UTC or a zone the platform does not know', () => {
    expect(buildVTimezone('UTC', from, to)).toBeNull()
    expect(buildVTimezone('Mars/Olympus', from, to)).toBeNull()
  })

  it('switches New York at 2:00 local on March 8 and November 1 2026', () => {
    const zone = zoneOf(buildVTimezone('America/New_York', from, to)!)
    expect(icalInstant(zone, '2026-03-08T01:59:59')).toEqual(new Date('2026-03-08T06:59:59Z'))
    expect(icalInstant(zone, '2026-03-08T03:00:00')).toEqual(new Date('2026-03-08T07:00:00Z'))
    expect(icalInstant(zone, '2026-11-01T00:59:59')).toEqual(new Date('2026-11-01T04:59:59Z'))
    expect(icalInstant(zone, '2026-11-01T02:00:00')).toEqual(new Date('2026-11-01T07:00:00Z'))
  })

  it('switches Europe/London at 1:00 UTC on March 29 2026', () => {
    const zone = zoneOf(buildVTimezone('Europe/London', from, to)!)
    expect(icalInstant(zone, '2026-03-29T00:59:59')).toEqual(new Date('2026-03-29T00:59:59Z'))
    expect(icalInstant(zone, '2026-03-29T02:00:00')).toEqual(new Date('2026-03-29T01:00:00Z'))
    expect(icalInstant(zone, '2026-07-01T09:00:00')).toEqual(new Date('2026-07-01T08:00:00Z'))
  })

  it('finds changes to the minute in a half-hour zone (St John’s changes at 05:30 UTC)', () => {
    const text = buildVTimezone('America/St_Johns', from, to)!
    const zone = zoneOf(text)
    expect(icalInstant(zone, '2026-03-08T01:59:00')).toEqual(new Date('2026-03-08T05:29:00Z'))
    expect(icalInstant(zone, '2026-03-08T03:00:00')).toEqual(new Date('2026-03-08T05:30:00Z'))
    // Found only to the whole UTC hour, these would read 02:30 (06:00 and 05:00 UTC).
    expect(text).toContain('DTSTART:20260308T020000\r\nTZOFFSETFROM:-0330\r\nTZOFFSETTO:-0230')
    expect(text).toContain('DTSTART:20261101T020000\r\nTZOFFSETFROM:-0230\r\nTZOFFSETTO:-0330')
  })

  it('writes the yearly rule of the last years, so clients keep the changes going later on', () => {
    const text = buildVTimezone('America/New_York', from, to)!
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU')
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU')
    expect(buildVTimezone('Europe/London', from, to)).toContain(
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    )
    const zone = zoneOf(text)
    for (const iso of [
      '2038-03-14T07:00:00Z',
      '2041-07-04T16:00:00Z',
      '2045-11-05T06:30:00Z',
      '2047-01-15T12:00:00Z',
    ]) {
      const wall = intlWall('America/New_York', new Date(iso))
      expect(icalInstant(zone, wall)).toEqual(new Date(iso))
    }
  })

  it('agrees with Intl every few hours through the year in several zones', () => {
    for (const timeZone of [
      'America/New_York',
      'Europe/London',
      'Australia/Sydney',
      'Australia/Lord_Howe',
      'America/Santiago',
      'Asia/Kolkata',
    ]) {
      const zone = zoneOf(buildVTimezone(timeZone, from, to)!)
      for (let t = from.getTime(); t < to.getTime(); t += 5 * 3_600_000 + 30 * 60_000) {
        const wall = intlWall(timeZone, new Date(t))
        // Within a repeated hour a wall time has two instants; both show the same wall time.
        expect(
          intlWall(timeZone, icalInstant(zone, wall)),
          `${timeZone} at ${new Date(t).toISOString()}`,
        ).toBe(wall)
      }
    }
  })

  it('writes a single standard observance for a zone without DST', () => {
    const text = buildVTimezone('Asia/Tokyo', from, to)!
    expect(text.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(['BEGIN:STANDARD'])
    expect(text).toContain('TZOFFSETTO:+0900')
    expect(text).not.toContain('RRULE')
  })

  it('names observances only with real abbreviations', () => {
    const ny = buildVTimezone('America/New_York', from, to)!
    expect(ny).toContain('TZNAME:EST')
    expect(ny).toContain('TZNAME:EDT')
    expect(buildVTimezone('Europe/London', from, to)).not.toContain('TZNAME:GMT+1')
  })
})
