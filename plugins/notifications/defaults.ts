import type { CollectionSlug, PayloadRequest } from 'payload'

import { smtpNotifier } from './notifiers/smtp'
import type {
  DigestSettings,
  Notifier,
  NotificationsPluginOptions,
  TimedNoticeSource,
} from './types'

/** Every default the plugin has, written once. */
export const notificationsDefaults = {
  slug: 'notifications',
  usersCollection: 'users',
  adminGroup: 'Inbox',
  from: 'Notifications <notifications@localhost>',
  serverURL: 'http://localhost:3000',
  digest: { intervalMs: 3_600_000, gatherMs: 5 * 60_000, pollMs: 60_000 } satisfies DigestSettings,
} as const

export type SanitizedNotificationsConfig = {
  slug: CollectionSlug
  usersCollection: CollectionSlug
  canReadAll: (req: PayloadRequest) => boolean
  adminGroup: string
  /** null: nothing is mailed; notifications are recorded in the admin only. */
  notifier: Notifier | null
  from: string
  /** Without a trailing slash. */
  serverURL: string
  timedNotices: TimedNoticeSource[]
  digest: DigestSettings
}

/** An SMTP URL is checked at start-up, in one sentence that never repeats it (it holds a password). */
const checkedSmtpUrl = (url: string): string => {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(
      'notificationsPlugin: smtpUrl is not a URL (expected smtp://user:pass@host:port).',
    )
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw new Error(
      `notificationsPlugin: smtpUrl must start with smtp:// or smtps://, not ${parsed.protocol}//.`,
    )
  return url
}

export const sanitizeNotificationsOptions = (
  options: NotificationsPluginOptions,
  payloadServerURL?: string,
): SanitizedNotificationsConfig => {
  const from = options.from ?? notificationsDefaults.from
  const smtpUrl = options.smtpUrl ? checkedSmtpUrl(options.smtpUrl) : undefined
  return {
    slug: (options.slug ?? notificationsDefaults.slug) as CollectionSlug,
    usersCollection:
      options.usersCollection ?? (notificationsDefaults.usersCollection as CollectionSlug),
    canReadAll: options.canReadAll ?? (() => false),
    adminGroup: options.adminGroup ?? notificationsDefaults.adminGroup,
    notifier: options.notifier ?? (smtpUrl ? smtpNotifier(smtpUrl, from) : null),
    from,
    serverURL: (options.serverURL || payloadServerURL || notificationsDefaults.serverURL).replace(
      /\/+$/,
      '',
    ),
    timedNotices: options.timedNotices ?? [],
    digest: { ...notificationsDefaults.digest, ...options.digest },
  }
}
