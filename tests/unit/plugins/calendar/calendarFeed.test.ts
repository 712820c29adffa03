import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'

import {
  buildCalendarFeed,
  calendarStatus,
  type CalendarEntry,
  occurrencesBetween,
} from '../../../../plugins/calendar'

const NY = 'America/New_York'
const LONDON = 'Europe/London'
const now = new Date('2026-02-20T12:34:56Z')

const entry = (overrides: Partial<CalendarEntry> = {}): CalendarEntry => ({
  uid: 'publications-1@carecast',
  title: 'Flu shot clinic',
  start: new Date('2026-03-02T14:00:00Z'),
  timeZone: NY,
  status: 'scheduled',
  channel: 'mastodon',
  ...overrides,
})

const parse = (feed: string) => {
  const calendar = new ICAL.Component(ICAL.parse(feed))
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent))
  return { calendar, events }
}

/** The first `count` starts ical.js expands from the event, as instants. */
const expand = (event: ICAL.Event, count: number) => {
  const iterator = event.iterator()
  const starts: Date[] = []
  for (let next = iterator.next(); next && starts.length < count; next = iterator.next())
    starts.push(next.toJSDate())
  return starts
}

describe('buildCalendarFeed', () => {
  it('writes a calendar with its name and PRODID, one VEVENT per entry, stamped in UTC', () => {
    const feed = buildCalendarFeed({
      name: 'Carecast publishing',
      entries: [entry(), entry({ uid: 'publications-2@carecast', channel: 'x' })],
      now,
    })
    const { calendar, events } = parse(feed)
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Carecast//Scheduler//EN')
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Carecast publishing')
    expect(events.map((event) => event.uid)).toEqual([
      'publications-1@carecast',
      'publications-2@carecast',
    ])
    expect(feed).toContain('DTSTAMP:20260220T123456Z')
    expect(feed).not.toContain('X-WR-TIMEZONE')
  })

  it('is the same text for the same entries and clock, so the UID and everything else are stable', () => {
    const build = () =>
      buildCalendarFeed({ name: 'Feed', entries: [entry({ rrule: 'FREQ=WEEKLY;COUNT=3' })], now })
    expect(build()).toBe(build())
  })

  it('carries title, description, URL, channel as CATEGORIES, and the mapped STATUS', () => {
    const feed = buildCalendarFeed({
      name: 'Feed',
      now,
      entries: [
        entry({
          title: 'Heart month; part 1, "intro"',
          description: 'Line one\nLine two',
          url: 'https://example.org/heart',
          status: 'awaiting-approval',
          channel: 'linkedin',
        }),
      ],
    })
    const [event] = parse(feed).events
    expect(event.summary).toBe('Heart month; part 1, "intro"')
    expect(event.description).toBe('Line one\nLine two')
    expect(event.component.getFirstPropertyValue('url')).toBe('https://example.org/heart')
    expect(event.component.getFirstPropertyValue('categories')).toBe('linkedin')
    expect(event.component.getFirstPropertyValue('status')).toBe('TENTATIVE')
  })

  it('writes DTSTART in the entry’s zone with a VTIMEZONE that ical.js resolves to the right instant', () => {
    const feed = buildCalendarFeed({ name: 'Feed', entries: [entry()], now })
    expect(feed).toContain('DTSTART;TZID=America/New_York:20260302T090000')
    const { calendar, events } = parse(feed)
    expect(
      calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid')),
    ).toEqual([NY])
    expect(events[0].startDate.zone?.tzid).toBe(NY)
    expect(events[0].startDate.toJSDate()).toEqual(new Date('2026-03-02T14:00:00Z'))
  })

  it('lasts 15 minutes unless an end is given', () => {
    const { events } = parse(
      buildCalendarFeed({
        name: 'Feed',
        now,
        entries: [entry(), entry({ uid: 'b', end: new Date('2026-03-02T15:30:00Z') })],
      }),
    )
    expect(events[0].endDate.toJSDate()).toEqual(new Date('2026-03-02T14:15:00Z'))
    expect(events[1].endDate.toJSDate()).toEqual(new Date('2026-03-02T15:30:00Z'))
  })

  it('writes a UTC entry in UTC, without a VTIMEZONE', () => {
    const feed = buildCalendarFeed({ name: 'Feed', now, entries: [entry({ timeZone: 'UTC' })] })
    expect(feed).toContain('DTSTART:20260302T140000Z')
    expect(feed).not.toContain('BEGIN:VTIMEZONE')
  })

  it('writes one VTIMEZONE per zone used', () => {
    const feed = buildCalendarFeed({
      name: 'Feed',
      now,
      entries: [
        entry(),
        entry({ uid: 'b', start: new Date('2026-11-02T14:00:00Z') }),
        entry({ uid: 'c', timeZone: LONDON }),
      ],
    })
    const zones = parse(feed)
      .calendar.getAllSubcomponents('vtimezone')
      .map((zone) => zone.getFirstPropertyValue('tzid'))
    expect(zones.sort()).toEqual([NY, LONDON])
  })
})

