import { TZDate } from '@date-fns/tz'
import ical, { ICalEventStatus } from 'ical-generator'

// The calendar module's zone and rule helpers, shared with the scheduler rather than copied: a
// second VTIMEZONE builder or rule reader would drift from the first.
import { buildVTimezone, occurrencesBetween, toICalRRule } from '../../calendar'
import type { EventItem } from '../schemas/items'

const FIFTY_YEARS_MS = 50 * 366 * 86_400_000
const pad = (n: number) => String(n).padStart(2, '0')

/** An instant as the zone's wall time, the form EXDATE;TZID= takes. */
const wallTime = (instant: Date, timeZone: string) => {
  const local = new TZDate(instant.getTime(), timeZone)
  return `${local.getFullYear()}${pad(local.getMonth() + 1)}${pad(local.getDate())}T${pad(local.getHours())}${pad(local.getMinutes())}${pad(local.getSeconds())}`
}

const locationOf = (event: EventItem) => {
  const venue = event.venue
  const place = venue
    ? [venue.name, venue.street, venue.city, venue.region, venue.postalCode, venue.country]
        .filter(Boolean)
        .join(', ')
    : ''
  return (
    [event.format !== 'online' ? place : '', event.format !== 'in-person' ? event.joinUrl : '']
      .filter(Boolean)
      .join(' — ') || null
  )
}

/** The RRULE and EXDATE lines of a series; ical-generator inserts a multi-line string as it is. */
const repeatingOf = (event: EventItem) => {
  if (!event.recurrence) return null
  const rule = `RRULE:${toICalRRule(event.recurrence.rrule, event.timeZone)}`
  const skipped = event.recurrence.exceptions.map((startsAt) =>
    wallTime(new Date(startsAt), event.timeZone),
  )
  return skipped.length ? `${rule}\r\nEXDATE;TZID=${event.timeZone}:${skipped.join(',')}` : rule
}

/** The last instant a series covers, so its zone's VTIMEZONE spans every occurrence. */
const lastInstant = (event: EventItem) => {
  const end = new Date(event.endsAt)
  if (!event.recurrence || !/(COUNT|UNTIL)=/i.test(event.recurrence.rrule))
    return new Date(end.getTime() + 5 * 366 * 86_400_000)
  const start = new Date(event.startsAt)
  const last = occurrencesBetween({
    rrule: event.recurrence.rrule,
    dtstart: start,
    timeZone: event.timeZone,
    from: start,
    to: new Date(start.getTime() + FIFTY_YEARS_MS),
    limit: 1000,
  }).at(-1)
  return last && last > end ? last : end
}

/**
 * An RFC 5545 calendar of live events: DTSTART/DTEND in the event's own zone with its VTIMEZONE
 * (so a weekly 6 pm class stays at 6 pm across a DST change in the subscriber's app), the
 * series' RRULE, skipped occurrences as EXDATE, and cancelled events as STATUS:CANCELLED so a
 * subscribed calendar removes them instead of silently keeping them. DTSTAMP is the publish
 * time, so the same content gives the same bytes (and the same ETag).
 */
export const eventsCalendar = (
  events: EventItem[],
  { name, pageUrl }: { name: string; pageUrl?: (event: EventItem) => string | undefined },
) => {
  const spans = new Map<string, { from: Date; to: Date }>()
  const calendar = ical({
    name,
    prodId: '//Carecast//Delivery//EN',
    timezone: {
      name: null,
      generator: (timeZone) =>
        spans.has(timeZone)
          ? buildVTimezone(timeZone, spans.get(timeZone)!.from, spans.get(timeZone)!.to)
          : null,
    },
  })
  for (const event of events) {
    const start = new Date(event.startsAt)
    let repeating: string | null = null
    let last = new Date(event.endsAt)
    try {
      repeating = repeatingOf(event)
      last = lastInstant(event)
    } catch {
      // A stored rule the calendar module can no longer expand (saved before a validator change) is still shown as its first occurrence.
      repeating = null
    }
    const span = spans.get(event.timeZone)
    spans.set(event.timeZone, {
      from: span && span.from < start ? span.from : start,
      to: span && span.to > last ? span.to : last,
    })
    calendar.createEvent({
      id: `${event.type}/${event.slug}@carecast`,
      start: new TZDate(start.getTime(), event.timeZone),
      end: new TZDate(new Date(event.endsAt).getTime(), event.timeZone),
      timezone: event.timeZone,
      stamp: new Date(event.publishedAt),
      summary: event.title,
      description: event.description?.text || null,
      location: locationOf(event),
      url: pageUrl?.(event) ?? event.registrationUrl ?? null,
      status:
        event.eventStatus === 'cancelled'
          ? ICalEventStatus.CANCELLED
          : event.eventStatus === 'postponed'
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
      repeating,
    })
  }
  return calendar.toString()
}
