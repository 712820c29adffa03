/**
 * The notifications plugin's options and the shapes it hands to the host.
 *
 * Glossary
 * - notification  one admin-visible record: "this person was told this, at this time", with a
 *                 link to the admin screen it is about. The recipient reads it (and ticks it read);
 *                 admins read everyone's. Server code writes it (`notify`); nobody creates one
 *                 through the API.
 * - notifier      what sends an email: one method, `send({ to, subject, text })`. The plugin
 *                 ships an SMTP one (nodemailer); without a notifier nothing is mailed and the
 *                 records are the only trace.
 * - digest        one email gathering a person's unmailed notifications. A person gets at most
 *                 one per `digest.intervalMs`; the first unmailed item waits `digest.gatherMs`
 *                 so a burst (a revocation that makes ten tasks) arrives as one mail.
 * - pass          what every worker process runs on an interval: the timed notices, then the
 *                 digests, under one Postgres advisory lock, so two workers never send the same
 *                 digest or the same notice.
 * - timed notice  a notice a clock raises, not an event (a task due within a day): a source the
 *                 host supplies returns them on each pass; each is recorded once per `key` and
 *                 recipient, so the next pass does not repeat it.
 */
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

/** An email as the notifier sends it: plain text only. */
export type Mail = { to: string; subject: string; text: string }

/** Sends one email. Throws when the server refuses it; the digest is then tried again on the next pass. */
export type Notifier = { send: (mail: Mail) => Promise<void> }

/** What `notify` records, once per recipient. */
export type NotificationInput = {
  /** User ids; duplicates and empty values are dropped. */
  recipients: (number | string | null | undefined)[]
  /** A short, stable name of what happened (`publication.submitted`), for filtering in the admin. */
  kind: string
  /** One line. Mailed as is: never put there what the recipient's role may not read. */
  subject: string
  /** Plain text, a few lines. The same rule as `subject`. */
  text: string
  /** The admin path it is about (`/admin/collections/publications/12`), made absolute in the mail. */
  link?: string | null
}

/** A timed notice: a notification with a key; one with the same key and recipient is recorded once. */
export type TimedNotice = NotificationInput & { key: string }

/** Returns the notices due at `now`; called on every pass, under the lock. */
export type TimedNoticeSource = (context: {
  payload: Payload
  now: Date
}) => Promise<TimedNotice[]> | TimedNotice[]

export type NotificationsPluginOptions = {
  /** Slug of the notifications collection. @default 'notifications' */
  slug?: string
  /** The host's users collection (recipients; their `email` is where digests go). @default 'users' */
  usersCollection?: CollectionSlug
  /** Who reads everyone's notifications in the admin (everyone else reads only their own). @default nobody */
  canReadAll?: (req: PayloadRequest) => boolean
  /** Admin group the collection appears under. @default 'Inbox' */
  adminGroup?: string
  /**
   * An `smtp://user:pass@host:port` (or `smtps://`) URL: digests go through it with nodemailer.
   * Unset or empty: nothing is mailed and notifications are recorded in the admin only.
   * @default undefined
   */
  smtpUrl?: string | null
  /** Sends the digests instead of the SMTP one (another transport, or a test's). @default the SMTP notifier of `smtpUrl`, else none */
  notifier?: Notifier | null
  /** The digests' From address. @default 'Notifications <notifications@localhost>' */
  from?: string
  /** Origin the mailed links are made absolute with. @default Payload's `serverURL`, else 'http://localhost:3000' */
  serverURL?: string
  /** Notices a clock raises, checked on every pass. @default [] */
  timedNotices?: TimedNoticeSource[]
  digest?: Partial<DigestSettings>
}

export type DigestSettings = {
  /** A person gets at most one digest in this long. @default 3_600_000 (an hour) */
  intervalMs: number
  /** How long a person's first unmailed notification waits for others to join it. @default 300_000 */
  gatherMs: number
  /** How often each worker runs a pass. @default 60_000 */
  pollMs: number
}
