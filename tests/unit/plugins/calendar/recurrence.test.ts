import { describe, expect, it } from 'vitest'

import {
  nextOccurrenceAfter,
  occurrencesBetween,
  toICalRRule,
  validateRRule,
} from '../../../../plugins/calendar'
import { reshareRecurrence } from '../../../../plugins/scheduler/collections/publications/validators'

const NY = 'America/New_York'
const LONDON = 'Europe/London'
const iso = (dates: Date[]) => dates.map((date) => date.toISOString())
const local = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant)
const wide = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') }

describe('occurrencesBetween across DST changes', () => {
  it('keeps a 9:00 New York weekly re-share at 9:00 local when DST starts (March 8 2026)', () => {
    const starts = occurrencesBetween({
      rrule: 'FREQ=WEEKLY;COUNT=3',
      dtstart: new Date('2026-03-02T14:00:00Z'),
      timeZone: NY,
      ...wide,
    })
    expect(iso(starts)).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-16T13:00:00.000Z',
    ])
    for (const start of starts) expect(local(start, NY)).toMatch(/09:00$/)
  })

  it('keeps 9:00 local when DST ends (November 1 2026), so the UTC instant moves an hour later', () => {
    const starts = occurrencesBetween({
      rrule: 'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3',
      dtstart: new Date('2026-10-26T13:00:00Z'),
      timeZone: NY,
      ...wide,
    })
    expect(iso(starts)).toEqual([
      '2026-10-26T13:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
      '2026-11-09T14:00:00.000Z',
    ])
  })

  it('follows Europe/London into summer time on March 29 2026', () => {
    const starts = occurrencesBetween({
      rrule: 'FREQ=DAILY;COUNT=4',
      dtstart: new Date('2026-03-27T09:00:00Z'),
      timeZone: LONDON,
      ...wide,
    })
    expect(iso(starts)).toEqual([
      '2026-03-27T09:00:00.000Z',
      '2026-03-28T09:00:00.000Z',
      '2026-03-29T08:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
    ])
    expect(starts.map((start) => local(start, LONDON))).toEqual([
      '2026-03-27, 09:00',
      '2026-03-28, 09:00',
      '2026-03-29, 09:00',
      '2026-03-30, 09:00',
    ])
  })

  it('moves a wall time skipped by spring-forward an hour on, and takes the first of a repeated hour', () => {
    const spring = occurrencesBetween({
      rrule: 'FREQ=DAILY;COUNT=3',
      dtstart: new Date('2026-03-07T07:30:00Z'),
      timeZone: NY,
      ...wide,
    })
    // 02:30 on March 8 does not exist in New York; 03:30 EDT is the same instant as 02:30 EST would be.
    expect(iso(spring)).toEqual([
      '2026-03-07T07:30:00.000Z',
      '2026-03-08T07:30:00.000Z',
      '2026-03-09T06:30:00.000Z',
    ])
    const fall = occurrencesBetween({
      rrule: 'FREQ=DAILY;COUNT=3',
      dtstart: new Date('2026-10-31T05:30:00Z'),
      timeZone: NY,
      ...wide,
    })
    expect(iso(fall)).toEqual([
      '2026-10-31T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-02T06:30:00.000Z',
    ])
  })

  it('reads BYDAY in the zone, not in UTC', () => {
    // 19:00 Tuesday in Chicago is already Wednesday in UTC.
    const starts = occurrencesBetween({
      rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2',
      dtstart: new Date('2026-03-04T01:00:00Z'),
      timeZone: 'America/Chicago',
      ...wide,
    })
    expect(starts.map((start) => local(start, 'America/Chicago'))).toEqual([
      '2026-03-03, 19:00',
      '2026-03-10, 19:00',
    ])
  })
})

