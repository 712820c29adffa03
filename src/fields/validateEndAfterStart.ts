import type { DateFieldValidation } from 'payload'

/** For an `endsAt` date field: must be after the sibling `startsAt`. */
export const validateEndAfterStart: DateFieldValidation = (value, { siblingData, required }) => {
  if (!value) return required ? 'An end date and time is required.' : true
  const start = (siblingData as { startsAt?: string | Date } | undefined)?.startsAt
  if (start && new Date(value).getTime() <= new Date(start).getTime()) {
    return 'The end must be after the start.'
  }
  return true
}
