import { TZDate } from '@date-fns/tz'
import * as rrule from 'rrule'

// rrule's CommonJS build (what Node loads under tsx) gives ESM only a default export; its ESM
// build (what vitest and bundlers load) has no default. Take RRule from wherever it landed.
const { RRule } = ('RRule' in rrule ? rrule : (rrule as unknown as { default: typeof rrule }).default) as typeof rrule
type RRuleInstance = InstanceType<typeof RRule>

const HORIZON_YEARS = 50
const DAY_MS = 24 * 60 * 60_000
const MAX_COUNT = 999
const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']
const DAY = '(MO|TU|WE|TH|FR|SA|SU)'
const DAY_LIST = new RegExp(`^[+-]?([1-9]|[1-4]\\d|5[0-3])?${DAY}(,[+-]?([1-9]|[1-4]\\d|5[0-3])?${DAY})*$`)
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const fail = (message: string) => `Recurrence rule: ${message}`

const isWhole = (value: string, min: number, max: number, signed = false) =>
  (signed ? /^[+-]?\d{1,9}$/ : /^\+?\d{1,9}$/).test(value) && Math.abs(Number(value)) >= min && Math.abs(Number(value)) <= max
const isWholeList = (value: string, min: number, max: number, signed = false) => value.split(',').every((item) => isWhole(item, min, max, signed))

/** UNTIL's fields, or null when it is not a real date (rrule would roll 20260231 into March). */
const untilFields = (value: string) => {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value)
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0))
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60
  return real ? { year, month, day, hour, minute, second, dateOnly: match[4] === undefined, utc: match[7] === 'Z' } : null
}

const PARTS: Record<string, { valid: (value: string) => boolean; hint: string }> = {
  FREQ: { valid: (v) => FREQUENCIES.includes(v), hint: 'use DAILY, WEEKLY, MONTHLY or YEARLY' },
  INTERVAL: { valid: (v) => isWhole(v, 1, 999), hint: 'use a whole number from 1 to 999' },
  COUNT: { valid: (v) => isWhole(v, 1, MAX_COUNT), hint: `use a whole number from 1 to ${MAX_COUNT}` },
  UNTIL: { valid: (v) => untilFields(v) !== null, hint: 'use a date like 20261231 or 20261231T235959Z' },
  BYDAY: { valid: (v) => DAY_LIST.test(v), hint: 'use days like TU or MO,WE,FR (or 1SA and -1FR in a monthly rule)' },
  BYMONTHDAY: { valid: (v) => isWholeList(v, 1, 31, true), hint: 'use numbers from 1 to 31, or -1 for the last day' },
  BYMONTH: { valid: (v) => isWholeList(v, 1, 12), hint: 'use numbers from 1 to 12' },
  BYSETPOS: { valid: (v) => isWholeList(v, 1, 366, true), hint: 'use numbers like 1 (first) or -1 (last)' },
  WKST: { valid: (v) => new RegExp(`^${DAY}$`).test(v), hint: 'use a day like MO or SU' },
}

/** Parts RFC 5545 has that a re-share can't use: its time of day is the first share's. */
const REFUSED: Record<string, string> = {
  BYHOUR: 'the time of day comes from the first share',
  BYMINUTE: 'the time of day comes from the first share',
  BYSECOND: 'the time of day comes from the first share',
  BYYEARDAY: 'use BYMONTH with BYMONTHDAY instead',
  BYWEEKNO: 'use BYMONTH with BYDAY instead',
  DTSTART: 'the first share’s own date and time are used',
  EXDATE: 'cancel a single re-share instead',
  RDATE: 'schedule an extra share instead',
}

const partsOf = (rule: string) =>
  rule
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)

/** NAME → VALUE (upper-cased), or the message for the first part that is wrong. */
const readParts = (rule: string): Map<string, string> | string => {
  const parts = new Map<string, string>()
  for (const part of partsOf(rule)) {
    const at = part.indexOf('=')
    if (at <= 0 || at === part.length - 1) return `"${part}" is not a NAME=VALUE part (e.g. FREQ=WEEKLY).`
    const name = part.slice(0, at).trim().toUpperCase()
    const value = part.slice(at + 1).trim().toUpperCase()
    if (name === 'FREQ' && /^(HOURLY|MINUTELY|SECONDLY)$/.test(value)) return `"FREQ=${value}" is not supported; re-shares repeat at most daily, so use DAILY, WEEKLY, MONTHLY or YEARLY.`
    if (REFUSED[name]) return `"${name}" is not supported; ${REFUSED[name]}.`
    const spec = PARTS[name]
    if (!spec) return `"${name}" is not a recurrence rule part.`
    if (parts.has(name)) return `"${name}" appears more than once.`
    if (!spec.valid(value)) return `"${name}=${value}" is not valid; ${spec.hint}.`
    parts.set(name, value)
  }
  return parts
}