describe('occurrencesBetween windows and rule parts', () => {
  const dtstart = new Date('2026-03-02T14:00:00Z')

  it('includes both ends of the window and nothing outside it', () => {
    const starts = occurrencesBetween({
      rrule: 'FREQ=WEEKLY',
      dtstart,
      timeZone: NY,
      from: new Date('2026-03-09T13:00:00Z'),
      to: new Date('2026-03-23T13:00:00Z'),
    })
    expect(iso(starts)).toEqual([
      '2026-03-09T13:00:00.000Z',
      '2026-03-16T13:00:00.000Z',
      '2026-03-23T13:00:00.000Z',
    ])
    expect(
      occurrencesBetween({
        rrule: 'FREQ=WEEKLY',
        dtstart,
        timeZone: NY,
        from: new Date('2026-03-09T13:00:01Z'),
        to: new Date('2026-03-16T12:59:59Z'),
      }),
    ).toEqual([])
    expect(
      occurrencesBetween({
        rrule: 'FREQ=WEEKLY',
        dtstart,
        timeZone: NY,
        from: new Date('2026-04-01T00:00:00Z'),
        to: new Date('2026-03-01T00:00:00Z'),
      }),
    ).toEqual([])
  })

  it('stops at the limit (500 unless given) for an endless rule', () => {
    expect(
      occurrencesBetween({ rrule: 'FREQ=DAILY', dtstart, timeZone: NY, ...wide }),
    ).toHaveLength(500)
    expect(
      occurrencesBetween({ rrule: 'FREQ=DAILY', dtstart, timeZone: NY, ...wide, limit: 3 }),
    ).toHaveLength(3)
    expect(
      occurrencesBetween({ rrule: 'FREQ=DAILY', dtstart, timeZone: NY, ...wide, limit: 0 }),
    ).toEqual([])
  })

  it('counts dtstart first even when it is off the rule (RFC 5545)', () => {
    // A Monday dtstart with BYDAY=WE: the Monday, then two Wednesdays.
    const starts = occurrencesBetween({
      rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=3',
      dtstart,
      timeZone: NY,
      ...wide,
    })
    expect(starts.map((start) => local(start, NY))).toEqual([
      '2026-03-02, 09:00',
      '2026-03-04, 09:00',
      '2026-03-11, 09:00',
    ])
  })

  it('honours INTERVAL and BYDAY lists', () => {
    const starts = occurrencesBetween({
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=4',
      dtstart,
      timeZone: NY,
      ...wide,
    })
    expect(starts.map((start) => local(start, NY).slice(0, 10))).toEqual([
      '2026-03-02',
      '2026-03-05',
      '2026-03-16',
      '2026-03-19',
    ])
  })

  it('takes in the whole UNTIL day in the zone, and a UTC UNTIL as an instant', () => {
    // 20:00 in Chicago on March 5 is 02:00 UTC on the 6th, still inside UNTIL=20260305.
    const evening = new Date('2026-03-03T02:00:00Z')
    expect(
      occurrencesBetween({
        rrule: 'FREQ=DAILY;UNTIL=20260305',
        dtstart: evening,
        timeZone: 'America/Chicago',
        ...wide,
      }),
    ).toHaveLength(4)
    expect(
      occurrencesBetween({
        rrule: 'FREQ=DAILY;UNTIL=20260305T015959Z',
        dtstart: evening,
        timeZone: 'America/Chicago',
        ...wide,
      }),
    ).toHaveLength(2)
  })

  it('keeps dtstart’s milliseconds on every occurrence', () => {
    const starts = occurrencesBetween({
      rrule: 'FREQ=DAILY;COUNT=2',
      dtstart: new Date('2026-03-07T14:00:00.250Z'),
      timeZone: NY,
      ...wide,
    })
    expect(iso(starts)).toEqual(['2026-03-07T14:00:00.250Z', '2026-03-08T13:00:00.250Z'])
  })

  it('throws the validation message for a bad rule, and refuses a bad zone or dtstart', () => {
    expect(() =>
      occurrencesBetween({ rrule: 'FREQ=HOURLY', dtstart, timeZone: NY, ...wide }),
    ).toThrow(/^Recurrence rule: "FREQ=HOURLY" is not supported/)
    expect(() =>
      occurrencesBetween({ rrule: 'FREQ=DAILY', dtstart, timeZone: 'Mars/Olympus', ...wide }),
    ).toThrow('"Mars/Olympus" is not an IANA time zone')
    expect(() =>
      occurrencesBetween({ rrule: 'FREQ=DAILY', dtstart: new Date('nope'), timeZone: NY, ...wide }),
    ).toThrow(/dtstart\) is not valid/)
    expect(() =>
      occurrencesBetween({
        rrule: 'FREQ=DAILY',
        dtstart,
        timeZone: NY,
        from: new Date('nope'),
        to: wide.to,
      }),
    ).toThrow('The window’s from and to must be valid dates.')
    expect(() =>
      nextOccurrenceAfter({ rrule: 'FREQ=DAILY', dtstart, timeZone: NY, after: new Date('nope') }),
    ).toThrow('"after" must be a valid date.')
  })
})

describe('nextOccurrenceAfter', () => {
  const dtstart = new Date('2026-03-02T14:00:00Z')

  it('is dtstart before the series starts, and strictly after the given instant otherwise', () => {
    expect(
      nextOccurrenceAfter({
        rrule: 'FREQ=WEEKLY',
        dtstart,
        timeZone: NY,
        after: new Date('2026-01-01T00:00:00Z'),
      }),
    ).toEqual(dtstart)
    // Asked at the exact instant of the 9:00 EST share, the next is 9:00 EDT after the change.
    expect(
      nextOccurrenceAfter({ rrule: 'FREQ=WEEKLY', dtstart, timeZone: NY, after: dtstart }),
    ).toEqual(new Date('2026-03-09T13:00:00Z'))
  })

  it('returns null once the series has ended', () => {
    expect(
      nextOccurrenceAfter({
        rrule: 'FREQ=WEEKLY;COUNT=2',
        dtstart,
        timeZone: NY,
        after: new Date('2026-03-09T13:00:00Z'),
      }),
    ).toBeNull()
  })

  it('finds the next one years on in an endless rule, in London summer time', () => {
    const next = nextOccurrenceAfter({
      rrule: 'FREQ=MONTHLY;BYDAY=1MO',
      dtstart: new Date('2026-01-05T09:00:00Z'),
      timeZone: LONDON,
      after: new Date('2031-05-15T00:00:00Z'),
    })
    expect(next).toEqual(new Date('2031-06-02T08:00:00Z'))
  })
})

