import type { NotificationsPluginOptions } from '../../plugins/notifications'
import { isAdmin } from '../access/isAdmin'
import { slugs } from '../slugs'
import { takedownsDueSoon } from './timedNotices'

/** Carecast's notifications wiring: admins read everyone's, mail goes through SMTP_URL when set. */
export const notificationsOptions = (): NotificationsPluginOptions => ({
  slug: slugs.notifications,
  usersCollection: slugs.users,
  canReadAll: (req) => isAdmin({ req } as never) === true,
  smtpUrl: process.env.SMTP_URL || null,
  from: process.env.SMTP_FROM || 'Carecast <carecast@localhost>',
  serverURL: process.env.SERVER_URL || `http://localhost:${process.env.PORT || 3000}`,
  timedNotices: [takedownsDueSoon],
})
