import type { TextField } from 'payload'

import { isValidTimeZone } from '../../plugins/calendar'

/** The IANA zone a schedule is written in; times are stored in UTC beside it. */
export const timeZoneField = (defaultValue = 'America/New_York'): TextField => ({
  name: 'timeZone',
  type: 'text',
  required: true,
  defaultValue,
  admin: { description: 'IANA time zone, e.g. America/New_York or Europe/Madrid.' },
  validate: (value: unknown) =>
    typeof value === 'string' && isValidTimeZone(value)
      ? true
      : `"${String(value ?? '')}" is not an IANA time zone (e.g. America/Chicago).`,
})
