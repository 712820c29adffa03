/**
 * Instagram adapter (Instagram Graph API content publishing, Instagram API with Facebook Login).
 * Publishes to the professional account `account.externalId` with the user token
 * `account.accessToken`, at `account.baseUrl` (real: https://graph.facebook.com).
 *
 * Flow (https://developers.facebook.com/docs/instagram-platform/content-publishing):
 * 1. `GET /{ig-user-id}/content_publishing_limit?fields=config,quota_usage` — 50 posts per moving
 *    24 hours; a full quota is refused here, before a container is spent.
 * 2. `POST /{ig-user-id}/media` — the container (see ./container).
 * 3. For video: `GET /{container-id}?fields=status_code` until `FINISHED`.
 * 4. `POST /{ig-user-id}/media_publish` with `creation_id` → `{ id }` (the IG media id).
 * 5. `GET /{ig-media-id}?fields=permalink` for the post's URL (best effort: the post is live).
 * The API has no delete for published media, hence `canDelete: false` and no `remove`.
 * Counts of published media: ./metrics.ts.
 */
import {
  type ChannelAccount,
  type ChannelAdapter,
  type ChannelFailure,
  type ChannelMedia,
  type ChannelPost,
  type ChannelResult,
  type ChannelSuccess,
  ReconcileFailed,
  type RenditionName,
} from '../../scheduler/exports/channels'
import {
  callGraph,
  earliestMatchTime,
  graphContext,
  graphTime,
  isFailure,
  permanentFailure,
  stringField,
  type GraphContext,
} from '../facebook/graph'
import { channelFailure, isUnknownObject, PUBLISHING_QUOTA_WAIT_MS } from '../facebook/graphErrors'
import { createContainer, mediaToPublish, waitUntilFinished, type PollOptions } from './container'
import { instagramMetricsSupport, readInstagramMetrics } from './metrics'

export type InstagramAdapterOptions = {
  now?: () => number
  /** Pause between container status checks for video (default 5 s). */
  pollIntervalMs?: number
  /** Status checks before giving up for now (default 24, so two minutes at the default pace). */
  maxPolls?: number
  /** How many of the account's latest media reconcile reads. */
  reconcileLimit?: number
}

const NETWORK = 'Instagram'
/** "Captions are limited to 2,200 characters" (IG User Media reference). */
export const CAPTION_LIMIT = 2200
/** The documented default when the limit endpoint omits `config`. */
const DEFAULT_QUOTA_TOTAL = 50

/**
 * Refuses, as retryable, when the account has used its publishing quota. The endpoint answered
 * 200, but the dispatcher should treat this like any rate limit, hence status 429.
 */
const checkQuota = async (
  ctx: GraphContext,
  now: () => number,
): Promise<ChannelFailure | undefined> => {
  const params = { fields: 'config,quota_usage' }
  const result = await callGraph(
    ctx,
    { method: 'GET', path: `${ctx.nodeId}/content_publishing_limit`, params },
    now,
  )
  if (isFailure(result)) return channelFailure(result)
  const entry = Array.isArray(result.body.data)
    ? (result.body.data[0] as Record<string, unknown> | undefined)
    : undefined
  const usage = typeof entry?.quota_usage === 'number' ? entry.quota_usage : 0
  const config = entry?.config as { quota_total?: unknown } | undefined
  const total = typeof config?.quota_total === 'number' ? config.quota_total : DEFAULT_QUOTA_TOTAL
  if (usage < total) return undefined
  return {
    ok: false,
    retryable: true,
    status: 429,
    message: `Instagram: the account has used its content publishing limit (${usage} of ${total} posts in 24 hours)`,
    retryAfterMs: PUBLISHING_QUOTA_WAIT_MS,
  }
}

const publishContainer = async (
  ctx: GraphContext,
  containerId: string,
  now: () => number,
): Promise<ChannelSuccess | ChannelFailure> => {
  const result = await callGraph(
    ctx,
    { method: 'POST', path: `${ctx.nodeId}/media_publish`, params: { creation_id: containerId } },
    now,
  )
  if (isFailure(result)) return channelFailure(result)
  const id = stringField(result.body, 'id')
  if (!id)
    return {
      ok: false,
      retryable: true,
      status: result.status,
      message: 'Instagram: /media_publish answered without a media id',
    }
  return { ok: true, remoteId: id, status: result.status }
}

/** The permalink, when Instagram gives it; a failed read must not turn a live post into a failure. */
const permalinkOf = async (
  ctx: GraphContext,
  mediaId: string,
  now: () => number,
): Promise<string | undefined> => {
  const result = await callGraph(
    ctx,
    { method: 'GET', path: mediaId, params: { fields: 'permalink' } },
    now,
  )
  return isFailure(result) ? undefined : stringField(result.body, 'permalink')
}

const checkCaption = (caption: string): ChannelFailure | undefined =>
  [...caption].length > CAPTION_LIMIT
    ? permanentFailure(
        `Instagram: the caption has ${[...caption].length} characters; the limit is ${CAPTION_LIMIT}`,
      )
    : undefined