describe('buildCalendarFeed re-share rules, expanded by ical.js', () => {
  it('repeats at 9:00 New York time across March 8 and November 1 2026, as the scheduler does', () => {
    for (const dtstart of [new Date('2026-03-02T14:00:00Z'), new Date('2026-10-26T13:00:00Z')]) {
      const rrule = 'FREQ=WEEKLY;COUNT=3'
      const [event] = parse(
        buildCalendarFeed({ name: 'Feed', now, entries: [entry({ start: dtstart, rrule })] }),
      ).events
      expect(event.component.getFirstPropertyValue('rrule')?.toString()).toBe(rrule)
      expect(expand(event, 10)).toEqual(
        occurrencesBetween({
          rrule,
          dtstart,
          timeZone: NY,
          from: dtstart,
          to: new Date('2027-01-01T00:00:00Z'),
        }),
      )
    }
    const [march] = parse(
      buildCalendarFeed({ name: 'Feed', now, entries: [entry({ rrule: 'FREQ=WEEKLY;COUNT=2' })] }),
    ).events
    expect(expand(march, 2)).toEqual([
      new Date('2026-03-02T14:00:00Z'),
      new Date('2026-03-09T13:00:00Z'),
    ])
  })

  it('follows Europe/London into summer time on March 29 2026', () => {
    const start = new Date('2026-03-27T09:00:00Z')
    const [event] = parse(
      buildCalendarFeed({
        name: 'Feed',
        now,
        entries: [entry({ start, timeZone: LONDON, rrule: 'RRULE:FREQ=DAILY;COUNT=4' })],
      }),
    ).events
    expect(expand(event, 4)).toEqual([
      new Date('2026-03-27T09:00:00Z'),
      new Date('2026-03-28T09:00:00Z'),
      new Date('2026-03-29T08:00:00Z'),
      new Date('2026-03-30T08:00:00Z'),
    ])
  })

  it('writes UNTIL in UTC and keeps the whole UNTIL day', () => {
    const feed = buildCalendarFeed({
      name: 'Feed',
      now,
      entries: [entry({ rrule: 'FREQ=WEEKLY;UNTIL=20260316' })],
    })
    expect(feed).toContain('RRULE:FREQ=WEEKLY;UNTIL=20260317T035959Z')
    expect(expand(parse(feed).events[0], 10)).toHaveLength(3)
  })

  it('keeps local time years later for an endless rule (the VTIMEZONE repeats yearly)', () => {
    const rrule = 'FREQ=MONTHLY;BYDAY=1MO'
    const [event] = parse(
      buildCalendarFeed({ name: 'Feed', now, entries: [entry({ rrule })] }),
    ).events
    const ours = occurrencesBetween({
      rrule,
      dtstart: entry().start,
      timeZone: NY,
      from: entry().start,
      to: new Date('2040-01-01T00:00:00Z'),
      limit: 120,
    })
    expect(ours.at(-1)!.toISOString()).toBe('2036-02-04T14:00:00.000Z')
    expect(expand(event, 120)).toEqual(ours)
  })
})

describe('buildCalendarFeed refusals', () => {
  it.each([
    [
      'an unknown zone',
      entry({ uid: 'bad-zone', timeZone: 'Mars/Olympus' }),
      'Calendar entry "bad-zone": "Mars/Olympus" is not an IANA time zone (e.g. America/New_York).',
    ],
    [
      'an invalid start',
      entry({ uid: 'bad-start', start: new Date('nope') }),
      'Calendar entry "bad-start": the start is not a valid date and time.',
    ],
    [
      'an end before the start',
      entry({ uid: 'backwards', end: new Date('2026-03-01T00:00:00Z') }),
      'Calendar entry "backwards": the end is before the start.',
    ],
    [
      'an invalid rule',
      entry({ uid: 'bad-rule', rrule: 'FREQ=HOURLY' }),
      /^Calendar entry "bad-rule": Recurrence rule: "FREQ=HOURLY" is not supported/,
    ],
  ])('refuses %s, naming the entry', (_, bad, message) => {
    expect(() => buildCalendarFeed({ name: 'Feed', now, entries: [bad] })).toThrow(message)
  })
})

describe('calendarStatus', () => {
  it.each([
    ['cancelled', 'CANCELLED'],
    ['retracted', 'CANCELLED'],
    ['scheduled', 'CONFIRMED'],
    ['published', 'CONFIRMED'],
    ['dispatching', 'CONFIRMED'],
    ['draft', 'TENTATIVE'],
    ['awaiting-approval', 'TENTATIVE'],
    ['failed', 'TENTATIVE'],
  ])('maps %s to %s', (status, expected) => {
    expect(calendarStatus(status)).toBe(expected)
  })
})
