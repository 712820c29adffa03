/**
 * Calendar rules shared by the scheduler, delivery and the host, with no Payload in them: RRULE
 * validation and expansion on wall-clock time, the rule as iCalendar writes it, VTIMEZONE, the
 * IANA time-zone check, and the iCalendar feed builder. One copy of each, so they cannot disagree.
 */
export {
  defaultRecurrencePolicy,
  type RecurrenceCheck,
  type RecurrencePolicy,
  validateRRule,
} from './validateRRule'
export {
  expandOccurrences,
  nextOccurrenceAfter,
  occurrencesBetween,
  type OccurrencesInput,
  toICalRRule,
} from './recurrence'
export { isValidTimeZone, timeZoneOptions } from './timeZone'
export { buildVTimezone } from './vtimezone'
export {
  buildCalendarFeed,
  type CalendarEntry,
  type CalendarFeedInput,
  calendarStatus,
} from './calendarFeed'
