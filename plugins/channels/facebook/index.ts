/**
 * Facebook Page adapter (Graph API, Pages API). Publishes as the Page with a Page access token
 * (`account.accessToken`) to the Page `account.externalId`, at `account.baseUrl` (real:
 * https://graph.facebook.com) and the Graph version `account.settings.graphVersion`.
 */
import {
  type ChannelAccount,
  type ChannelAdapter,
  type ChannelFailure,
  type ChannelPost,
  type ChannelResult,
  type ChannelSuccess,
  ReconcileFailed,
} from '../../scheduler/exports/channels'
import {
  callGraph,
  earliestMatchTime,
  graphContext,
  graphTime,
  isFailure,
  stringField,
  type GraphContext,
} from './graph'
import { channelFailure, isUnknownObject } from './graphErrors'
import { facebookMetricsSupport, readFacebookMetrics } from './metrics'
import { FACEBOOK_WEB_URL, facebookMessage, publishToPage } from './publish'
import { linkCardOrSquare } from '../renditions'

export type FacebookAdapterOptions = {
  /** Clock for Retry-After dates and the reconcile window; tests pin it. */
  now?: () => number
  /** How many of the Page's latest posts reconcile reads (one page of `/{page-id}/posts`). */
  reconcileLimit?: number
}

const NETWORK = 'Facebook'

const found = (id: string, permalink: string | undefined, status: number): ChannelSuccess => ({
  ok: true,
  remoteId: id,
  remoteUrl: permalink ?? `${FACEBOOK_WEB_URL}/${encodeURIComponent(id)}`,
  status,
})

/**
 * Reconcile cannot answer "not there" on a failed read, so it throws the failure (its
 * Retry-After kept) and the dispatcher retries the row when Graph says.
 */
const unreadable = (what: string, failure: ChannelFailure): ReconcileFailed =>
  new ReconcileFailed({ ...failure, message: `${NETWORK}: could not ${what}: ${failure.message}` })

/** `GET /{post-id}?fields=id,permalink_url`: the post, or null when Graph says it does not exist. */
const findById = async (
  ctx: GraphContext,
  remoteId: string,
  now: () => number,
): Promise<ChannelSuccess | null> => {
  const result = await callGraph(
    ctx,
    { method: 'GET', path: remoteId, params: { fields: 'id,permalink_url' } },
    now,
  )
  if (!isFailure(result))
    return found(
      stringField(result.body, 'id') ?? remoteId,
      stringField(result.body, 'permalink_url'),
      result.status,
    )
  if (isUnknownObject(result) || result.status === 404) return null
  throw unreadable(`look up post ${remoteId}`, result)
}

/**
 * `GET /{page-id}/posts?fields=id,message,permalink_url,created_time`: the Page's own latest posts,
 * newest first. A post with exactly our message, made no earlier than our due time, is ours.
 */
const findByMessage = async (
  ctx: GraphContext,
  post: ChannelPost,
  limit: number,
  now: () => number,
): Promise<ChannelSuccess | null> => {
  const params = { fields: 'id,message,permalink_url,created_time', limit: String(limit) }
  const result = await callGraph(ctx, { method: 'GET', path: `${ctx.nodeId}/posts`, params }, now)
  if (isFailure(result)) throw unreadable("read the Page's recent posts", result)
  const expected = facebookMessage(post)
  const since = earliestMatchTime(post.idempotencyKey, now())
  const data = Array.isArray(result.body.data)
    ? (result.body.data as Record<string, unknown>[])
    : []
  const match = data.find(
    (item) => item.message === expected && (graphTime(item.created_time) ?? 0) >= since,
  )
  const id = match && stringField(match, 'id')
  return id ? found(id, stringField(match, 'permalink_url'), result.status) : null
}

export const createFacebookAdapter = (options: FacebookAdapterOptions = {}): ChannelAdapter => {
  const now = options.now ?? Date.now
  const reconcileLimit = options.reconcileLimit ?? 25
  return {
    channel: 'facebook',
    canDelete: true,
    /**
     * A post with a link: the 1200×630 link card ("use images that are at least 1200 x 630 pixels
     * for the best display on high resolution devices", developers.facebook.com/docs/sharing/
     * webmasters/images); a photo post: the 1080×1080 square, since the photos edge takes
     * "less than 4 MB" (developers.facebook.com/docs/graph-api/reference/page/photos) and the
     * feed shows 1:1 uncropped.
     */
    preferredRendition: linkCardOrSquare,

    async publish(
      post: ChannelPost,
      account: ChannelAccount,
      signal?: AbortSignal,
    ): Promise<ChannelResult> {
      const ctx = graphContext(account, NETWORK, signal)
      return isFailure(ctx) ? ctx : publishToPage(ctx, post, now)
    },

    /** Graph takes no idempotency key, so a crashed send is found by id, else by its exact text. */
    async reconcile(post, account, remoteId, signal) {
      const ctx = graphContext(account, NETWORK, signal)
      if (isFailure(ctx)) throw unreadable('reconcile', ctx)
      return remoteId ? findById(ctx, remoteId, now) : findByMessage(ctx, post, reconcileLimit, now)
    },

    /**
     * `DELETE /{post-id}` answers `{ "success": true }` (https://developers.facebook.com/docs/pages/publishing).
     * "Object does not exist" is reported, not taken as success: Graph gives the same answer for
     * missing permissions, and a post someone asked to take down must not be assumed gone.
     */
    async remove(remoteId, account, signal) {
      const ctx = graphContext(account, NETWORK, signal)
      if (isFailure(ctx)) return ctx
      const result = await callGraph(ctx, { method: 'DELETE', path: remoteId }, now)
      if (isFailure(result)) return channelFailure(result)
      if (result.body.success === true) return { ok: true, remoteId, status: result.status }
      return {
        ok: false,
        retryable: false,
        status: result.status,
        message: `${NETWORK}: DELETE ${remoteId} did not report success`,
      }
    },

    // callGraph never throws and strips the token from every message it returns.
    metrics: (posts, account, signal) => readFacebookMetrics(posts, account, now, signal),
    metricsSupport: facebookMetricsSupport,
  }
}

export const facebookAdapter: ChannelAdapter = createFacebookAdapter()
