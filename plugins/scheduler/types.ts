/**
 * The scheduling plugin's options and the shapes it hands to the host.
 *
 * Glossary
 * - publication   one outbox row: "put this document on that channel account at that time",
 *                 with its own copy. Its `state` is the truth about publishing.
 * - channel account  one destination (a Facebook Page, an X handle, the website…) with its
 *                 credentials, encrypted at rest.
 * - claim         a worker takes due rows with `FOR UPDATE SKIP LOCKED`, sets a lease (until when
 *                 it owns them) and bumps the fencing token; only the holder of the current token
 *                 may record the outcome, so a worker whose lease ran out can't overwrite another's.
 * - reconcile     after a lease expired mid-send, ask the network whether the post exists before
 *                 sending again.
 * - guard         a host check (consent, accessibility) run at approval and again at dispatch.
 * - re-share      a publication with an RRULE: each occurrence becomes its own row when the
 *                 previous one is done, with its own idempotency key.
 */
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import type { ChannelAdapter, ChannelMedia } from './channels/types'
import type { SchedulerEventHandler } from './events'
import type { OAuthOptions } from './oauth/types'

export { publicationStates, type PublicationState } from './states'
import type { PublicationState } from './states'

export const channelKinds = [
  'web',
  'webhook',
  'facebook',
  'instagram',
  'x',
  'linkedin',
  'mastodon',
  'youtube',
] as const
export type ChannelKind = (typeof channelKinds)[number]

/** A publication as guards and serializers see it (depth 0: relations are ids). */
export type PublicationRecord = {
  id: number | string
  state: PublicationState
  channel: ChannelKind
  channelAccount: number | string | { id: number | string }
  document: { relationTo: string; value: number | string | { id: number | string } }
  dueAt: string
  unpublishAt?: string | null
  timeZone: string
  text?: string | null
  link?: string | null
  hashtags?: string | null
  media?: unknown[] | null
  [key: string]: unknown
}

export type GuardContext = {
  publication: PublicationRecord
  /** The document being published, at depth 1. */
  document: Record<string, unknown>
  collection: string
  channel: ChannelKind
  /** When the post goes live and, if it is scheduled to come down, when. */
  window: { from: Date; until?: Date }
  phase: 'approval' | 'dispatch'
  payload: Payload
  req?: PayloadRequest
}

/**
 * A guard's refusal names the rule and, where it can, the field a person should fix. `source` and
 * `sourceId` say whose rule it was (e.g. `'consent'` and the consent record), so the host can route
 * the follow-up work — the scheduler itself only passes them on in its events.
 */
export type GuardResult =
  | { ok: true }
  | { ok: false; reason: string; field?: string; source?: string; sourceId?: number | string }

export type Guard = (context: GuardContext) => Promise<GuardResult> | GuardResult

export type DocumentSerializer = (args: {
  collection: string
  doc: Record<string, unknown>
  payload: Payload
}) => Record<string, unknown> | Promise<Record<string, unknown>>

export type LinkDecorator = (args: {
  link: string
  collection: string
  doc: Record<string, unknown>
  channel: ChannelKind
}) => string

/**
 * A host's check of a publication's own link, run when it is saved (and as it is typed in the
 * admin). A message refuses the save with a 400 on `link`; `null` accepts it.
 */
export type LinkValidator = (
  link: string,
  context: {
    /** The collection of the document being published, once one is chosen. */
    collection?: string
    /** The publication's fields as being saved. */
    publication: Record<string, unknown>
    req: PayloadRequest
  },
) => string | null | Promise<string | null>

export type MediaResolver = (args: {
  collection: string
  doc: Record<string, unknown>
  payload: Payload
}) => ChannelMedia | null | Promise<ChannelMedia | null>

export type PersonCheck = (req: PayloadRequest) => boolean

