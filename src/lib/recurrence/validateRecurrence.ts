import { TZDate } from '@date-fns/tz'
import * as rrule from 'rrule'

import { isValidTimeZone } from '../timezones/isValidTimeZone'

// rrule's CommonJS build (what Node loads) exposes only a default export to ESM; its ESM build
// (what bundlers load) has no default export. Take RRule from wherever this loader put it.
const { RRule } = ('RRule' in rrule ? rrule : (rrule as unknown as { default: typeof rrule }).default) as typeof rrule

type Check = { ok: true } | { ok: false; message: string }

const fail = (message: string): Check => ({ ok: false, message: `Recurrence rule: ${message}` })

const MAX_COUNT = 366
const HORIZON_YEARS = 50
const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']
const DAYS = '(MO|TU|WE|TH|FR|SA|SU)'

const isWhole = (value: string, min: number, max: number, signed = false) => {
  if (!(signed ? /^[+-]?\d{1,9}$/ : /^\+?\d{1,9}$/).test(value)) return false
  const n = Math.abs(Number(value))
  return n >= min && n <= max
}
const isWholeList = (value: string, min: number, max: number, signed = false) => value.split(',').every((item) => isWhole(item, min, max, signed))

/** The UNTIL value's fields, or null when it is not a real date (rrule would roll 20260231 into March). */
const untilFields = (value: string) => {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value)
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0))
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60
  return real ? { year, month, day, hour, minute, second, dateOnly: match[4] === undefined, utc: match[7] === 'Z' } : null
}

/**
 * The RFC 5545 rule parts Carecast accepts, with a check of the value and the sentence that says
 * what a good value looks like. rrule's own parser is lenient ("FREQ=SOMETIMES" becomes no
 * frequency, "COUNT=abc" is kept as text), so every value is checked here first.
 */
const PARTS: Record<string, { valid: (value: string) => boolean; invalid: (part: string) => string }> = {
  FREQ: {
    valid: (v) => FREQUENCIES.includes(v),
    invalid: (p) =>
      /^FREQ=(HOURLY|MINUTELY|SECONDLY)$/.test(p)
        ? `"${p}" is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY (the event’s start sets the time of day).`
        : `"${p}" is not a valid frequency; use DAILY, WEEKLY, MONTHLY or YEARLY.`,
  },
  INTERVAL: { valid: (v) => isWhole(v, 1, 999), invalid: (p) => `"${p}" is not a valid interval; use a whole number from 1 to 999.` },
  COUNT: { valid: (v) => isWhole(v, 1, 999_999_999), invalid: (p) => `"${p}" is not a valid count; use a whole number from 1 to ${MAX_COUNT}.` },
  UNTIL: { valid: (v) => untilFields(v) !== null, invalid: (p) => `"${p}" is not a valid end date; use a date like 20261231 or 20261231T235959Z.` },
  BYDAY: { valid: (v) => new RegExp(`^[+-]?([1-9]|[1-4]\\d|5[0-3])?${DAYS}(,[+-]?([1-9]|[1-4]\\d|5[0-3])?${DAYS})*$`).test(v), invalid: (p) => `"${p}" is not a valid list of days; use days like TU or MO,WE,FR (or 1SA and -1FR in a monthly rule).` },
  BYMONTHDAY: { valid: (v) => isWholeList(v, 1, 31, true), invalid: (p) => `"${p}" is not a valid list of days of the month; use numbers from 1 to 31, or -1 for the last day.` },
  BYMONTH: { valid: (v) => isWholeList(v, 1, 12), invalid: (p) => `"${p}" is not a valid list of months; use numbers from 1 to 12.` },
  BYYEARDAY: { valid: (v) => isWholeList(v, 1, 366, true), invalid: (p) => `"${p}" is not a valid list of days of the year; use numbers from 1 to 366, or negative ones counted from the end.` },
  BYWEEKNO: { valid: (v) => isWholeList(v, 1, 53, true), invalid: (p) => `"${p}" is not a valid list of week numbers; use numbers from 1 to 53.` },
  BYSETPOS: { valid: (v) => isWholeList(v, 1, 366, true), invalid: (p) => `"${p}" is not a valid list of positions; use numbers like 1 (first) or -1 (last).` },
  WKST: { valid: (v) => new RegExp(`^${DAYS}$`).test(v), invalid: (p) => `"${p}" is not a valid week start; use a day like MO or SU.` },
}

/** Rule parts RFC 5545 defines that make no sense for an event that has its own start time. */
const UNSUPPORTED: Record<string, string> = {
  BYHOUR: 'the time of day comes from the event’s start',
  BYMINUTE: 'the time of day comes from the event’s start',
  BYSECOND: 'the time of day comes from the event’s start',
}

/** The rule's parts, without an "RRULE:" prefix or empty parts (a trailing ";" is harmless). */
const partsOf = (rule: string) =>
  rule
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)

