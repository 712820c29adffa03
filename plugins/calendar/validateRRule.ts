import { RRule } from './rrule'

const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']
const DAY = '(MO|TU|WE|TH|FR|SA|SU)'
const DAY_LIST = new RegExp(
  `^[+-]?([1-9]|[1-4]\\d|5[0-3])?${DAY}(,[+-]?([1-9]|[1-4]\\d|5[0-3])?${DAY})*$`,
)
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * What a caller adds to RFC 5545 for its own series, and the words its messages use. A re-share
 * may repeat without end; a community event must end and has at most 366 occurrences.
 */
export type RecurrencePolicy = {
  /** Whose start the rule repeats, as the messages name it: "the event". Its date is the first occurrence, its time of day every occurrence's. */
  owner: string
  /** What a rule that never matches would leave out, as the messages name it: "the event", "the re-shares". */
  repeats: string
  /** The largest COUNT a rule may ask for. */
  maxCount: number
  /** Set when every series must end (COUNT or UNTIL): who must, as the message names them ("community events"). */
  mustEnd?: string
  /** What to do instead of writing EXDATE or RDATE into the rule ("list skipped dates as exceptions instead"). */
  insteadOfDates: string
  /** A good rule, shown when the rule is empty. */
  example: string
}

/** RFC 5545 with the limits every caller shares: no end needed, COUNT up to 999. */
export const defaultRecurrencePolicy: RecurrencePolicy = {
  owner: 'the series',
  repeats: 'the series',
  maxCount: 999,
  insteadOfDates: 'list extra or skipped dates outside the rule instead',
  example: 'FREQ=WEEKLY;BYDAY=MO;COUNT=6',
}

export type RecurrenceCheck = { ok: true } | { ok: false; message: string }

const isWhole = (value: string, min: number, max: number, signed = false) =>
  (signed ? /^[+-]?\d{1,9}$/ : /^\+?\d{1,9}$/).test(value) &&
  Math.abs(Number(value)) >= min &&
  Math.abs(Number(value)) <= max
const isWholeList = (value: string, min: number, max: number, signed = false) =>
  value.split(',').every((item) => isWhole(item, min, max, signed))

/** UNTIL's fields, or null when it is not a real date (rrule would roll 20260231 into March). */
export const untilFields = (value: string) => {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value)
  if (!match) return null
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0))
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  const real =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  return real
    ? {
        year,
        month,
        day,
        hour,
        minute,
        second,
        dateOnly: match[4] === undefined,
        utc: match[7] === 'Z',
      }
    : null
}

/**
 * The RFC 5545 rule parts accepted, with a check of the value and the sentence that says what a
 * good value looks like. rrule's own parser is lenient ("FREQ=SOMETIMES" becomes no frequency,
 * "COUNT=abc" is kept as text), so every value is checked here first. COUNT's upper bound is the
 * policy's, checked with the combinations so the message can say "too many".
 */
const PARTS: Record<
  string,
  { valid: (value: string) => boolean; invalid: (part: string, policy: RecurrencePolicy) => string }
