/**
 * The consent plugin's options and shapes.
 *
 * Glossary
 * - reliance      "this publication shows what this consent record covers": a story's own
 *                 authorization, or the consent linked to a photo or video showing a patient. Each
 *                 comes with the uses it makes (name, likeness, voice, diagnosis…).
 * - gate          the checks a reliance must pass before a publication is approved or dispatched:
 *                 active, channel, purpose, every use, the whole live window, a guardian's authority.
 * - cascade       what recording a revocation (or reaching an expiry) does, in one transaction:
 *                 cancel what is pending, retract what is live, list what must come down by hand.
 * - consent task  a manual takedown (a network without delete, print, broadcast) or a renewal
 *                 warning, with an owner, a due date and a done/undo check-off.
 */
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import type { ChannelKind, PublicationRecord } from '../scheduler'
import type { ConsentEventHandler } from './events'
import type { ConsentView } from './gate/checkConsent'

export type Reliance = {
  /** The consent record relied on, or null when the content needs one and has none. */
  consentRecordId: number | string | null
  /** What the content uses: name, likeness, voice, diagnosis, age, hometown. */
  uses: string[]
  /** What relies on it, in words a person recognises: `story "Maria's new heart"`, `photo "Maria at home"`. */
  what: string
}

export type RelianceResult = {
  reliances: Reliance[]
  /** How long the content stays up when nothing schedules it down (e.g. the campaign's end). */
  liveUntil?: Date
  /** The purpose the document serves, in the consent form's terms (patient-story, awareness-campaign…). */
  purpose: string
}

export type RelianceArgs = {
  collection: string
  doc: Record<string, unknown>
  publication: Pick<PublicationRecord, 'media' | 'channel'> & Record<string, unknown>
  payload: Payload
  req?: PayloadRequest
}

export type RevocationFields = {
  receivedAt: string
  method: string
  notes: string
  recordedBy: string
}

export type AccessibilityNeeds = {
  /** Languages the content is published in (web: every locale it has; YouTube: its own). */
  languages: string[]
  videos: { what: string; captionLanguages: string[] }[]
  images: { what: string; alt: string | null }[]
}

export type ConsentPluginOptions = {
  consentRecordsSlug: CollectionSlug
  /**
   * The plugin's contract with the host's consent records: maps a record (depth 0, as read with
   * the host's hooks, so with its derived status) to what the gate and the cascade read.
   */
  readConsent: (doc: Record<string, unknown>) => ConsentView
  /**
   * The records table's columns the expiry sweep selects on (Payload names a field in a group
   * `group_field`): the last day the consent holds, and when a revocation was received.
   */
  recordColumns: { expiresOn: string; revokedAt: string }
  /** The scheduler's outbox. */
  publicationsSlug: CollectionSlug
  /** The web projection the delivery API reads; a revocation deletes from it in its transaction. */
  deliveryItemsSlug: CollectionSlug
  usersCollection: CollectionSlug
  /** What a document (and the publication's own media) relies on. */
  reliance: (args: RelianceArgs) => Promise<RelianceResult>
  /** Every document (any collection) that relies on a consent record now: stories, photos, videos… */
  relyingDocuments: (
    consentRecordId: number | string,
    args: { payload: Payload; req?: PayloadRequest },
  ) => Promise<{ collection: string; id: number | string }[]>
  /** Captions and alt text the content needs for a channel. */
  accessibility: (args: RelianceArgs) => Promise<AccessibilityNeeds>
  /** The consent form's name for a scheduler channel. @default the same name; webhook → web */
  consentChannel?: (channel: ChannelKind) => string
  /** Who may read and check off consent tasks besides their owner. */
  canManage: (req: PayloadRequest) => boolean
  /**
   * Where the host's consent records keep a revocation, as field paths (dots for groups): the
   * Revoke tab writes `receivedAt`, `method` and `notes` there through the REST API, shows
   * `method`'s options, and reads `recordedBy` back (the host stamps it). A path the collection
   * does not have leaves that input out.
   * @default { receivedAt: 'revocation.receivedAt', method: 'revocation.method', notes: 'revocation.notes', recordedBy: 'revocation.recordedBy' }
   */
  revocationFields?: RevocationFields
  /** Hours a manual takedown may take. @default 24 */
  takedownWithinHours?: number
  /** Days before expiry to warn about content still relying on a consent. @default 30 */
  warnDaysBefore?: number
  /** Slug of the consent tasks collection. @default 'consent-tasks' */
  tasksSlug?: CollectionSlug
  /** Consent channels no API reaches: each one a consent allowed gets a takedown task. @default ['print', 'broadcast', 'email', 'paid-advertising'] */
  manualChannels?: string[]
  /**
   * Told what happened: a revocation or expiry with what its takedown did, a takedown report read,
   * a consent task created, done or reopened. Called with the operation's `req` (the revocation's
   * or the sweep's transaction), so a write made with it commits or rolls back with the change,
   * and a throw undoes the change. The host's audit trail and notifier live here.
   * @default a no-op
   */
  onEvent?: ConsentEventHandler
}