/** The rule as rrule's parser wants it. */
const body = (rule: string) => partsOf(rule).join(';')

/** The parts as upper-cased NAME → VALUE, or the message for the first part that is wrong. */
const readParts = (rule: string): Map<string, string> | string => {
  const parts = new Map<string, string>()
  for (const part of partsOf(rule)) {
    const at = part.indexOf('=')
    if (at <= 0 || at === part.length - 1) return `"${part}" is not a NAME=VALUE part (e.g. FREQ=WEEKLY).`
    const name = part.slice(0, at).trim().toUpperCase()
    const value = part.slice(at + 1).trim().toUpperCase()
    if (name === 'DTSTART') return 'remove "DTSTART"; the event’s own start date and time are used.'
    if (name === 'EXDATE' || name === 'RDATE') return `"${name}" does not belong in the rule; list skipped dates as exceptions instead.`
    if (UNSUPPORTED[name]) return `"${name}" is not supported; ${UNSUPPORTED[name]}.`
    const spec = PARTS[name]
    if (!spec) return `"${name}" is not a recurrence rule part.`
    if (parts.has(name)) return `"${name}" appears more than once.`
    if (!spec.valid(value)) return spec.invalid(`${name}=${value}`)
    parts.set(name, value)
  }
  return parts
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

// A day such as February 30 never comes; rrule would search to the year 9999 for it.
const monthDayCanHappen = (parts: Map<string, string>) => {
  const months = parts.has('BYMONTH') ? parts.get('BYMONTH')!.split(',').map(Number) : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
  const days = parts.get('BYMONTHDAY')!.split(',').map((day) => Math.abs(Number(day)))
  return months.some((month) => days.some((day) => day <= DAYS_IN_MONTH[month - 1]))
}

/** The RFC 5545 rules on which parts may go with which frequency, checked once each part is valid. */
const combinationProblem = (parts: Map<string, string>): string | null => {
  const freq = parts.get('FREQ')!
  if (Number(parts.get('COUNT')) > MAX_COUNT) return `"COUNT=${parts.get('COUNT')}" is too many occurrences; a series may have at most ${MAX_COUNT}.`
  if (parts.has('COUNT') && parts.has('UNTIL')) return 'use COUNT or UNTIL, not both.'
  if (!parts.has('COUNT') && !parts.has('UNTIL')) return 'community events must end, so add COUNT (e.g. COUNT=8) or UNTIL (e.g. UNTIL=20261231).'
  if (parts.has('BYWEEKNO') && freq !== 'YEARLY') return '"BYWEEKNO" only works with FREQ=YEARLY.'
  if (parts.has('BYYEARDAY') && freq !== 'YEARLY') return '"BYYEARDAY" only works with FREQ=YEARLY.'
  if (parts.has('BYMONTHDAY') && freq === 'WEEKLY') return '"BYMONTHDAY" does not work with FREQ=WEEKLY; use BYDAY.'
  if (/\d/.test(parts.get('BYDAY') ?? '') && freq !== 'MONTHLY' && freq !== 'YEARLY') {
    return `"BYDAY=${parts.get('BYDAY')}" numbers days (like 1SA), which only works with FREQ=MONTHLY or FREQ=YEARLY.`
  }
  if (/\d/.test(parts.get('BYDAY') ?? '') && freq === 'MONTHLY' && !/^([+-]?[1-5]?[A-Z]{2})(,[+-]?[1-5]?[A-Z]{2})*$/.test(parts.get('BYDAY')!)) {
    return `"BYDAY=${parts.get('BYDAY')}" asks for a weekday past the 5th in a month; use 1 to 5, or -1 to -5 to count from the end.`
  }
  if (parts.has('BYMONTHDAY') && !monthDayCanHappen(parts)) {
    return `"BYMONTHDAY=${parts.get('BYMONTHDAY')}" is not a day of the months in "BYMONTH=${parts.get('BYMONTH')}", so the event would never happen.`
  }
  if (parts.has('BYSETPOS') && ![...parts.keys()].some((name) => name.startsWith('BY') && name !== 'BYSETPOS')) {
    return '"BYSETPOS" needs another BY part (e.g. BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1).'
  }
  return null
}

/**
 * Checks an RFC 5545 RRULE value (with or without "RRULE:") for a community event. Every message
 * starts with "Recurrence rule:" and names the part at fault. Carecast's own limits on top of the
 * RFC: the series must end (COUNT up to 366, or UNTIL, not both); DTSTART is not allowed (the
 * event's start is used); frequencies below a day and BYHOUR/BYMINUTE/BYSECOND are refused
 * because the event's start sets the time of day.
 */
export const validateRRule = (rule: string): { ok: true } | { ok: false; message: string } => {
  if (typeof rule !== 'string' || !body(rule)) return fail('the rule is empty; write one like FREQ=WEEKLY;BYDAY=TU;COUNT=8.')
  if (/DTSTART/i.test(rule)) return fail('remove "DTSTART"; the event’s own start date and time are used.')
  if (/[\r\n]/.test(rule.trim())) return fail('write the rule on a single line, without other calendar properties.')
  const parts = readParts(rule)
  if (typeof parts === 'string') return fail(parts)
  if (!parts.has('FREQ')) return fail('FREQ is missing; start the rule with one, e.g. FREQ=WEEKLY.')
  const problem = combinationProblem(parts)
  if (problem) return fail(problem)
  try {
    RRule.parseString(body(rule))
  } catch (error) {
    return fail(`it could not be read (${(error as Error).message}).`)
  }
  return { ok: true }
}

/** The wall-clock time of an instant in a zone, as a "floating" UTC date (rrule's working form). */
const toWall = (instant: Date, timeZone: string) => {
  const local = new TZDate(instant.getTime(), timeZone)
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds(), local.getMilliseconds()))
}