> = {
  FREQ: {
    valid: (v) => FREQUENCIES.includes(v),
    invalid: (p, { owner }) =>
      /^FREQ=(HOURLY|MINUTELY|SECONDLY)$/.test(p)
        ? `"${p}" is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY (${owner}’s start sets the time of day).`
        : `"${p}" is not a valid frequency; use DAILY, WEEKLY, MONTHLY or YEARLY.`,
  },
  INTERVAL: {
    valid: (v) => isWhole(v, 1, 999),
    invalid: (p) => `"${p}" is not a valid interval; use a whole number from 1 to 999.`,
  },
  COUNT: {
    valid: (v) => isWhole(v, 1, 999_999_999),
    invalid: (p, { maxCount }) =>
      `"${p}" is not a valid count; use a whole number from 1 to ${maxCount}.`,
  },
  UNTIL: {
    valid: (v) => untilFields(v) !== null,
    invalid: (p) => `"${p}" is not a valid end date; use a date like 20261231 or 20261231T235959Z.`,
  },
  BYDAY: {
    valid: (v) => DAY_LIST.test(v),
    invalid: (p) =>
      `"${p}" is not a valid list of days; use days like TU or MO,WE,FR (or 1SA and -1FR in a monthly rule).`,
  },
  BYMONTHDAY: {
    valid: (v) => isWholeList(v, 1, 31, true),
    invalid: (p) =>
      `"${p}" is not a valid list of days of the month; use numbers from 1 to 31, or -1 for the last day.`,
  },
  BYMONTH: {
    valid: (v) => isWholeList(v, 1, 12),
    invalid: (p) => `"${p}" is not a valid list of months; use numbers from 1 to 12.`,
  },
  BYYEARDAY: {
    valid: (v) => isWholeList(v, 1, 366, true),
    invalid: (p) =>
      `"${p}" is not a valid list of days of the year; use numbers from 1 to 366, or negative ones counted from the end.`,
  },
  BYWEEKNO: {
    valid: (v) => isWholeList(v, 1, 53, true),
    invalid: (p) => `"${p}" is not a valid list of week numbers; use numbers from 1 to 53.`,
  },
  BYSETPOS: {
    valid: (v) => isWholeList(v, 1, 366, true),
    invalid: (p) =>
      `"${p}" is not a valid list of positions; use numbers like 1 (first) or -1 (last).`,
  },
  WKST: {
    valid: (v) => new RegExp(`^${DAY}$`).test(v),
    invalid: (p) => `"${p}" is not a valid week start; use a day like MO or SU.`,
  },
}

/** Rule parts RFC 5545 defines that make no sense for a series whose start sets the time of day. */
const TIME_OF_DAY = ['BYHOUR', 'BYMINUTE', 'BYSECOND']

/** The rule's parts, without an "RRULE:" prefix or empty parts (a trailing ";" is harmless). */
export const partsOf = (rule: string) =>
  rule
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)

/** The rule as rrule's parser wants it. */
export const body = (rule: string) => partsOf(rule).join(';')

const dtstartMessage = ({ owner }: RecurrencePolicy) =>
  `remove "DTSTART"; ${owner}’s own start date and time are used.`

/** The parts as upper-cased NAME → VALUE, or the message for the first part that is wrong. */
const readParts = (rule: string, policy: RecurrencePolicy): Map<string, string> | string => {
  const parts = new Map<string, string>()
  for (const part of partsOf(rule)) {
    const at = part.indexOf('=')
    if (at <= 0 || at === part.length - 1)
      return `"${part}" is not a NAME=VALUE part (e.g. FREQ=WEEKLY).`
    const name = part.slice(0, at).trim().toUpperCase()
    const value = part
      .slice(at + 1)
      .trim()
      .toUpperCase()
    if (name === 'DTSTART') return dtstartMessage(policy)
    if (name === 'EXDATE' || name === 'RDATE')
      return `"${name}" does not belong in the rule; ${policy.insteadOfDates}.`
    if (TIME_OF_DAY.includes(name))
      return `"${name}" is not supported; the time of day comes from ${policy.owner}’s start.`
    const spec = PARTS[name]
    if (!spec) return `"${name}" is not a recurrence rule part.`
    if (parts.has(name)) return `"${name}" appears more than once.`
    if (!spec.valid(value)) return spec.invalid(`${name}=${value}`, policy)
    parts.set(name, value)
  }
  return parts
}

// A day such as February 30 never comes; rrule would search to the year 9999 for it.
const monthDayCanHappen = (parts: Map<string, string>) => {
  const months = parts.has('BYMONTH')
    ? parts.get('BYMONTH')!.split(',').map(Number)
    : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
  const days = parts
    .get('BYMONTHDAY')!
    .split(',')
    .map((day) => Math.abs(Number(day)))
  return months.some((month) => days.some((day) => day <= DAYS_IN_MONTH[month - 1]))
}

