import { describe, expect, it } from 'vitest'

import { eventRecurrence } from '../../../../collections/CommunityEvents/recurrence'
import { expandOccurrences, validateRRule } from '../../../../plugins/calendar'

describe('validateRRule with the community events’ policy', () => {
  it.each([
    'FREQ=WEEKLY;BYDAY=TU;COUNT=8',
    'RRULE:FREQ=MONTHLY;BYDAY=1SA;UNTIL=20270630',
    'rrule:freq=daily;interval=2;count=5;',
    'FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20271231T235959Z',
    'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=12',
    'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;COUNT=3',
    'FREQ=WEEKLY;BYDAY=TU,TH;WKST=SU;UNTIL=20270101T180000',
    'FREQ=WEEKLY;COUNT=366',
  ])('accepts %s', (rule) => {
    expect(validateRRule(rule, eventRecurrence)).toEqual({ ok: true })
  })

  it.each([
    [
      'FREQ=SOMETIMES;COUNT=3',
      'Recurrence rule: "FREQ=SOMETIMES" is not a valid frequency; use DAILY, WEEKLY, MONTHLY or YEARLY.',
    ],
    [
      'FREQ=HOURLY;COUNT=3',
      'Recurrence rule: "FREQ=HOURLY" is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY (the event’s start sets the time of day).',
    ],
    [
      'BYDAY=TU;COUNT=3',
      'Recurrence rule: FREQ is missing; start the rule with one, e.g. FREQ=WEEKLY.',
    ],
    ['FREQ=WEEKLY;FOO=1;COUNT=2', 'Recurrence rule: "FOO" is not a recurrence rule part.'],
    [
      'FREQ=WEEKLY;BYHOUR=9;COUNT=2',
      'Recurrence rule: "BYHOUR" is not supported; the time of day comes from the event’s start.',
    ],
    [
      'FREQ=WEEKLY;COUNT=abc',
      'Recurrence rule: "COUNT=ABC" is not a valid count; use a whole number from 1 to 366.',
    ],
    [
      'FREQ=WEEKLY;COUNT=0',
      'Recurrence rule: "COUNT=0" is not a valid count; use a whole number from 1 to 366.',
    ],
    [
      'FREQ=WEEKLY;COUNT=367',
      'Recurrence rule: "COUNT=367" is too many occurrences; a series may have at most 366.',
    ],
    [
      'FREQ=WEEKLY;BYDAY=XX;COUNT=2',
      'Recurrence rule: "BYDAY=XX" is not a valid list of days; use days like TU or MO,WE,FR (or 1SA and -1FR in a monthly rule).',
    ],
    [
      'FREQ=WEEKLY;UNTIL=20260231',
      'Recurrence rule: "UNTIL=20260231" is not a valid end date; use a date like 20261231 or 20261231T235959Z.',
    ],
    ['FREQ=WEEKLY;COUNT=2;UNTIL=20270101', 'Recurrence rule: use COUNT or UNTIL, not both.'],
    [
      'FREQ=WEEKLY;BYDAY=TU',
      'Recurrence rule: community events must end, so add COUNT (e.g. COUNT=8) or UNTIL (e.g. UNTIL=20261231).',
    ],
    [
      'DTSTART=20260101T100000Z;FREQ=DAILY;COUNT=2',
      'Recurrence rule: remove "DTSTART"; the event’s own start date and time are used.',
    ],
    [
      'DTSTART:20260101T100000Z\nRRULE:FREQ=DAILY;COUNT=2',
      'Recurrence rule: remove "DTSTART"; the event’s own start date and time are used.',
    ],
    [
      'FREQ=WEEKLY;COUNT=2\nEXDATE:20260301',
      'Recurrence rule: write the rule on a single line, without other calendar properties.',
    ],
    [
      'FREQ=WEEKLY;COUNT=2;EXDATE=20260301',
      'Recurrence rule: "EXDATE" does not belong in the rule; list skipped dates as exceptions instead.',
    ],
    ['FREQ=WEEKLY;COUNT=2;COUNT=3', 'Recurrence rule: "COUNT" appears more than once.'],
    ['garbage', 'Recurrence rule: "garbage" is not a NAME=VALUE part (e.g. FREQ=WEEKLY).'],
    ['FREQ=', 'Recurrence rule: "FREQ=" is not a NAME=VALUE part (e.g. FREQ=WEEKLY).'],
    ['  ', 'Recurrence rule: the rule is empty; write one like FREQ=WEEKLY;BYDAY=TU;COUNT=8.'],
    [
      'FREQ=WEEKLY;BYDAY=1MO;COUNT=2',
      'Recurrence rule: "BYDAY=1MO" numbers days (like 1SA), which only works with FREQ=MONTHLY or FREQ=YEARLY.',
    ],
    [
      'FREQ=MONTHLY;BYDAY=6MO;COUNT=2',
      'Recurrence rule: "BYDAY=6MO" asks for a weekday past the 5th in a month; use 1 to 5, or -1 to -5 to count from the end.',
    ],
    [
      'FREQ=WEEKLY;BYMONTHDAY=1;COUNT=2',
      'Recurrence rule: "BYMONTHDAY" does not work with FREQ=WEEKLY; use BYDAY.',
    ],
    [
      'FREQ=MONTHLY;BYWEEKNO=20;COUNT=2',
      'Recurrence rule: "BYWEEKNO" only works with FREQ=YEARLY.',
    ],
    [
      'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=2',
      'Recurrence rule: "BYMONTHDAY=30" is not a day of the months in "BYMONTH=2", so the event would never happen.',
    ],
    [
      'FREQ=MONTHLY;BYSETPOS=1;COUNT=2',
      'Recurrence rule: "BYSETPOS" needs another BY part (e.g. BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1).',
    ],
  ])('refuses %j', (rule, message) => {
    expect(validateRRule(rule, eventRecurrence)).toEqual({ ok: false, message })
  })
})

