/**
 * Channel adapters: one per network, all behind `ChannelAdapter`.
 *
 * Glossary
 * - publication   one row of the outbox: "put this document on that channel at that time".
 * - payload       what an adapter sends, built by the scheduler from the publication's copy.
 * - remote id     the network's id for the post (tweet id, status id, post URN…), stored so a
 *                 retry or a crashed worker can reconcile instead of posting twice.
 * - idempotency   the publication's stable key (`collection:id:channel:dueAt`); sent where the
 *   key         network accepts one (Mastodon `Idempotency-Key`, webhook `webhook-id`).
 * - retryable     a failure that may succeed later (5xx, 429, timeouts, network errors).
 * - permanent     a failure that will not (4xx other than 408/409/425/429): retrying only repeats it.
 *
 * Adapters do no scheduling, retrying or sleeping of their own: they make the documented request
 * once and classify the outcome; the dispatcher owns backoff and Retry-After.
 */

/**
 * The sizes of an image an adapter may ask for, by what they are for; a host maps its own image
 * sizes onto these names (Carecast: `linkPreview` → `linkCard`).
 * - `linkCard`  1200×630 (1.91:1): the link-preview image Facebook, LinkedIn and X document.
 * - `square`    1080×1080 (1:1): Instagram's feed; a safe photo size on every network.
 * - `portrait`  1080×1350 (4:5): the tallest Instagram feed ratio.
 * - `story`     1080×1920 (9:16): stories and reels.
 */
export const renditionNames = ['linkCard', 'square', 'portrait', 'story'] as const
export type RenditionName = (typeof renditionNames)[number]

/** One cut of an image: its own file, URL and dimensions. */
export type ChannelRendition = {
  filePath?: string
  url?: string
  mimeType: string
  width?: number
  height?: number
}

/** A media file the post carries, readable by the adapter (bytes from disk or a public URL). */
export type ChannelMedia = {
  kind: 'image' | 'video'
  /** Absolute path of the file on disk, for networks that take an upload. */
  filePath?: string
  /** Public https URL of the file, for networks that fetch it themselves (Instagram, Facebook photos). */
  url?: string
  mimeType: string
  width?: number
  height?: number
  /**
   * The other cuts the host made of this image, by name. The scheduler picks one with the
   * adapter's `preferredRendition` and hands the adapter that file alone; adapters never see this.
   */
  renditions?: Partial<Record<RenditionName, ChannelRendition>>
  altText?: string
  /** For videos: caption tracks to attach where the network supports them (YouTube). */
  captions?: { language: string; label: string; vtt: string }[]
  title?: string
  description?: string
}

export type ChannelPost = {
  /** Stable across retries of the same publication: `collection:id:channel:dueAt`. */
  idempotencyKey: string
  /** The publication's own id, for logs and webhook bodies. */
  publicationId: string
  text: string
  /** The link with UTM tags already applied, if any; adapters that count it in `text` leave it there. */
  link?: string
  media: ChannelMedia[]
  /** The document being published, as the scheduler's serializer shaped it (webhook, web). */
  document?: Record<string, unknown>
}

/** Credentials and settings of one channel account, decrypted just for the call. */
export type ChannelAccount = {
  /** Base URL of the network's API; tests point it at a local server. */
  baseUrl: string
  /** OAuth access token / API token / page token, depending on the network. */
  accessToken?: string
  /** Network-specific ids: Facebook page id, Instagram user id, LinkedIn author URN, YouTube channel… */
  externalId?: string
  /** Webhook: the destination URL and the `whsec_…` signing secret. */
  url?: string
  secret?: string
  /** LinkedIn's `LinkedIn-Version` (YYYYMM), Mastodon's character limit, and the like. */
  settings?: Record<string, string | number | boolean>
}

export type ChannelSuccess = {
  ok: true
  /** The network's id for the post, kept for reconcile and delete. */
  remoteId: string
  /** Where the live post can be seen, when the network says. */
  remoteUrl?: string
  status: number
}

export type ChannelFailure = {
  ok: false
  retryable: boolean
  /** HTTP status, or 0 for a network error / timeout. */
  status: number
  /** The network's own message, kept as the publication's last error. */
  message: string
  /** From Retry-After (or the network's rate-limit reset header), in ms from now. */
  retryAfterMs?: number
}

export type ChannelResult = ChannelSuccess | ChannelFailure

/**
 * What `reconcile` throws when the network could not be asked (a 429, a 5xx, a dropped
 * connection): the failure as `publish` would return it, Retry-After included, so the dispatcher
 * retries the row when the network says. Any other error thrown counts as a retryable failure.
 */
export class ReconcileFailed extends Error {
  constructor(readonly failure: ChannelFailure) {
    super(failure.message)
    this.name = 'ReconcileFailed'
  }
}

