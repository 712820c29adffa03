import { fromWallTime } from '../../../plugins/scheduler/lib/wallTime'

export const NEW_YORK = 'America/New_York'
export const DAY = 86_400_000

/** `YYYY-MM-DD` of the day `days` after `date`. */
export const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)

/** The UTC instant of a wall-clock time in New York (EST or EDT, whichever that day has). */
export const newYorkInstant = (date: string, time: string) =>
  fromWallTime(`${date}T${time}`, NEW_YORK)!
