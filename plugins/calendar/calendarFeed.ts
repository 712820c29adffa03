import { TZDate } from '@date-fns/tz'
import ical, { ICalEventStatus } from 'ical-generator'

import { occurrencesBetween, toICalRRule } from './recurrence'
import { isValidTimeZone } from './timeZone'
import { buildVTimezone } from './vtimezone'

export type CalendarEntry = {
  /** Stable across feed refreshes (e.g. the publication id), so clients update rather than duplicate. */
  uid: string
  title: string
  start: Date
  /** @default start + 15 minutes */
  end?: Date
  /** IANA zone the entry was scheduled in; DTSTART is written in it (with its VTIMEZONE). */
  timeZone: string
  description?: string
  url?: string
  /** The publication's state (draft, awaiting-approval, scheduled, published, cancelled, …). */
  status: string
  /** Written as the event's CATEGORIES, so calendar apps can filter by channel. */
  channel: string
  /** A re-share rule (RRULE value, with or without "RRULE:"). */
  rrule?: string
}

export type CalendarFeedInput = {
  name: string
  entries: CalendarEntry[]
  /** @default '//Carecast//Scheduler//EN' */
  prodId?: string
  /** DTSTAMP of every event; injected so a feed can be compared byte for byte. @default new Date() */
  now?: Date
}

const DEFAULT_DURATION_MS = 15 * 60_000
const FIFTY_YEARS_MS = 50 * 366 * 24 * 60 * 60_000

const STATUS: Record<string, ICalEventStatus> = {
  cancelled: ICalEventStatus.CANCELLED,
  retracting: ICalEventStatus.CANCELLED,
  retracted: ICalEventStatus.CANCELLED,
  scheduled: ICalEventStatus.CONFIRMED,
  dispatching: ICalEventStatus.CONFIRMED,
  published: ICalEventStatus.CONFIRMED,
}

/**
 * The iCalendar STATUS for a publication state: going out or gone out is CONFIRMED, withdrawn is
 * CANCELLED, and anything not yet approved or that failed to go out (draft, awaiting-approval,
 * failed) is TENTATIVE.
 */
export const calendarStatus = (status: string): ICalEventStatus =>
  STATUS[status] ?? ICalEventStatus.TENTATIVE

const isUtc = (timeZone: string) => timeZone === 'UTC'

/** The last instant an entry covers: its end, or its series' last occurrence when the series ends. */
const lastInstant = (entry: CalendarEntry, end: Date) => {
  if (!entry.rrule || !/(COUNT|UNTIL)=/i.test(entry.rrule)) return end
  const last = occurrencesBetween({
    rrule: entry.rrule,
    dtstart: entry.start,
    timeZone: entry.timeZone,
    from: entry.start,
    to: new Date(entry.start.getTime() + FIFTY_YEARS_MS),
    limit: 1000,
  }).at(-1)
  return last && last > end ? last : end
}

/**
 * An RFC 5545 calendar of publications: one VEVENT per entry, with DTSTART/DTEND in the entry's
 * zone and a VTIMEZONE for each zone used, so a re-share's RRULE expands on local time in the
 * reader's calendar exactly as the scheduler expands it.
 *
 * Why VTIMEZONE and not UTC times: a UTC DTSTART makes a client repeat the rule at a fixed UTC
 * time, so a 9:00 weekly re-share would show as 8:00 or 10:00 after a DST change. ical-generator
 * has no zone data, so ./vtimezone builds the components from the platform's own (Intl).
 * Times are given to ical-generator as TZDate: with a plain Date it reads the wall time in the
 * server's own zone, which is only right when the server runs in the entry's zone.
 *
 * Throws, naming the entry's uid, for an unknown zone, an invalid start, an end before the
 * start, or an invalid rule.
 */
export const buildCalendarFeed = ({
  name,
  entries,
  prodId = '//Carecast//Scheduler//EN',
  now = new Date(),
}: CalendarFeedInput): string => {
  const spans = new Map<string, { from: Date; to: Date }>()
  // The calendar-level zone has no name on purpose: a named one makes ical-generator write
  // DTSTAMP as a local time and add X-WR-TIMEZONE; only the generator is wanted.
  const calendar = ical({
    name,
    prodId,
    timezone: {
      name: null,
      generator: (timeZone) =>
        spans.has(timeZone)
          ? buildVTimezone(timeZone, spans.get(timeZone)!.from, spans.get(timeZone)!.to)
          : null,
    },
  })

  for (const entry of entries) {
    const fault = (problem: string) =>
      new Error(`Calendar entry ${JSON.stringify(entry.uid)}: ${problem}`)
    if (!isValidTimeZone(entry.timeZone))
      throw fault(`"${entry.timeZone}" is not an IANA time zone (e.g. America/New_York).`)
    if (!(entry.start instanceof Date) || Number.isNaN(entry.start.getTime()))
      throw fault('the start is not a valid date and time.')
    const end = entry.end ?? new Date(entry.start.getTime() + DEFAULT_DURATION_MS)
    if (Number.isNaN(end.getTime()) || end < entry.start)
      throw fault('the end is before the start.')

    let repeating: string | undefined
    try {
      repeating = entry.rrule ? toICalRRule(entry.rrule, entry.timeZone) : undefined
    } catch (error) {
      throw fault((error as Error).message)
    }

    if (!isUtc(entry.timeZone)) {
      const last = lastInstant(entry, end)
      const span = spans.get(entry.timeZone)
      spans.set(entry.timeZone, {
        from: span && span.from < entry.start ? span.from : entry.start,
        to: span && span.to > last ? span.to : last,
      })
    }

    calendar.createEvent({
      id: entry.uid,
      start: new TZDate(entry.start.getTime(), entry.timeZone),
      end: new TZDate(end.getTime(), entry.timeZone),
      timezone: isUtc(entry.timeZone) ? null : entry.timeZone,
      stamp: now,
      summary: entry.title,
      description: entry.description ?? null,
      url: entry.url ?? null,
      status: calendarStatus(entry.status),
      categories: [{ name: entry.channel }],
      repeating: repeating ?? null,
    })
  }
  return calendar.toString()
}
