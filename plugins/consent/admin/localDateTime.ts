/**
 * A `datetime-local` input's value is a wall-clock time in the browser's zone without one
 * (`2026-12-04T09:30`); the server stores instants. These convert between the two, to the minute.
 */
const pad = (n: number) => String(n).padStart(2, '0')

/** The input value showing `date` in the browser's own zone. */
export const toLocalInput = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`

/** The instant an input value means in the browser's zone, or null for an empty or broken value. */
export const fromLocalInput = (value: string): string | null => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}
