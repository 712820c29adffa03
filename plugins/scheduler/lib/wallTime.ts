import { TZDate } from '@date-fns/tz'

/**
 * Wall-clock times in a named zone, "2026-12-05T09:00:00", whatever zone the browser or the
 * server runs in: the calendar shows each post at its time in its own zone, and a post dragged to
 * another day keeps that time there (issue 16: 9:00 typed in a UTC browser became 05:00 in New York).
 */
const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

const pad = (n: number) => String(n).padStart(2, '0')

export const wallTimeIn = (instant: Date | string, timeZone: string): string => {
  const at = new TZDate(new Date(instant).getTime(), timeZone)
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`
}

/** The instant a wall-clock time names in `timeZone`; null when `wall` is not one. */
export const fromWallTime = (wall: string, timeZone: string): Date | null => {
  const match = WALL.exec(wall)
  if (!match) return null
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map((part) => Number(part ?? 0)) as number[]
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return null
  const at = new TZDate(year, month - 1, day, hour, minute, second, timeZone)
  // 31 February rolls over into March: not a date a person meant.
  if (at.getDate() !== day) return null
  return new Date(at.getTime())
}
