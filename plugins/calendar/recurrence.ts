import { TZDate } from '@date-fns/tz'

import { RRule, type RRuleInstance } from './rrule'
import { isValidTimeZone } from './timeZone'
import {
  assertRule,
  body,
  defaultRecurrencePolicy,
  partsOf,
  type RecurrencePolicy,
  untilFields,
} from './validateRRule'

/*
 * Expanding a rule: occurrences on wall-clock time in the series' zone (9:00 stays 9:00 across a
 * DST change), the next occurrence after an instant, and the rule as iCalendar writes it.
 * What a valid rule is lives in ./validateRRule.ts.
 */
const HORIZON_YEARS = 50
const DAY_MS = 24 * 60 * 60_000
/** The wall-clock time of an instant in a zone, as a "floating" UTC date: rrule's working form. */
const toWall = (instant: Date, timeZone: string) => {
  const local = new TZDate(instant.getTime(), timeZone)
  return new Date(
    Date.UTC(
      local.getFullYear(),
      local.getMonth(),
      local.getDate(),
      local.getHours(),
      local.getMinutes(),
      local.getSeconds(),
      local.getMilliseconds(),
    ),
  )
}

/** The instant the zone's clocks show a wall time; a time skipped by a DST change moves forward by the change. */
const toInstant = (wall: Date, timeZone: string) =>
  new Date(
    new TZDate(
      wall.getUTCFullYear(),
      wall.getUTCMonth(),
      wall.getUTCDate(),
      wall.getUTCHours(),
      wall.getUTCMinutes(),
      wall.getUTCSeconds(),
      wall.getUTCMilliseconds(),
      timeZone,
    ).getTime(),
  )

/** UNTIL as an instant: a date alone takes in that whole day in the zone, a bare time is the zone's wall time. */
const untilInstant = (value: string, timeZone: string) => {
  const u = untilFields(value)!
  if (u.utc) return new Date(Date.UTC(u.year, u.month - 1, u.day, u.hour, u.minute, u.second))
  const wall = u.dateOnly
    ? Date.UTC(u.year, u.month - 1, u.day, 23, 59, 59)
    : Date.UTC(u.year, u.month - 1, u.day, u.hour, u.minute, u.second)
  return toInstant(new Date(wall), timeZone)
}

const untilValue = (rule: string) =>
  partsOf(rule)
    .find((part) => /^UNTIL\s*=/i.test(part))
    ?.split('=')[1]
    .trim()
    .toUpperCase()

const isInstant = (value: unknown): value is Date =>
  value instanceof Date && !Number.isNaN(value.getTime())

type SeriesInput = {
  rrule: string
  dtstart: Date
  timeZone: string
  /** The rule is checked with it first. @default defaultRecurrencePolicy */
  policy?: RecurrencePolicy
}
type Series = {
  timeZone: string
  wallStart: Date
  startOffRule: boolean
  rule: RRuleInstance | null
  millis: number
}

/**
 * The rule set up on wall-clock time. As RFC 5545 says, dtstart is always the first occurrence
 * and counts toward COUNT even when it does not match the rule. rrule works in whole seconds, so
 * dtstart's milliseconds are set aside and put back on every occurrence.
 */
const seriesOf = ({
  rrule: rule,
  dtstart,
  timeZone,
  policy = defaultRecurrencePolicy,
}: SeriesInput): Series => {
  assertRule(rule, policy)
  if (!isValidTimeZone(timeZone))
    throw new Error(`"${timeZone}" is not an IANA time zone (e.g. America/New_York).`)
  if (!isInstant(dtstart))
    throw new Error(
      `${policy.owner.charAt(0).toUpperCase()}${policy.owner.slice(1)}’s start (dtstart) is not valid: not a valid date and time.`,
    )
  const wallStart = toWall(dtstart, timeZone)
  const millis = wallStart.getUTCMilliseconds()
  const start = new Date(wallStart.getTime() - millis)
  const options = RRule.parseString(body(rule))
  // A rule that almost never matches (Mondays that are 29 February) would send rrule towards 9999.
  const horizon = new Date(start.getTime())
  horizon.setUTCFullYear(horizon.getUTCFullYear() + HORIZON_YEARS)
  const untilText = untilValue(rule)
  const until = untilText ? toWall(untilInstant(untilText, timeZone), timeZone) : null
  const bounded = {
    ...options,
    dtstart: start,
    until: until && until < horizon ? until : horizon,
    count: null,
    tzid: null,
  }
  const startOffRule = new RRule(bounded).after(start, true)?.getTime() !== start.getTime()
  const count = options.count == null ? null : options.count - (startOffRule ? 1 : 0)
  return {
    timeZone,
    wallStart,
    startOffRule,
    rule: count === 0 ? null : new RRule({ ...bounded, count }),
    millis,
  }
}