describe('expandOccurrences', () => {
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

  it('keeps 18:00 local across the end of US daylight time, so the UTC instant moves an hour', () => {
    // Tuesdays 18:00 in New York from 2026-10-20: DST ends on 2026-11-01.
    const starts = expandOccurrences({
      rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
      startsAt: new Date('2026-10-20T22:00:00Z'),
      timeZone: 'America/New_York',
    })
    expect(starts.map((d) => d.toISOString())).toEqual([
      '2026-10-20T22:00:00.000Z',
      '2026-10-27T22:00:00.000Z',
      '2026-11-03T23:00:00.000Z',
      '2026-11-10T23:00:00.000Z',
    ])
    for (const start of starts) expect(local(start, 'America/New_York')).toMatch(/18:00$/)
  })

  it('works in Europe/Madrid across its own change (last Sunday of October)', () => {
    const starts = expandOccurrences({
      rule: 'RRULE:FREQ=DAILY;COUNT=3',
      startsAt: new Date('2026-10-24T08:30:00Z'),
      timeZone: 'Europe/Madrid',
    })
    expect(starts.map((d) => local(d, 'Europe/Madrid'))).toEqual([
      '2026-10-24, 10:30',
      '2026-10-25, 10:30',
      '2026-10-26, 10:30',
    ])
    expect(starts.map((d) => d.toISOString())).toEqual([
      '2026-10-24T08:30:00.000Z',
      '2026-10-25T09:30:00.000Z',
      '2026-10-26T09:30:00.000Z',
    ])
  })

  it('reads the weekday in the event’s zone, not in UTC', () => {
    // 19:00 Tuesday in Chicago is already Wednesday in UTC; BYDAY=TU must still mean Tuesday there.
    const starts = expandOccurrences({
      rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2',
      startsAt: new Date('2026-03-04T01:00:00Z'),
      timeZone: 'America/Chicago',
    })
    expect(starts.map((d) => local(d, 'America/Chicago'))).toEqual([
      '2026-03-03, 19:00',
      '2026-03-10, 19:00',
    ])
    expect(starts[1].toISOString()).toBe('2026-03-11T00:00:00.000Z')
  })

  it('drops exceptions by instant, and the exceptions do not extend COUNT', () => {
    const starts = expandOccurrences({
      rule: 'FREQ=WEEKLY;COUNT=4',
      startsAt: new Date('2026-03-03T15:00:00Z'),
      timeZone: 'UTC',
      exceptions: [new Date('2026-03-10T15:00:00Z'), new Date('2026-03-17T15:30:00Z')],
    })
    expect(starts.map((d) => d.toISOString())).toEqual([
      '2026-03-03T15:00:00.000Z',
      '2026-03-17T15:00:00.000Z',
      '2026-03-24T15:00:00.000Z',
    ])
  })

  it('drops an exception after a DST change when given as the real (shifted) instant', () => {
    const starts = expandOccurrences({
      rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3',
      startsAt: new Date('2026-10-27T22:00:00Z'),
      timeZone: 'America/New_York',
      exceptions: [new Date('2026-11-03T23:00:00Z')],
    })
    expect(starts.map((d) => d.toISOString())).toEqual([
      '2026-10-27T22:00:00.000Z',
      '2026-11-10T23:00:00.000Z',
    ])
  })

  it('respects COUNT, counting the event’s own start first even when it is off the rule', () => {
    expect(
      expandOccurrences({
        rule: 'FREQ=DAILY;COUNT=7',
        startsAt: new Date('2026-01-01T12:00:00Z'),
        timeZone: 'UTC',
      }),
    ).toHaveLength(7)
    // A Monday start with BYDAY=TU: the Monday, then Tuesdays (RFC 5545: DTSTART is always the first occurrence).
    const starts = expandOccurrences({
      rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3',
      startsAt: new Date('2026-03-02T15:00:00Z'),
      timeZone: 'UTC',
    })
    expect(starts.map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-10',
    ])
  })

  it('includes the whole UNTIL day in the event’s zone', () => {
    // 20:00 in Chicago on 2026-01-05 is 02:00 UTC on the 6th, and still inside UNTIL=20260105.
    const starts = expandOccurrences({
      rule: 'FREQ=DAILY;UNTIL=20260105',
      startsAt: new Date('2026-01-02T02:00:00Z'),
      timeZone: 'America/Chicago',
    })
    expect(starts.map((d) => local(d, 'America/Chicago'))).toEqual([
      '2026-01-01, 20:00',
      '2026-01-02, 20:00',
      '2026-01-03, 20:00',
      '2026-01-04, 20:00',
      '2026-01-05, 20:00',
    ])
    // A UTC UNTIL is an instant: 2026-01-04T01:59:59Z is before the third occurrence (02:00Z).
    expect(
      expandOccurrences({
        rule: 'FREQ=DAILY;UNTIL=20260104T015959Z',
        startsAt: new Date('2026-01-02T02:00:00Z'),
        timeZone: 'America/Chicago',
      }),
    ).toHaveLength(2)
  })

  it('stops at the limit (366 unless given)', () => {
    expect(
      expandOccurrences({
        rule: 'FREQ=DAILY;COUNT=300',
        startsAt: new Date('2026-01-01T12:00:00Z'),
        timeZone: 'UTC',
        limit: 10,
      }),
    ).toHaveLength(10)
    expect(
      expandOccurrences({
        rule: 'FREQ=DAILY;UNTIL=20291231',
        startsAt: new Date('2026-01-01T12:00:00Z'),
        timeZone: 'UTC',
      }),
    ).toHaveLength(366)
    expect(
      expandOccurrences({
        rule: 'FREQ=DAILY;COUNT=3',
        startsAt: new Date('2026-01-01T12:00:00Z'),
        timeZone: 'UTC',
        limit: 0,
      }),
    ).toEqual([])
  })

  it('returns quickly for a rule that almost never matches', () => {
    const began = Date.now()
    const starts = expandOccurrences({
      rule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;COUNT=5',
      startsAt: new Date('2026-01-01T12:00:00Z'),
      timeZone: 'UTC',
    })
    // The start, then the Mondays that are 29 February: 2044, 2072, and none before the 50-year horizon (2076).
    expect(starts.map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2026-01-01',
      '2044-02-29',
      '2072-02-29',
    ])
    expect(Date.now() - began).toBeLessThan(2000)
  })

  it('throws the validation message for a bad rule, and refuses a bad zone or start', () => {
    expect(() =>
      expandOccurrences({
        rule: 'FREQ=WEEKLY',
        startsAt: new Date(),
        timeZone: 'UTC',
        policy: eventRecurrence,
      }),
    ).toThrow(/^Recurrence rule: community events must end/)
    expect(() =>
      expandOccurrences({
        rule: 'FREQ=WEEKLY;COUNT=2',
        startsAt: new Date(),
        timeZone: 'Mars/Olympus',
      }),
    ).toThrow('"Mars/Olympus" is not an IANA time zone')
    expect(() =>
      expandOccurrences({
        rule: 'FREQ=WEEKLY;COUNT=2',
        startsAt: new Date('nope'),
        timeZone: 'UTC',
      }),
    ).toThrow(/not a valid date/)
  })
})
