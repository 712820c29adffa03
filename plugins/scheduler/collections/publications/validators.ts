import type { DateFieldValidation, TextFieldSingleValidation } from 'payload'

import type { SanitizedSchedulerConfig } from '../../defaults'
import { validateRRule } from '../../lib/recurrence'
import { adapterFor } from '../../channels/registry'

const isTimeZone = (value: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return value.includes('/') || value === 'UTC'
  } catch {
    return false
  }
}

export const validateTimeZone: TextFieldSingleValidation = (value) =>
  typeof value === 'string' && isTimeZone(value) ? true : `timeZone: "${String(value ?? '')}" is not an IANA time zone (e.g. America/Chicago).`

export const validateRRuleField: TextFieldSingleValidation = (value) => {
  if (!value) return true
  const problem = validateRRule(value)
  return problem ? `repeat: ${problem}` : true
}

/** An unpublish time must follow the publish time, on a network that lets us delete. */
export const validateUnpublishAt =
  (config: SanitizedSchedulerConfig): DateFieldValidation =>
  (value, { siblingData, req }) => {
    if (!value) return true
    const data = siblingData as { dueAt?: string; channel?: string }
    if (data.dueAt && new Date(value).getTime() <= new Date(data.dueAt).getTime()) return 'unpublishAt: must be after the publish time (dueAt).'
    const adapter = data.channel ? adapterFor(config, data.channel, req.payload) : undefined
    if (adapter && !adapter.canDelete) return `unpublishAt: ${data.channel} posts can't be deleted through its API, so they can't be unpublished on a schedule.`
    return true
  }