/**
 * What a network can count about a live post (issue 18). Each is the network's own running
 * total at the moment it was asked, not an increment:
 * - `impressions`  times the post was shown (X impression_count, LinkedIn impressionCount,
 *                  Facebook post_impressions, Instagram views).
 * - `reach`        distinct accounts it was shown to (Facebook post_impressions_unique,
 *                  Instagram reach, LinkedIn uniqueImpressionsCount).
 * - `likes`        likes, favourites or reactions.
 * - `comments`     replies or comments.
 * - `shares`       reposts, reblogs, retweets + quotes, shares.
 * - `saves`        bookmarks or saves.
 * - `clicks`       clicks the network itself counted on the post (not our short link's).
 * - `videoViews`   views of a video (YouTube viewCount).
 */
export const metricNames = [
  'impressions',
  'reach',
  'likes',
  'comments',
  'shares',
  'saves',
  'clicks',
  'videoViews',
] as const
export type MetricName = (typeof metricNames)[number]

/** One post's counts; a metric the network does not report is absent, never 0. */
export type PostMetrics = Partial<Record<MetricName, number>>

/** A live post to ask about: the remote id the publish call returned, and when it went out. */
export type MetricsQuery = { remoteId: string; publishedAt: Date }

export type MetricsSuccess = {
  ok: true
  /** Counts by remote id, for every post the network still has. */
  posts: Record<string, PostMetrics>
  /** Remote ids the network says no longer exist (deleted on the network): stop asking. */
  gone: string[]
}

export type MetricsResult = MetricsSuccess | ChannelFailure

/** What an adapter's `metrics()` can and cannot do, so the collector stays inside the network's rules. */
export type MetricsSupport = {
  /** The metrics this network reports; the others are absent from every answer. */
  reports: readonly MetricName[]
  /** In a sentence, what the network cannot report and why (shown beside the results). */
  limits: string
  /** The most posts one `metrics()` call may carry (X: 100 ids, YouTube: 50, Mastodon: 1…). */
  batchSize: number
  /**
   * The network's documented rate limit for these reads, per account: at most `calls` in any
   * `windowMs`. The collector reserves calls from a budget shared by all workers before it asks.
   */
  rateLimit: { calls: number; windowMs: number }
  /**
   * How many calls of that limit one `metrics()` of `posts` posts costs. Meta counts each id of
   * a multi-id read as a call; most networks count the request. @default () => 1
   */
  callsFor?: (posts: number) => number
}

/** What the scheduler needs from each network. */
export interface ChannelAdapter {
  /** `web`, `webhook`, `facebook`, `instagram`, `x`, `linkedin`, `mastodon`, `youtube`. */
  readonly channel: string
  /** Whether the network lets us delete a post (Instagram's API does not). */
  readonly canDelete: boolean
  /**
   * Whether the live copy is the document itself and must follow it (the web projection): an edit
   * to the published document sends it again through the guards, an unpublish or delete takes it
   * down. Other networks' posts stay as they were sent ("live with an older copy"). @default false
   */
  readonly followsDocument?: boolean
  publish(post: ChannelPost, account: ChannelAccount, signal?: AbortSignal): Promise<ChannelResult>
  /**
   * After a crash mid-send: finds a post already made for this idempotency key (or remote id), so
   * the worker records it instead of posting again. `null` means "not there, safe to send".
   * Networks with no way to look up return `null` only when they cannot have received it. A
   * look-up that could not be made throws `ReconcileFailed` (never `null`); the row is retried.
   */
  reconcile?(
    post: ChannelPost,
    account: ChannelAccount,
    remoteId: string | undefined,
    signal?: AbortSignal,
  ): Promise<ChannelSuccess | null>
  /**
   * The image size this network documents for this post, e.g. the 1200×630 link card when the
   * post carries a link. Asked once per image before `publish` (and `reconcile`); the scheduler
   * swaps that rendition's file in, so the adapter still sees one file. `undefined`, or a size
   * the host did not make (an original smaller than the size is not enlarged), sends the original.
   * @default the original, always
   */
  preferredRendition?(post: ChannelPost, media: ChannelMedia): RenditionName | undefined
  /**
   * Reads the current counts of up to `metricsSupport.batchSize` live posts of one account, from
   * the network's documented read endpoint, in one request where the network allows it. Makes the
   * request once and classifies a failure like `publish` (429 with `retryAfterMs`); the collector
   * owns scheduling, budgets and retries. Present exactly when `metricsSupport` is.
   */
  metrics?(
    posts: MetricsQuery[],
    account: ChannelAccount,
    signal?: AbortSignal,
  ): Promise<MetricsResult>
  readonly metricsSupport?: MetricsSupport
  /** Removes a live post. Only when `canDelete`. */
  remove?(remoteId: string, account: ChannelAccount, signal?: AbortSignal): Promise<ChannelResult>
}
