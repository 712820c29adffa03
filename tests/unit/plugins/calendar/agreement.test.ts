/**
 * Where the host's event-rule validator and the scheduler's re-share validator (and the three
 * time-zone checks) used to disagree, and what the one calendar module does now.
 */
import { describe, expect, it } from 'vitest'

import { eventRecurrence } from '../../../../collections/CommunityEvents/recurrence'
import { eventsCalendar } from '../../../../plugins/delivery/api/ics'
import {
  buildCalendarFeed,
  expandOccurrences,
  isValidTimeZone,
  occurrencesBetween,
  toICalRRule,
  validateRRule,
} from '../../../../plugins/calendar'
import {
  reshareRecurrence,
  validateTimeZone,
} from '../../../../plugins/scheduler/collections/publications/validators'

const wide = { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2040-01-01T00:00:00Z') }
const day = (date: Date) => date.toISOString().slice(0, 10)

describe('BYWEEKNO and BYYEARDAY (the host accepted them with FREQ=YEARLY, the scheduler refused them)', () => {
  const rule = 'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;COUNT=3'

  it('are accepted with FREQ=YEARLY under every policy, as RFC 5545 §3.3.10 allows', () => {
    expect(validateRRule(rule, eventRecurrence)).toEqual({ ok: true })
    expect(validateRRule(rule, reshareRecurrence)).toEqual({ ok: true })
    expect(validateRRule('FREQ=YEARLY;BYYEARDAY=100')).toEqual({ ok: true })
  })

  it('are refused with any other frequency', () => {
    expect(validateRRule('FREQ=MONTHLY;BYWEEKNO=20', reshareRecurrence)).toEqual({
      ok: false,
      message: 'Recurrence rule: "BYWEEKNO" only works with FREQ=YEARLY.',
    })
    expect(validateRRule('FREQ=WEEKLY;BYYEARDAY=100', reshareRecurrence)).toEqual({
      ok: false,
      message: 'Recurrence rule: "BYYEARDAY" only works with FREQ=YEARLY.',
    })
  })

  it('so an event saved with one expands and goes into an iCalendar feed (the .ics used to fall back to the first occurrence)', () => {
    // Monday 2026-01-05 is off the rule, so it is the first occurrence; then the Mondays of ISO week 20.
    const starts = occurrencesBetween({
      rrule: rule,
      dtstart: new Date('2026-01-05T15:00:00Z'),
      timeZone: 'UTC',
      ...wide,
    })
    expect(starts.map(day)).toEqual(['2026-01-05', '2026-05-11', '2027-05-17'])
    expect(toICalRRule(rule, 'UTC')).toBe(rule)
    const feed = buildCalendarFeed({
      name: 'Feed',
      now: new Date('2026-01-01T00:00:00Z'),
      entries: [
        {
          uid: 'a',
          title: 'A',
          start: new Date('2026-01-05T15:00:00Z'),
          timeZone: 'UTC',
          status: 'scheduled',
          channel: 'web',
          rrule: rule,
        },
      ],
    })
    expect(feed).toContain(`RRULE:${rule}`)
    const event = {
      type: 'events',
      slug: 'walk',
      title: 'Walk',
      startsAt: '2026-01-05T15:00:00.000Z',
      endsAt: '2026-01-05T16:00:00.000Z',
      timeZone: 'UTC',
      publishedAt: '2026-01-01T00:00:00.000Z',
      format: 'in-person',
      venue: null,
      joinUrl: null,
      registrationUrl: null,
      eventStatus: 'scheduled',
      description: null,
      recurrence: { rrule: rule, exceptions: [] },
    }
    expect(
      eventsCalendar([event as unknown as Parameters<typeof eventsCalendar>[0][number]], {
        name: 'Events',
      }),
    ).toContain(`RRULE:${rule}`)
  })
})

describe('whether a series must end, and its largest COUNT (kept per caller, as a policy)', () => {
  it('lets a re-share repeat without end, and refuses that for a community event', () => {
    expect(validateRRule('FREQ=WEEKLY', reshareRecurrence)).toEqual({ ok: true })
    expect(validateRRule('FREQ=WEEKLY', eventRecurrence)).toEqual({
      ok: false,
      message:
        'Recurrence rule: community events must end, so add COUNT (e.g. COUNT=8) or UNTIL (e.g. UNTIL=20261231).',
    })
  })

  it('allows COUNT up to 999 for a re-share and 366 for an event, saying "too many" above it', () => {
    expect(validateRRule('FREQ=DAILY;COUNT=999', reshareRecurrence)).toEqual({ ok: true })
    expect(validateRRule('FREQ=DAILY;COUNT=1000', reshareRecurrence)).toEqual({
      ok: false,
      message:
        'Recurrence rule: "COUNT=1000" is too many occurrences; a series may have at most 999.',
    })
    expect(validateRRule('FREQ=DAILY;COUNT=500', eventRecurrence)).toEqual({
      ok: false,
      message:
        'Recurrence rule: "COUNT=500" is too many occurrences; a series may have at most 366.',
    })
  })
})

describe('DTSTART written as its own line before the rule (the host named DTSTART, the scheduler said "single line")', () => {
  it('names DTSTART under every policy', () => {
    const rule = 'DTSTART:20260101T090000Z\nRRULE:FREQ=DAILY'
    expect(validateRRule(rule, reshareRecurrence)).toEqual({
      ok: false,
      message:
        'Recurrence rule: remove "DTSTART"; the first share’s own start date and time are used.',
    })
    expect(validateRRule(`${rule};COUNT=2`, eventRecurrence)).toEqual({
      ok: false,
      message: 'Recurrence rule: remove "DTSTART"; the event’s own start date and time are used.',
    })
  })
})

describe('a local UNTIL time that a DST change skips (the host compared wall times, the scheduler instants)', () => {
  it('reads it with the offset in force before the gap, as RFC 5545 §3.3.5 says, so 03:00 EDT is inside UNTIL 02:30', () => {
    // Daily at 03:00 New York from 2026-03-06; 02:30 on March 8 does not exist there (02:30 EST = 07:30Z),
    // and 03:00 EDT on March 8 is 07:00Z, before it.
    const input = {
      rule: 'FREQ=DAILY;UNTIL=20260308T023000',
      startsAt: new Date('2026-03-06T08:00:00Z'),
      timeZone: 'America/New_York',
    }
    expect(expandOccurrences(input).map((date) => date.toISOString())).toEqual([
      '2026-03-06T08:00:00.000Z',
      '2026-03-07T08:00:00.000Z',
      '2026-03-08T07:00:00.000Z',
    ])
    expect(
      occurrencesBetween({
        rrule: input.rule,
        dtstart: input.startsAt,
        timeZone: input.timeZone,
        ...wide,
      }),
    ).toEqual(expandOccurrences(input))
  })
})

describe('the time-zone check (the scheduler’s field wanted a "/" or UTC; its expansion and feed took anything Intl took)', () => {
  const field = (value: unknown) =>
    (validateTimeZone as (value: unknown, options: unknown) => true | string)(value, {})

  it('accepts IANA names without a slash (GMT, EST5EDT, Japan) in a publication, as for an event', () => {
    for (const zone of ['GMT', 'EST5EDT', 'Japan']) {
      expect(isValidTimeZone(zone)).toBe(true)
      expect(field(zone)).toBe(true)
    }
    expect(
      occurrencesBetween({
        rrule: 'FREQ=DAILY;COUNT=2',
        dtstart: new Date('2026-03-02T14:00:00Z'),
        timeZone: 'GMT',
        ...wide,
      }),
    ).toHaveLength(2)
  })

  it('refuses offsets, padded names and non-strings everywhere, with the field’s own message', () => {
    expect(field('+01:00')).toBe(
      'timeZone: "+01:00" is not an IANA time zone (e.g. America/Chicago).',
    )
    expect(field(' America/Chicago')).toBe(
      'timeZone: " America/Chicago" is not an IANA time zone (e.g. America/Chicago).',
    )
    expect(field(undefined)).toBe('timeZone: "" is not an IANA time zone (e.g. America/Chicago).')
    expect(() =>
      occurrencesBetween({ rrule: 'FREQ=DAILY', dtstart: new Date(), timeZone: ' UTC', ...wide }),
    ).toThrow('" UTC" is not an IANA time zone')
    const entry = {
      uid: 'offset',
      title: 'A',
      start: new Date('2026-03-02T14:00:00Z'),
      timeZone: '-05:00',
      status: 'scheduled',
      channel: 'web',
    }
    expect(() => buildCalendarFeed({ name: 'Feed', entries: [entry] })).toThrow(
      'Calendar entry "offset": "-05:00" is not an IANA time zone',
    )
  })
})