export type SchedulerPluginOptions = {
  /** Collections whose documents can be published. Required: the plugin knows no slug of its own host. */
  collections: CollectionSlug[]
  /** Upload collections a publication may attach, and whether each holds images or videos. */
  mediaCollections: { slug: CollectionSlug; kind: 'image' | 'video' }[]
  /** The host's user collection, for approval stamps. @default 'users' */
  usersCollection?: CollectionSlug
  /**
   * The host's campaigns collection, if it has one: the calendar filters by campaign — the
   * campaign's own posts and those of every document with a relationship field to it.
   */
  campaignsCollection?: CollectionSlug
  /** Who may author publications (create, edit, send for approval, cancel). */
  canAuthor: PersonCheck
  /** Who may approve or reject. An author can never approve their own publication, whatever this says. */
  canApprove: PersonCheck
  /** Who may read the outbox, the calendar and the channel accounts. */
  canRead: PersonCheck
  /** Who may manage channel accounts and pause or resume dispatching. @default canApprove */
  canOperate?: PersonCheck
  /** Adapters by channel; a factory gets the Payload instance (the web channel writes to the database). */
  channels: Partial<Record<ChannelKind, ChannelAdapter | ((payload: Payload) => ChannelAdapter)>>
  /** Checks run when a publication is approved and again when it is dispatched. @default [] */
  guards?: Guard[]
  /** Shapes the document for the web and webhook channels: public fields only. */
  serializeDocument: DocumentSerializer
  /** Adds campaign tracking (UTM) to a publication's link. @default the link unchanged */
  decorateLink?: LinkDecorator
  /**
   * Refuses a publication's own link, e.g. one whose query string names a condition (UTM values
   * and query strings end up in analytics tools). Runs after the scheduler's own URL check.
   * @default any http(s) link is accepted
   */
  validateLink?: LinkValidator
  /**
   * The link that goes out in a post's copy, from the tagged one: a first-party short link that
   * counts clicks (the host's links plugin). Not used for the web and webhook channels, which
   * carry the document. Called once per post; must give the same link for the same publication.
   * @default the tagged link itself
   */
  shortenLink?: (args: {
    publicationId: number | string
    channel: ChannelKind
    link: string
    payload: Payload
  }) => Promise<string>
  /** Turns an attached upload into what an adapter sends. @default file on disk + absolute URL + alt */
  resolveMedia?: MediaResolver
  /**
   * Connecting accounts with OAuth from the admin ("Connect X account"): each network's connector
   * and the host's registered apps. Without it, tokens are typed in. @default none
   */
  oauth?: OAuthOptions
  /** Environment variable holding the AES-256 key for channel secrets. @default 'CARECAST_SECRETS_KEY' */
  secretsKeyEnv?: string
  /** Slug of the outbox collection. @default 'publications' */
  publicationsSlug?: CollectionSlug
  /** Slug of the channel accounts collection. @default 'channel-accounts' */
  channelAccountsSlug?: CollectionSlug
  /** Slug of the global holding the pause switch. @default 'scheduler-control' */
  controlSlug?: string
  /** Admin group the plugin's collections appear under. @default 'Publishing' */
  adminGroup?: string
  /** Dispatch tuning. */
  dispatch?: Partial<DispatchSettings>
  /** Reading live posts' counts back from the networks (issue 18): tuning and slugs. */
  metrics?: Partial<MetricsSettings>
  /**
   * Told what happened: approvals, rejections, retries and the other moves people make, a row the
   * worker gave up on, pause and resume, channel-account changes (field names only, never a
   * secret). Called with the operation's `req` when there is one, so a write made with it commits
   * or rolls back with the change (and a throw undoes the change); the worker calls it without
   * `req`, after its own write, and only logs a throw. The host's audit trail and notifier live here.
   * @default a no-op
   */
  onEvent?: SchedulerEventHandler
}

export type DispatchSettings = {
  /** Rows one claim takes. @default 100 */
  batchSize: number
  /**
   * How long a claim is owned before another worker may take it over; the worker extends it every
   * quarter while it still holds the row. At least twice `sendTimeoutMs`. @default 60_000
   */
  leaseMs: number
  /** Idle wait between claims; a due publication goes out within about this long. @default 500 */
  pollMs: number
  /** Sends in flight per worker. @default 32 */
  concurrency: number
  /** Attempts before a retryable failure is given up. @default 8 */
  maxAttempts: number
  /** First retry delay; doubles each attempt, with full jitter. @default 1000 */
  retryBaseMs: number
  /** Longest computed retry delay (Retry-After may ask for longer). @default 900_000 */
  retryCapMs: number
  /** Per-request timeout passed to adapters. @default 30_000 */
  sendTimeoutMs: number
}

export type MetricsSettings = {
  /** Live posts one metrics pass claims. @default 500 */
  batchSize: number
  /** Wait between passes when nothing more is due. @default 30_000 */
  pollMs: number
  /** How long a claimed reading is owned before another worker may take it over. @default 120_000 */
  leaseMs: number
  /** Network reads in flight per worker. @default 4 */
  concurrency: number
  /** Per-request timeout passed to adapters. @default 30_000 */
  timeoutMs: number
  /** Slug of the live posts being watched (one row per publication). @default 'metric-watches' */
  watchesSlug: string
  /** Slug of the dated readings (never overwritten). @default 'metric-snapshots' */
  snapshotsSlug: string
  /**
   * Slug of each post's changes per UTC day, summed from its readings as they are stored, so a
   * day-by-day curve is read without going through every reading. @default 'metric-days'
   */
  daysSlug: string
  /** Slug of each account's share of its network's rate limit. @default 'metric-budgets' */
  budgetsSlug: string
  /** Admin group the readings appear under. @default 'Measurement' */
  adminGroup: string
}
