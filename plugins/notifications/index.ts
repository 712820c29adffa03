import type { Config } from 'payload'

import { notificationsCollection } from './collections/notifications'
import { NOTIFICATIONS_CUSTOM_KEY } from './config'
import { sanitizeNotificationsOptions } from './defaults'
import type { NotificationsPluginOptions } from './types'

/**
 * Notifications: an admin-visible record of who was told what (the `notifications` collection),
 * `notify` to write them, and a pass every worker runs (`startNotifications`) that records the
 * timed notices and mails each person at most one digest an hour through a `Notifier` (SMTP with
 * nodemailer when `smtpUrl` is set; otherwise nothing is mailed). It knows the host only by the
 * users collection's slug; what to say, and to whom, is the host's.
 */
export const notificationsPlugin =
  (options: NotificationsPluginOptions = {}) =>
  (incoming: Config): Config => {
    const config = sanitizeNotificationsOptions(options, incoming.serverURL)
    return {
      ...incoming,
      collections: [...(incoming.collections ?? []), notificationsCollection(config)],
      custom: { ...incoming.custom, [NOTIFICATIONS_CUSTOM_KEY]: config },
    }
  }

export { notificationsConfigOf } from './config'
export { notificationsDefaults, type SanitizedNotificationsConfig } from './defaults'
export { notify, type NotifyOptions } from './notify'
export { smtpNotifier } from './notifiers/smtp'
export { runNotifications, startNotifications, type NotificationsPassResult } from './run'
export type {
  DigestSettings,
  Mail,
  NotificationInput,
  Notifier,
  NotificationsPluginOptions,
  TimedNotice,
  TimedNoticeSource,
} from './types'
