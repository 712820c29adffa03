import type { SanitizedNotificationsConfig } from './defaults'

export const NOTIFICATIONS_CUSTOM_KEY = 'carecastNotifications'

/** The plugin's resolved options, from a booted Payload. */
export const notificationsConfigOf = (payload: {
  config: { custom?: Record<string, unknown> }
}): SanitizedNotificationsConfig => {
  const config = payload.config.custom?.[NOTIFICATIONS_CUSTOM_KEY] as
    SanitizedNotificationsConfig | undefined
  if (!config) throw new Error('notificationsPlugin is not installed in this Payload config')
  return config
}
