/**
 * A date without a time, shown with its year: Payload's day-only picker shows "Apr 12" by default,
 * and a 1961 birth date or a 2027 expiry must not read like this year's.
 */
export const dayOnly = {
  date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' },
} as const