/**
 * The occurrences in [from, to] (to = null: no end), in order, at most `max` of them; those whose
 * instant (to the millisecond) is in `skipped` are left out and not counted.
 */
const walk = (
  series: Series,
  from: Date,
  to: Date | null,
  max: number,
  skipped: ReadonlySet<number> = new Set(),
): Date[] => {
  const found: Date[] = []
  if (!(max > 0) || (to && to < from)) return found
  const take = (wall: Date) => {
    const instant = toInstant(new Date(wall.getTime() + series.millis), series.timeZone)
    if (instant >= from && (!to || instant <= to) && !skipped.has(instant.getTime()))
      found.push(instant)
    return found.length < max
  }
  if (series.startOffRule && !take(series.wallStart)) return found
  if (!series.rule) return found
  // The window is widened by a day in wall time, since an offset change moves wall and instant
  // apart by hours; take() then keeps only the instants really inside it.
  const wallFrom = new Date(toWall(from, series.timeZone).getTime() - DAY_MS)
  const wallTo = to
    ? new Date(toWall(to, series.timeZone).getTime() + DAY_MS)
    : series.rule.options.until!
  series.rule.between(wallFrom, wallTo, true, (wall) => take(wall))
  return found
}

export type OccurrencesInput = SeriesInput & { from: Date; to: Date; limit?: number }

/**
 * The occurrences from `from` to `to` (both included), in order, at most `limit`. The rule
 * runs on wall-clock time in `timeZone` and each occurrence becomes its real instant, so 9:00 in
 * New York stays 9:00 across a DST change while its UTC instant moves by an hour. A wall time
 * skipped by the change (02:30 on spring-forward day) happens at the same moment an hour later
 * (03:30). Nothing is produced more than 50 years after dtstart. Throws for an invalid rule, zone
 * or dtstart.
 */
export const occurrencesBetween = ({
  from,
  to,
  limit = 500,
  ...input
}: OccurrencesInput): Date[] => {
  if (!isInstant(from) || !isInstant(to))
    throw new Error('The window’s from and to must be valid dates.')
  return walk(seriesOf(input), from, to, Math.floor(limit))
}

/**
 * The start instants of a series whose first start is `startsAt`, in order, with the same
 * expansion as occurrencesBetween. Exceptions remove the occurrence that starts at exactly that
 * instant (to the millisecond) and do not extend the series: COUNT=4 with one exception gives 3.
 * At most `limit` starts, none more than 50 years after the first. Throws the policy's
 * validation message for a rule it refuses, and throws on an unknown zone or an invalid start.
 */
export const expandOccurrences = ({
  rule,
  startsAt,
  timeZone,
  exceptions = [],
  limit = 366,
  policy,
}: {
  rule: string
  startsAt: Date
  timeZone: string
  exceptions?: Date[]
  limit?: number
  policy?: RecurrencePolicy
}): Date[] => {
  const series = seriesOf({ rrule: rule, dtstart: startsAt, timeZone, policy })
  return walk(
    series,
    startsAt,
    null,
    Math.floor(limit),
    new Set(exceptions.map((date) => date.getTime())),
  )
}

/** The first occurrence strictly after `after` (a re-share's next date), or null when the series has ended. */
export const nextOccurrenceAfter = ({
  after,
  ...input
}: SeriesInput & { after: Date }): Date | null => {
  if (!isInstant(after)) throw new Error('"after" must be a valid date.')
  return walk(seriesOf(input), new Date(after.getTime() + 1), null, 1)[0] ?? null
}

/**
 * The rule as an iCalendar RRULE value for an event whose DTSTART carries a TZID: upper-cased,
 * without "RRULE:", and with UNTIL turned into UTC as RFC 5545 §3.3.10 requires there (a date-only
 * UNTIL keeps that whole day in the zone, as it does here).
 */
export const toICalRRule = (rule: string, timeZone: string): string => {
  assertRule(rule, defaultRecurrencePolicy)
  return partsOf(rule)
    .map((part) => {
      const [name, value] = part.split('=').map((piece) => piece.trim().toUpperCase())
      if (name !== 'UNTIL') return `${name}=${value}`
      return `UNTIL=${untilInstant(value, timeZone)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '')}`
    })
    .join(';')
}
