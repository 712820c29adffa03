import { tzName, tzOffset, tzScan } from '@date-fns/tz'

/**
 * VTIMEZONE components from the platform's own time zone data (Intl, through @date-fns/tz), for
 * ical-generator's `timezone({ generator })`: ical-generator has no zone database, and the usual
 * generator (@touch4it/ical-timezones) is not a dependency here.
 *
 * The component lists every offset change between a little before `from` and a few years after
 * `to`, each as its own observance. When the last full year's changes follow a yearly rule
 * (the n-th or last weekday of a month at a fixed wall time, as in the US and the EU), those are
 * written with that RRULE instead, so a client extends them past the scanned years, which an
 * endless re-share needs.
 */

const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS
const YEAR_MS = 366 * DAY_MS
// Intl's en-US short names are EST/EDT in America but "GMT+1" in Europe; only real abbreviations are kept.
const ABBREVIATION = /^[A-Z]{2,5}$/
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA']
const pad = (n: number, width = 2) => String(n).padStart(width, '0')

type Change = { at: Date; from: number; to: number }
type YearlyRule = { month: number; weekday: number; position: number; wallTime: number }

/** The offset changes in [start, end]; tzScan finds them to the hour, so each is narrowed to the minute. */
const changesBetween = (timeZone: string, start: Date, end: Date): Change[] =>
  tzScan(timeZone, { start, end }).map(({ date, offset, change }) => {
    let before = date.getTime() - 60 * MINUTE_MS
    let after = date.getTime()
    while (after - before > MINUTE_MS) {
      const middle = before + Math.floor((after - before) / 2 / MINUTE_MS) * MINUTE_MS
      if (tzOffset(timeZone, new Date(middle)) === offset) after = middle
      else before = middle
    }
    return { at: new Date(after), from: offset - change, to: offset }
  })

/** The wall-clock time just before the change, as a floating UTC date (observance DTSTARTs are in TZOFFSETFROM). */
const wallBefore = (change: Change) => new Date(change.at.getTime() + change.from * MINUTE_MS)

const formatWall = (wall: Date) =>
  `${pad(wall.getUTCFullYear(), 4)}${pad(wall.getUTCMonth() + 1)}${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}${pad(wall.getUTCMinutes())}${pad(wall.getUTCSeconds())}`

const formatOffset = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(Math.round(minutes))
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
}

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month + 1, 0)).getUTCDate()

/** The day of the month of a rule's weekday in a given year and month (position -1 = the last). */
const ruleDay = (rule: YearlyRule, year: number) => {
  if (rule.position < 0) {
    const last = daysInMonth(year, rule.month)
    const lastWeekday = new Date(Date.UTC(year, rule.month, last)).getUTCDay()
    return last - ((lastWeekday - rule.weekday + 7) % 7)
  }
  const firstWeekday = new Date(Date.UTC(year, rule.month, 1)).getUTCDay()
  const day = 1 + ((rule.weekday - firstWeekday + 7) % 7) + (rule.position - 1) * 7
  return day <= daysInMonth(year, rule.month) ? day : null
}

/** Whether `rule` produces exactly this change's wall time in the change's own year. */
const ruleMatches = (rule: YearlyRule, change: Change) => {
  const wall = wallBefore(change)
  const day = ruleDay(rule, wall.getUTCFullYear())
  return (
    day !== null &&
    wall.getUTCMonth() === rule.month &&
    wall.getUTCDate() === day &&
    wall.getTime() % DAY_MS === rule.wallTime
  )
}

/** A yearly rule that reproduces `change` and the same change in each earlier year given, if there is one. */
const yearlyRule = (change: Change, earlier: Change[][]): YearlyRule | null => {
  const wall = wallBefore(change)
  const base = {
    month: wall.getUTCMonth(),
    weekday: wall.getUTCDay(),
    wallTime: wall.getTime() % DAY_MS,
  }
  const candidates = [
    ...(wall.getUTCDate() + 7 > daysInMonth(wall.getUTCFullYear(), wall.getUTCMonth())
      ? [{ ...base, position: -1 }]
      : []),
    { ...base, position: Math.ceil(wall.getUTCDate() / 7) },
  ]
  return (
    candidates.find((rule) =>
      earlier.every((year) =>
        year.some(
          (other) =>
            other.from === change.from && other.to === change.to && ruleMatches(rule, other),
        ),
      ),
    ) ?? null
  )
}

const observance = (
  kind: 'STANDARD' | 'DAYLIGHT',
  wall: Date,
  from: number,
  to: number,
  name: string,
  rrule?: string,
) =>
  [
    `BEGIN:${kind}`,
    `DTSTART:${formatWall(wall)}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    ...(ABBREVIATION.test(name) ? [`TZNAME:${name}`] : []),
    `END:${kind}`,
  ].join('\r\n')

const kindOf = (change: Change) => (change.to > change.from ? 'DAYLIGHT' : 'STANDARD')

/**
 * A VTIMEZONE for `timeZone` good for instants from `from` to `to` (and beyond, where the zone
 * follows a yearly rule), or null for UTC or a name the platform does not know.
 */
export const buildVTimezone = (timeZone: string, from: Date, to: Date): string | null => {
  if (timeZone === 'UTC' || Number.isNaN(tzOffset(timeZone, from))) return null
  // From January 1 of the year before, so the observance in force at `from` is always listed.
  const start = new Date(Date.UTC(from.getUTCFullYear() - 1, 0, 1))
  const lastYear = new Date(Math.max(to.getTime(), from.getTime()) + 3 * YEAR_MS).getUTCFullYear()
  const end = new Date(Date.UTC(lastYear + 1, 0, 1))
  const changes = changesBetween(timeZone, start, end)
  const inYear = (year: number) =>
    changes.filter((change) => wallBefore(change).getUTCFullYear() === year)

  const finalYear = inYear(lastYear)
  const rules = finalYear.map((change) =>
    yearlyRule(change, [inYear(lastYear - 1), inYear(lastYear - 2)]),
  )
  const repeating =
    finalYear.length > 0 &&
    rules.every((rule) => rule !== null) &&
    [lastYear - 1, lastYear - 2].every((year) => inYear(year).length === finalYear.length)
  const oneOffs = repeating ? changes.filter((change) => !finalYear.includes(change)) : changes

  const initialOffset = tzOffset(timeZone, start)
  const initialKind =
    changes.length > 0 && changes[0].to < changes[0].from ? 'DAYLIGHT' : 'STANDARD'
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    observance(
      initialKind,
      new Date(start.getTime() + initialOffset * MINUTE_MS),
      initialOffset,
      initialOffset,
      tzName(timeZone, start, 'short'),
    ),
    ...oneOffs.map((change) =>
      observance(
        kindOf(change),
        wallBefore(change),
        change.from,
        change.to,
        tzName(timeZone, change.at, 'short'),
      ),
    ),
    ...(repeating
      ? finalYear.map((change, i) => {
          const rule = rules[i]!
          const rrule = `FREQ=YEARLY;BYMONTH=${rule.month + 1};BYDAY=${rule.position}${WEEKDAYS[rule.weekday]}`
          return observance(
            kindOf(change),
            wallBefore(change),
            change.from,
            change.to,
            tzName(timeZone, change.at, 'short'),
            rrule,
          )
        })
      : []),
    'END:VTIMEZONE',
  ]
  return lines.join('\r\n')
}