describe('validateRRule with the re-shares’ policy', () => {
  it.each([
    'FREQ=WEEKLY;COUNT=5',
    'RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261231',
    'rrule:freq=daily;interval=2;',
    'FREQ=MONTHLY;BYDAY=-1FR',
    'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1;COUNT=6',
  ])('accepts %s', (rule) => {
    expect(validateRRule(rule, reshareRecurrence)).toEqual({ ok: true })
  })

  it.each([
    ['', 'Recurrence rule: the rule is empty; write one like FREQ=WEEKLY;BYDAY=MO;COUNT=6.'],
    ['BYDAY=MO', 'Recurrence rule: FREQ is missing; start the rule with one, e.g. FREQ=WEEKLY.'],
    [
      'FREQ=SOMETIMES',
      'Recurrence rule: "FREQ=SOMETIMES" is not a valid frequency; use DAILY, WEEKLY, MONTHLY or YEARLY.',
    ],
    [
      'FREQ=MINUTELY',
      'Recurrence rule: "FREQ=MINUTELY" is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY (the first share’s start sets the time of day).',
    ],
    [
      'FREQ=WEEKLY;COUNT=0',
      'Recurrence rule: "COUNT=0" is not a valid count; use a whole number from 1 to 999.',
    ],
    [
      'FREQ=WEEKLY;INTERVAL=two',
      'Recurrence rule: "INTERVAL=TWO" is not a valid interval; use a whole number from 1 to 999.',
    ],
    [
      'FREQ=WEEKLY;UNTIL=20260230',
      'Recurrence rule: "UNTIL=20260230" is not a valid end date; use a date like 20261231 or 20261231T235959Z.',
    ],
    [
      'FREQ=WEEKLY;BYDAY=XX',
      'Recurrence rule: "BYDAY=XX" is not a valid list of days; use days like TU or MO,WE,FR (or 1SA and -1FR in a monthly rule).',
    ],
    ['FREQ=WEEKLY;COUNT=2;UNTIL=20270101', 'Recurrence rule: use COUNT or UNTIL, not both.'],
    [
      'FREQ=WEEKLY;BYHOUR=9',
      'Recurrence rule: "BYHOUR" is not supported; the time of day comes from the first share’s start.',
    ],
    [
      'DTSTART=20260101T090000Z;FREQ=DAILY',
      'Recurrence rule: remove "DTSTART"; the first share’s own start date and time are used.',
    ],
    ['FREQ=WEEKLY;FOO=1', 'Recurrence rule: "FOO" is not a recurrence rule part.'],
    ['FREQ=WEEKLY;COUNT=2;COUNT=3', 'Recurrence rule: "COUNT" appears more than once.'],
    [
      'FREQ=WEEKLY;BYDAY=1MO',
      'Recurrence rule: "BYDAY=1MO" numbers days (like 1SA), which only works with FREQ=MONTHLY or FREQ=YEARLY.',
    ],
    [
      'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
      'Recurrence rule: "BYMONTHDAY=30" is not a day of the months in "BYMONTH=2", so the re-shares would never happen.',
    ],
    [
      'FREQ=MONTHLY;BYSETPOS=1',
      'Recurrence rule: "BYSETPOS" needs another BY part (e.g. BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1).',
    ],
    [
      'FREQ=WEEKLY\nEXDATE:20260301',
      'Recurrence rule: write the rule on a single line, without other calendar properties.',
    ],
    ['weekly', 'Recurrence rule: "weekly" is not a NAME=VALUE part (e.g. FREQ=WEEKLY).'],
  ])('refuses %j', (rule, message) => {
    expect(validateRRule(rule, reshareRecurrence)).toEqual({ ok: false, message })
  })
})

describe('toICalRRule', () => {
  it('drops the prefix, upper-cases, and writes UNTIL in UTC', () => {
    expect(toICalRRule('rrule:freq=weekly;byday=mo;until=20261231', NY)).toBe(
      'FREQ=WEEKLY;BYDAY=MO;UNTIL=20270101T045959Z',
    )
    expect(toICalRRule('FREQ=DAILY;UNTIL=20260329T090000', LONDON)).toBe(
      'FREQ=DAILY;UNTIL=20260329T080000Z',
    )
    expect(toICalRRule('FREQ=DAILY;COUNT=3', NY)).toBe('FREQ=DAILY;COUNT=3')
  })
})
