import { networkFailure, readJson, reconcileFailed } from '../http'
import { guardedMetrics } from '../metrics'
import type {
  ChannelAccount,
  ChannelAdapter,
  ChannelPost,
  ChannelResult,
  MetricsSupport,
} from '../../scheduler/exports/channels'
import {
  authHeader,
  dataId,
  isRecord,
  jsonHeaders,
  redact,
  xFailure,
  xStatusUrl,
  xUrl,
} from './api'
import { abortableSleep, type XMediaOptions, uploadMedia } from './media'
import { readXMetrics, xMetricsSupport } from './metrics'
import { reconcileX } from './reconcile'
import { linkCardOrSquare } from '../renditions'

export type XAdapterOptions = Partial<XMediaOptions> & {
  /** The account's X plan limit for GET /2/tweets. @default Basic: 15 per 15 minutes (./metrics.ts) */
  metricsRateLimit?: MetricsSupport['rateLimit']
}

const DEFAULTS: XMediaOptions = {
  chunkBytes: 4 * 1024 * 1024,
  maxStatusPolls: 60,
  maxProcessingWaitMs: 5 * 60 * 1000,
  sleep: abortableSleep,
}

/**
 * POST /2/tweets body: the text exactly as given (length rules are checked upstream, and X counts
 * characters its own way), plus `media.media_ids` once the files are uploaded.
 */
const tweetBody = (text: string, mediaIds: string[]) =>
  mediaIds.length > 0 ? { text, media: { media_ids: mediaIds } } : { text }

/** Uploads every file in order, then creates the post: 201 `{ data: { id, text } }`. */
const publish = async (
  post: ChannelPost,
  account: ChannelAccount,
  options: XMediaOptions,
  signal?: AbortSignal,
): Promise<ChannelResult> => {
  const mediaIds: string[] = []
  for (const media of post.media) {
    const uploaded = await uploadMedia(media, account, options, signal)
    if (!uploaded.ok) return uploaded
    mediaIds.push(uploaded.value)
  }
  const response = await fetch(xUrl(account, '/2/tweets'), {
    method: 'POST',
    headers: jsonHeaders(account),
    body: JSON.stringify(tweetBody(post.text, mediaIds)),
    signal,
  })
  if (!response.ok) return xFailure(response)
  const id = dataId(await readJson(response))
  // The post may exist without an id to record; repeating it could double-post, so a person must look.
  if (!id)
    return {
      ok: false,
      retryable: false,
      status: response.status,
      message: 'X accepted the post but returned no post id',
    }
  return { ok: true, remoteId: id, remoteUrl: xStatusUrl(id), status: response.status }
}

/**
 * DELETE /2/tweets/:id answers `{ data: { deleted: true } }`. Anything else is a failure, a 404
 * included: removal backs consent withdrawal, so "gone" is reported only when X says it deleted it.
 */
const remove = async (
  remoteId: string,
  account: ChannelAccount,
  signal?: AbortSignal,
): Promise<ChannelResult> => {
  const response = await fetch(xUrl(account, `/2/tweets/${encodeURIComponent(remoteId)}`), {
    method: 'DELETE',
    headers: authHeader(account),
    signal,
  })
  if (!response.ok) return xFailure(response)
  const body = await readJson(response)
  const deleted = isRecord(body) && isRecord(body.data) && body.data.deleted === true
  return deleted
    ? { ok: true, remoteId, status: response.status }
    : {
        ok: false,
        retryable: false,
        status: response.status,
        message: 'X did not confirm the deletion (deleted: false)',
      }
}

/** Network errors and aborts become retryable failures; no message leaves with the token in it. */
const guarded = async (
  account: ChannelAccount,
  run: () => Promise<ChannelResult>,
): Promise<ChannelResult> => {
  try {
    return redact(await run(), account.accessToken)
  } catch (error) {
    return redact(networkFailure(error), account.accessToken)
  }
}

export const createXAdapter = (options: XAdapterOptions = {}): ChannelAdapter => {
  const { metricsRateLimit, ...mediaOptions } = options
  const media: XMediaOptions = { ...DEFAULTS, ...mediaOptions }
  return {
    channel: 'x',
    canDelete: true,
    /**
     * A link post: the 1200×630 link card ("summary_large_image … an aspect ratio of 2:1 with
     * minimum dimensions of 300x157 … less than 5MB", developer.x.com/en/docs/x-for-websites/cards/
     * overview/summary-card-with-large-image); a photo post: the 1080×1080 square, under the 5 MB
     * image limit of the media upload (developer.x.com/en/docs/x-api/v1/media/upload-media/
     * uploading-media/media-best-practices).
     */
    preferredRendition: linkCardOrSquare,
    publish: (post, account, signal) =>
      guarded(account, () => publish(post, account, media, signal)),
    remove: (remoteId, account, signal) =>
      guarded(account, () => remove(remoteId, account, signal)),
    reconcile: async (post, account, remoteId, signal) => {
      try {
        return await reconcileX(post, account, remoteId, signal)
      } catch (error) {
        // A lookup that could not be made is not "not there": the dispatcher retries, token-free.
        throw reconcileFailed(error, account.accessToken)
      }
    },
    metrics: (posts, account, signal) =>
      guardedMetrics(account, networkFailure, () => readXMetrics(posts, account, signal)),
    metricsSupport: xMetricsSupport(metricsRateLimit),
  }
}

export const xAdapter: ChannelAdapter = createXAdapter()