/** The RFC 5545 rules on which parts may go with which frequency, checked once each part is valid. */
const combinationProblem = (
  parts: Map<string, string>,
  policy: RecurrencePolicy,
): string | null => {
  const freq = parts.get('FREQ')!
  const byDay = parts.get('BYDAY') ?? ''
  if (Number(parts.get('COUNT')) > policy.maxCount)
    return `"COUNT=${parts.get('COUNT')}" is too many occurrences; a series may have at most ${policy.maxCount}.`
  if (parts.has('COUNT') && parts.has('UNTIL')) return 'use COUNT or UNTIL, not both.'
  if (policy.mustEnd && !parts.has('COUNT') && !parts.has('UNTIL'))
    return `${policy.mustEnd} must end, so add COUNT (e.g. COUNT=8) or UNTIL (e.g. UNTIL=20261231).`
  // RFC 5545 §3.3.10: BYWEEKNO only with YEARLY; BYYEARDAY not with DAILY, WEEKLY or MONTHLY.
  if (parts.has('BYWEEKNO') && freq !== 'YEARLY') return '"BYWEEKNO" only works with FREQ=YEARLY.'
  if (parts.has('BYYEARDAY') && freq !== 'YEARLY') return '"BYYEARDAY" only works with FREQ=YEARLY.'
  if (parts.has('BYMONTHDAY') && freq === 'WEEKLY')
    return '"BYMONTHDAY" does not work with FREQ=WEEKLY; use BYDAY.'
  if (/\d/.test(byDay) && freq !== 'MONTHLY' && freq !== 'YEARLY')
    return `"BYDAY=${byDay}" numbers days (like 1SA), which only works with FREQ=MONTHLY or FREQ=YEARLY.`
  if (
    /\d/.test(byDay) &&
    freq === 'MONTHLY' &&
    !/^([+-]?[1-5]?[A-Z]{2})(,[+-]?[1-5]?[A-Z]{2})*$/.test(byDay)
  ) {
    return `"BYDAY=${byDay}" asks for a weekday past the 5th in a month; use 1 to 5, or -1 to -5 to count from the end.`
  }
  if (parts.has('BYMONTHDAY') && !monthDayCanHappen(parts)) {
    return `"BYMONTHDAY=${parts.get('BYMONTHDAY')}" is not a day of the months in "BYMONTH=${parts.get('BYMONTH')}", so ${policy.repeats} would never happen.`
  }
  if (
    parts.has('BYSETPOS') &&
    ![...parts.keys()].some((name) => name.startsWith('BY') && name !== 'BYSETPOS')
  ) {
    return '"BYSETPOS" needs another BY part (e.g. BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1).'
  }
  return null
}

/**
 * Checks an RFC 5545 RRULE value (with or without "RRULE:"). Every message starts with
 * "Recurrence rule:" and names the part at fault. On top of the RFC, for every caller: DTSTART,
 * EXDATE and RDATE do not belong in the rule (the series has its own start, and its own lists of
 * dates), and frequencies below a day and BYHOUR/BYMINUTE/BYSECOND are refused because the
 * start sets the time of day. The policy adds a caller's own limits (a most COUNT, whether the
 * series must end) and the words its messages use.
 */
export const validateRRule = (
  rule: string,
  policy: RecurrencePolicy = defaultRecurrencePolicy,
): RecurrenceCheck => {
  const fail = (message: string): RecurrenceCheck => ({
    ok: false,
    message: `Recurrence rule: ${message}`,
  })
  if (typeof rule !== 'string' || !body(rule))
    return fail(`the rule is empty; write one like ${policy.example}.`)
  if (/DTSTART/i.test(rule)) return fail(dtstartMessage(policy))
  if (/[\r\n]/.test(rule.trim()))
    return fail('write the rule on a single line, without other calendar properties.')
  const parts = readParts(rule, policy)
  if (typeof parts === 'string') return fail(parts)
  if (!parts.has('FREQ')) return fail('FREQ is missing; start the rule with one, e.g. FREQ=WEEKLY.')
  const problem = combinationProblem(parts, policy)
  if (problem) return fail(problem)
  try {
    RRule.parseString(body(rule))
  } catch (error) {
    return fail(`it could not be read (${(error as Error).message}).`)
  }
  return { ok: true }
}

/** Throws the validation message for a rule the policy refuses. */
export const assertRule = (rule: string, policy: RecurrencePolicy) => {
  const check = validateRRule(rule, policy)
  if (!check.ok) throw new Error(check.message)
}
