import type { DateFieldValidation, TextFieldSingleValidation } from 'payload'

import { isValidTimeZone, type RecurrencePolicy, validateRRule } from '../../../calendar'
import type { SanitizedSchedulerConfig } from '../../defaults'
import { adapterFor } from '../../channels/registry'
import type { ChannelKind } from '../../types'
import { channelOf } from './accountOf'

/**
 * A re-share may repeat without end (the dispatcher only ever looks for the next one); its first
 * share's publish time is the series' start.
 */
export const reshareRecurrence: RecurrencePolicy = {
  owner: 'the first share',
  repeats: 'the re-shares',
  maxCount: 999,
  insteadOfDates: 'cancel a single re-share, or schedule an extra share, instead',
  example: 'FREQ=WEEKLY;BYDAY=MO;COUNT=6',
}

export const validateTimeZone: TextFieldSingleValidation = (value) =>
  typeof value === 'string' && isValidTimeZone(value)
    ? true
    : `timeZone: "${String(value ?? '')}" is not an IANA time zone (e.g. America/Chicago).`

export const validateRRuleField: TextFieldSingleValidation = (value) => {
  if (!value) return true
  const check = validateRRule(value, reshareRecurrence)
  return check.ok ? true : `repeat: ${check.message}`
}

/** An unpublish time must follow the publish time, on a network that lets us delete. */
export const validateUnpublishAt =
  (config: SanitizedSchedulerConfig): DateFieldValidation =>
  async (value, { siblingData, req }) => {
    if (!value) return true
    const data = siblingData as { dueAt?: string; channel?: ChannelKind; channelAccount?: unknown }
    if (data.dueAt && new Date(value).getTime() <= new Date(data.dueAt).getTime())
      return 'unpublishAt: must be after the publish time (dueAt).'
    const { channel } = await channelOf(config, req, data)
    const adapter = channel ? adapterFor(config, channel, req.payload) : undefined
    if (adapter && !adapter.canDelete)
      return `unpublishAt: ${channel} posts can't be deleted through its API, so they can't be unpublished on a schedule.`
    return true
  }