const combinationProblem = (parts: Map<string, string>): string | null => {
  const freq = parts.get('FREQ')
  const byDay = parts.get('BYDAY') ?? ''
  if (!freq) return 'FREQ is missing; start the rule with one, e.g. FREQ=WEEKLY.'
  if (parts.has('COUNT') && parts.has('UNTIL')) return 'use COUNT or UNTIL, not both.'
  if (parts.has('BYMONTHDAY') && freq === 'WEEKLY') return '"BYMONTHDAY" does not work with FREQ=WEEKLY; use BYDAY.'
  if (/\d/.test(byDay) && freq !== 'MONTHLY' && freq !== 'YEARLY') return `"BYDAY=${byDay}" numbers days (like 1SA), which only works with FREQ=MONTHLY or FREQ=YEARLY.`
  if (/\d/.test(byDay) && freq === 'MONTHLY' && !/^([+-]?[1-5]?[A-Z]{2})(,[+-]?[1-5]?[A-Z]{2})*$/.test(byDay)) return `"BYDAY=${byDay}" asks for a weekday past the 5th in a month; use 1 to 5, or -1 to -5.`
  if (parts.has('BYMONTHDAY')) {
    const months = parts.get('BYMONTH')?.split(',').map(Number) ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    const days = parts.get('BYMONTHDAY')!.split(',').map((day) => Math.abs(Number(day)))
    if (!months.some((month) => days.some((day) => day <= DAYS_IN_MONTH[month - 1]))) return `"BYMONTHDAY=${parts.get('BYMONTHDAY')}" never falls in "BYMONTH=${parts.get('BYMONTH')}", so it would never repeat.`
  }
  if (parts.has('BYSETPOS') && ![...parts.keys()].some((name) => name.startsWith('BY') && name !== 'BYSETPOS')) return '"BYSETPOS" needs another BY part (e.g. BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1).'
  return null
}

/**
 * Checks a re-share's RRULE value (with or without "RRULE:"); null when it is fine, else a
 * message that starts "Recurrence rule:" and names the part at fault. Like the host's event rules,
 * but a re-share may repeat without an end (the dispatcher only ever looks for the next one).
 */
export const validateRRule = (rule: string): string | null => {
  if (typeof rule !== 'string' || partsOf(rule).length === 0) return fail('the rule is empty; write one like FREQ=WEEKLY;BYDAY=MO;COUNT=6.')
  if (/[\r\n]/.test(rule.trim())) return fail('write the rule on a single line, without other calendar properties.')
  const parts = readParts(rule)
  if (typeof parts === 'string') return fail(parts)
  const problem = combinationProblem(parts)
  if (problem) return fail(problem)
  try {
    RRule.parseString(partsOf(rule).join(';'))
  } catch (error) {
    return fail(`it could not be read (${(error as Error).message}).`)
  }
  return null
}

/** The wall-clock time of an instant in a zone, as a "floating" UTC date: rrule's working form. */
const toWall = (instant: Date, timeZone: string) => {
  const local = new TZDate(instant.getTime(), timeZone)
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds(), local.getMilliseconds()))
}

/** The instant the zone's clocks show a wall time; a time skipped by a DST change moves forward by the change. */
const toInstant = (wall: Date, timeZone: string) =>
  new Date(new TZDate(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), wall.getUTCMilliseconds(), timeZone).getTime())

/** UNTIL as an instant: a date alone takes in that whole day in the zone, a bare time is the zone's wall time. */
const untilInstant = (value: string, timeZone: string) => {
  const u = untilFields(value)!
  if (u.utc) return new Date(Date.UTC(u.year, u.month - 1, u.day, u.hour, u.minute, u.second))
  const wall = u.dateOnly ? Date.UTC(u.year, u.month - 1, u.day, 23, 59, 59) : Date.UTC(u.year, u.month - 1, u.day, u.hour, u.minute, u.second)
  return toInstant(new Date(wall), timeZone)
}

const untilValue = (rule: string) => partsOf(rule).find((part) => /^UNTIL\s*=/i.test(part))?.split('=')[1].trim().toUpperCase()

const isTimeZone = (timeZone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return typeof timeZone === 'string' && timeZone !== ''
  } catch {
    return false
  }
}

const isInstant = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime())

type SeriesInput = { rrule: string; dtstart: Date; timeZone: string }
type Series = { timeZone: string; wallStart: Date; startOffRule: boolean; rule: RRuleInstance | null; millis: number }

