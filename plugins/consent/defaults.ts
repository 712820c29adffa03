import type { CollectionSlug } from 'payload'

import type { ChannelKind } from '../scheduler'
import type { ConsentPluginOptions } from './types'

export type SanitizedConsentConfig = Required<ConsentPluginOptions>

/** Webhooks feed the hospital's own sites and partners' pages: the web's consent covers them. */
const defaultConsentChannel = (channel: ChannelKind): string =>
  channel === 'webhook' ? 'web' : channel

export const sanitizeConsentOptions = (options: ConsentPluginOptions): SanitizedConsentConfig => ({
  ...options,
  consentChannel: options.consentChannel ?? defaultConsentChannel,
  takedownWithinHours: options.takedownWithinHours ?? 24,
  warnDaysBefore: options.warnDaysBefore ?? 30,
  tasksSlug: options.tasksSlug ?? ('consent-tasks' as CollectionSlug),
  manualChannels: options.manualChannels ?? ['print', 'broadcast', 'email', 'paid-advertising'],
  onEvent: options.onEvent ?? (() => {}),
  revocationFields: options.revocationFields ?? {
    receivedAt: 'revocation.receivedAt',
    method: 'revocation.method',
    notes: 'revocation.notes',
    recordedBy: 'revocation.recordedBy',
  },
})