/**
 * The instant at which the zone's clocks show a floating wall time. A time skipped by a DST
 * change moves forward by the change (02:30 on the spring-forward day becomes 03:30); a time that
 * happens twice is the first of the two.
 */
const toInstant = (wall: Date, timeZone: string) =>
  new Date(
    new TZDate(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), wall.getUTCMilliseconds(), timeZone).getTime(),
  )

/**
 * UNTIL as a floating wall time: a date alone includes that whole day in the event's zone, a
 * time ending in Z is an instant, and a bare time is the event zone's wall-clock time.
 */
const untilWall = (value: string, timeZone: string) => {
  const u = untilFields(value)!
  if (u.dateOnly) return new Date(Date.UTC(u.year, u.month - 1, u.day, 23, 59, 59, 999))
  const fields = Date.UTC(u.year, u.month - 1, u.day, u.hour, u.minute, u.second)
  return u.utc ? toWall(new Date(fields), timeZone) : new Date(fields)
}

/**
 * The start instants of a recurring event whose first start is `startsAt`, in order. The
 * expansion runs on wall-clock time in `timeZone` and each occurrence is turned back into its
 * real instant, so 18:00 stays 18:00 local across a DST change (and its UTC instant moves).
 *
 * As RFC 5545 says, `startsAt` is always the first occurrence and counts toward COUNT, even when
 * it does not match the rule (a Monday start with BYDAY=TU gives that Monday, then Tuesdays).
 * Exceptions remove the occurrence that starts at exactly that instant (to the millisecond) and
 * do not extend the series: COUNT=4 with one exception gives 3. At most `limit` starts are
 * returned, none more than 50 years after the first. Throws the validation message for an
 * invalid rule, and throws on an unknown zone or an invalid start.
 */
export const expandOccurrences = ({
  rule,
  startsAt,
  timeZone,
  exceptions = [],
  limit = 366,
}: {
  rule: string
  startsAt: Date
  timeZone: string
  exceptions?: Date[]
  limit?: number
}): Date[] => {
  const check = validateRRule(rule)
  if (!check.ok) throw new Error(check.message)
  if (!isValidTimeZone(timeZone)) throw new Error(`"${timeZone}" is not an IANA time zone (e.g. America/Chicago).`)
  if (!(startsAt instanceof Date) || Number.isNaN(startsAt.getTime())) throw new Error('The event’s start is not a valid date and time.')
  const max = Math.floor(limit)
  if (!(max > 0)) return []

  const options = RRule.parseString(body(rule))
  const untilPart = partsOf(rule).find((part) => /^UNTIL\s*=/i.test(part))
  const wallStart = toWall(startsAt, timeZone)
  // A rule that (almost) never matches, like BYMONTH=2;BYMONTHDAY=29;BYDAY=MO, would make rrule
  // search to the year 9999; no community event series runs past the horizon.
  const horizon = new Date(wallStart.getTime())
  horizon.setUTCFullYear(horizon.getUTCFullYear() + HORIZON_YEARS)
  const until = untilPart ? untilWall(untilPart.split('=')[1].trim().toUpperCase(), timeZone) : null
  // COUNT is enforced in take(), because the start counts as the first occurrence even off-rule.
  const series = new RRule({ ...options, dtstart: wallStart, until: until && until < horizon ? until : horizon, count: null, tzid: null })

  const total = options.count ?? Number.POSITIVE_INFINITY
  const skipped = new Set(exceptions.map((date) => date.getTime()))
  const starts: Date[] = []
  let generated = 0
  const take = (wall: Date) => {
    generated++
    const instant = toInstant(wall, timeZone)
    if (!skipped.has(instant.getTime())) starts.push(instant)
    return generated < total && starts.length < max
  }
  if (take(wallStart)) series.all((wall) => wall.getTime() === wallStart.getTime() || take(wall))
  return starts
}