const publishMedia = async (
  ctx: GraphContext,
  post: ChannelPost,
  media: ChannelMedia,
  poll: PollOptions,
  now: () => number,
): Promise<ChannelResult> => {
  const refused = checkCaption(post.text) ?? (await checkQuota(ctx, now))
  if (refused) return refused
  const containerId = await createContainer(ctx, media, post.text, now)
  if (typeof containerId !== 'string') return containerId
  if (media.kind === 'video') {
    const notReady = await waitUntilFinished(ctx, containerId, poll, now)
    if (notReady) return notReady
  }
  const published = await publishContainer(ctx, containerId, now)
  if (!published.ok) return published
  const permalink = await permalinkOf(ctx, published.remoteId, now)
  return permalink ? { ...published, remoteUrl: permalink } : published
}

/** A read that failed is not "not there": the failure goes to the dispatcher, Retry-After kept. */
const unreadable = (what: string, failure: ChannelFailure): ReconcileFailed =>
  new ReconcileFailed({ ...failure, message: `${NETWORK}: could not ${what}: ${failure.message}` })

const findById = async (
  ctx: GraphContext,
  remoteId: string,
  now: () => number,
): Promise<ChannelSuccess | null> => {
  const result = await callGraph(
    ctx,
    { method: 'GET', path: remoteId, params: { fields: 'id,permalink' } },
    now,
  )
  if (!isFailure(result))
    return {
      ok: true,
      remoteId,
      remoteUrl: stringField(result.body, 'permalink'),
      status: result.status,
    }
  if (isUnknownObject(result) || result.status === 404) return null
  throw unreadable(`look up media ${remoteId}`, result)
}

/** The account's latest media, newest first; ours has exactly our caption and is no older than our due time. */
const findByCaption = async (
  ctx: GraphContext,
  post: ChannelPost,
  limit: number,
  now: () => number,
): Promise<ChannelSuccess | null> => {
  const params = { fields: 'id,caption,permalink,timestamp', limit: String(limit) }
  const result = await callGraph(ctx, { method: 'GET', path: `${ctx.nodeId}/media`, params }, now)
  if (isFailure(result)) throw unreadable("read the account's recent media", result)
  const since = earliestMatchTime(post.idempotencyKey, now())
  const data = Array.isArray(result.body.data)
    ? (result.body.data as Record<string, unknown>[])
    : []
  const match = data.find(
    (item) => (item.caption ?? '') === post.text && (graphTime(item.timestamp) ?? 0) >= since,
  )
  const id = match && stringField(match, 'id')
  return id
    ? { ok: true, remoteId: id, remoteUrl: stringField(match, 'permalink'), status: result.status }
    : null
}

/** 4:5 for an upright original (taller than 5:4 the other way), the square otherwise. */
export const instagramRendition = (media: { width?: number; height?: number }): RenditionName =>
  media.width && media.height && media.height / media.width >= 1.2 ? 'portrait' : 'square'

export const createInstagramAdapter = (options: InstagramAdapterOptions = {}): ChannelAdapter => {
  const now = options.now ?? Date.now
  const poll: PollOptions = {
    pollIntervalMs: options.pollIntervalMs ?? 5_000,
    maxPolls: Math.max(1, options.maxPolls ?? 24),
  }
  const reconcileLimit = options.reconcileLimit ?? 25
  return {
    channel: 'instagram',
    canDelete: false,
    /**
     * Feed images: the 1080×1350 portrait (4:5) for an upright photo, which a square would cut
     * the head or feet off, else the 1080×1080 square. The IG User Media reference allows "an
     * aspect ratio within a 4:5 to 1.91:1 range", 320–1440 px wide, 8 MB at most
     * (developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media);
     * an original outside that range (a tall phone photo, a 15 MB scan) is refused, and 1080 px
     * is the width Instagram displays. The host should cut it as JPEG, the only format it takes.
     */
    preferredRendition: (_post, media) => instagramRendition(media),

    async publish(
      post: ChannelPost,
      account: ChannelAccount,
      signal?: AbortSignal,
    ): Promise<ChannelResult> {
      // Checked before anything else: without media there is nothing Instagram can publish.
      const media = mediaToPublish(post.media)
      if (isFailure(media)) return media
      const ctx = graphContext(account, NETWORK, signal)
      return isFailure(ctx) ? ctx : publishMedia(ctx, post, media, poll, now)
    },

    async reconcile(post, account, remoteId, signal) {
      const ctx = graphContext(account, NETWORK, signal)
      if (isFailure(ctx)) throw unreadable('reconcile', ctx)
      return remoteId ? findById(ctx, remoteId, now) : findByCaption(ctx, post, reconcileLimit, now)
    },

    // callGraph never throws and strips the token from every message it returns.
    metrics: (posts, account, signal) => readInstagramMetrics(posts, account, now, signal),
    metricsSupport: instagramMetricsSupport,
  }
}

export const instagramAdapter: ChannelAdapter = createInstagramAdapter()