/**
 * The rule set up on wall-clock time. As RFC 5545 says, dtstart is always the first occurrence
 * and counts toward COUNT even when it does not match the rule. rrule works in whole seconds, so
 * dtstart's milliseconds are set aside and put back on every occurrence.
 */
const seriesOf = ({ rrule: rule, dtstart, timeZone }: SeriesInput): Series => {
  const problem = validateRRule(rule)
  if (problem) throw new Error(problem)
  if (!isTimeZone(timeZone)) throw new Error(`"${timeZone}" is not an IANA time zone (e.g. America/New_York).`)
  if (!isInstant(dtstart)) throw new Error('The first share’s date and time (dtstart) is not valid.')
  const wallStart = toWall(dtstart, timeZone)
  const millis = wallStart.getUTCMilliseconds()
  const start = new Date(wallStart.getTime() - millis)
  const options = RRule.parseString(partsOf(rule).join(';'))
  // A rule that almost never matches (Mondays that are 29 February) would send rrule towards 9999.
  const horizon = new Date(start.getTime())
  horizon.setUTCFullYear(horizon.getUTCFullYear() + HORIZON_YEARS)
  const untilText = untilValue(rule)
  const until = untilText ? toWall(untilInstant(untilText, timeZone), timeZone) : null
  const bounded = { ...options, dtstart: start, until: until && until < horizon ? until : horizon, count: null, tzid: null }
  const startOffRule = new RRule(bounded).after(start, true)?.getTime() !== start.getTime()
  const count = options.count == null ? null : options.count - (startOffRule ? 1 : 0)
  return { timeZone, wallStart, startOffRule, rule: count === 0 ? null : new RRule({ ...bounded, count }), millis }
}

/** The occurrences in [from, to] (to = null: no end), in order, at most `max` of them. */
const walk = (series: Series, from: Date, to: Date | null, max: number): Date[] => {
  const found: Date[] = []
  if (!(max > 0) || (to && to < from)) return found
  const take = (wall: Date) => {
    const instant = toInstant(new Date(wall.getTime() + series.millis), series.timeZone)
    if (instant >= from && (!to || instant <= to)) found.push(instant)
    return found.length < max
  }
  if (series.startOffRule && !take(series.wallStart)) return found
  if (!series.rule) return found
  // The window is widened by a day in wall time, since an offset change moves wall and instant
  // apart by hours; take() then keeps only the instants really inside it.
  const wallFrom = new Date(toWall(from, series.timeZone).getTime() - DAY_MS)
  const wallTo = to ? new Date(toWall(to, series.timeZone).getTime() + DAY_MS) : series.rule.options.until!
  series.rule.between(wallFrom, wallTo, true, (wall) => take(wall))
  return found
}

export type OccurrencesInput = SeriesInput & { from: Date; to: Date; limit?: number }

/**
 * The re-share instants from `from` to `to` (both included), in order, at most `limit`. The rule
 * runs on wall-clock time in `timeZone` and each occurrence becomes its real instant, so 9:00 in
 * New York stays 9:00 across a DST change while its UTC instant moves by an hour. A wall time
 * skipped by the change (02:30 on spring-forward day) happens at the same moment an hour later
 * (03:30). Nothing is produced more than 50 years after dtstart. Throws for an invalid rule, zone
 * or dtstart.
 */
export const occurrencesBetween = ({ from, to, limit = 500, ...input }: OccurrencesInput): Date[] => {
  if (!isInstant(from) || !isInstant(to)) throw new Error('The window’s from and to must be valid dates.')
  return walk(seriesOf(input), from, to, Math.floor(limit))
}

/** The first re-share strictly after `after`, or null when the series has ended. */
export const nextOccurrenceAfter = ({ after, ...input }: SeriesInput & { after: Date }): Date | null => {
  if (!isInstant(after)) throw new Error('"after" must be a valid date.')
  return walk(seriesOf(input), new Date(after.getTime() + 1), null, 1)[0] ?? null
}

/**
 * The rule as an iCalendar RRULE value for an event whose DTSTART carries a TZID: upper-cased,
 * without "RRULE:", and with UNTIL turned into UTC as RFC 5545 §3.3.10 requires there (a date-only
 * UNTIL keeps that whole day in the zone, as it does here).
 */
export const toICalRRule = (rule: string, timeZone: string): string => {
  const problem = validateRRule(rule)
  if (problem) throw new Error(problem)
  return partsOf(rule)
    .map((part) => {
      const [name, value] = part.split('=').map((piece) => piece.trim().toUpperCase())
      if (name !== 'UNTIL') return `${name}=${value}`
      return `UNTIL=${untilInstant(value, timeZone).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`
    })
    .join(';')
}
