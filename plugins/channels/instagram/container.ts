/**
 * Instagram media containers, per the Content Publishing guide
 * (https://developers.facebook.com/docs/instagram-platform/content-publishing) and the IG User
 * Media / IG Container references:
 * - `POST /{ig-user-id}/media` with `image_url`, `caption` and `alt_text` (alt text is for image
 *   posts only; reels are not supported), or `media_type=REELS` with `video_url` → `{ id }`.
 * - `GET /{ig-container-id}?fields=status_code` → `EXPIRED`, `ERROR`, `FINISHED`, `IN_PROGRESS` or
 *   `PUBLISHED`; videos are processed asynchronously and must be `FINISHED` before publishing.
 */
import { setTimeout as delay } from 'node:timers/promises'

import { networkFailure } from '../http'
import type { ChannelFailure, ChannelMedia } from '../../scheduler'
import {
  callGraph,
  isFailure,
  permanentFailure,
  stringField,
  type GraphContext,
  type GraphParams,
} from '../facebook/graph'
import { channelFailure } from '../facebook/graphErrors'

export type PollOptions = { pollIntervalMs: number; maxPolls: number }

/** When a video is still processing after our polls, try again in a minute (the guide's own polling pace). */
export const STILL_PROCESSING_WAIT_MS = 60_000

/**
 * Instagram error subcodes whose documented remedy is "try again" or "generate a new container
 * and try again" (error-codes reference); any other processing error is about the media itself.
 */
const RETRYABLE_PROCESSING_SUBCODES = ['2207001', '2207003', '2207020', '2207032', '2207053']

const containerParams = (media: ChannelMedia, caption: string): GraphParams =>
  media.kind === 'image'
    ? { image_url: media.url, caption: caption || undefined, alt_text: media.altText }
    : { media_type: 'REELS', video_url: media.url, caption: caption || undefined }

/** Creates the container and answers its id. */
export const createContainer = async (
  ctx: GraphContext,
  media: ChannelMedia,
  caption: string,
  now: () => number,
): Promise<string | ChannelFailure> => {
  const result = await callGraph(
    ctx,
    { method: 'POST', path: `${ctx.nodeId}/media`, params: containerParams(media, caption) },
    now,
  )
  if (isFailure(result)) return channelFailure(result)
  return (
    stringField(result.body, 'id') ?? {
      ok: false,
      retryable: true,
      status: result.status,
      message: 'Instagram: /media answered without a container id',
    }
  )
}

/** A container that ended in `ERROR`: its `status` text names the Instagram error subcode. */
const processingError = (status: number, detail: string | undefined): ChannelFailure => {
  const text = detail || 'the video could not be processed'
  const retryable = RETRYABLE_PROCESSING_SUBCODES.some((subcode) => text.includes(subcode))
  return { ok: false, retryable, status, message: `Instagram: media processing failed: ${text}` }
}

const sleep = async (ms: number, signal?: AbortSignal): Promise<ChannelFailure | undefined> => {
  try {
    await delay(ms, undefined, { signal })
    return undefined
  } catch (error) {
    return networkFailure(error)
  }
}

/**
 * Polls `status_code` until the container is `FINISHED`, at most `maxPolls` times, `pollIntervalMs`
 * apart, stopping at once when the caller's signal aborts. Answers undefined when ready.
 */
export const waitUntilFinished = async (
  ctx: GraphContext,
  containerId: string,
  poll: PollOptions,
  now: () => number,
): Promise<ChannelFailure | undefined> => {
  for (let attempt = 1; attempt <= poll.maxPolls; attempt += 1) {
    const result = await callGraph(
      ctx,
      { method: 'GET', path: containerId, params: { fields: 'status_code,status' } },
      now,
    )
    if (isFailure(result)) return channelFailure(result)
    const code = stringField(result.body, 'status_code')
    if (code === 'FINISHED') return undefined
    if (code === 'ERROR') return processingError(result.status, stringField(result.body, 'status'))
    // An expired container (24 hours old) is replaced by a new one on the next attempt.
    if (code === 'EXPIRED')
      return {
        ok: false,
        retryable: true,
        status: result.status,
        message: 'Instagram: the media container expired before it was published',
      }
    if (code === 'PUBLISHED')
      return {
        ok: false,
        retryable: true,
        status: result.status,
        message: 'Instagram: the container is already published; reconcile will find the post',
      }
    if (attempt < poll.maxPolls) {
      const aborted = await sleep(poll.pollIntervalMs, ctx.signal)
      if (aborted) return aborted
    }
  }
  return {
    ok: false,
    retryable: true,
    status: 200,
    message: `Instagram: the video was still processing after ${poll.maxPolls} status checks`,
    retryAfterMs: STILL_PROCESSING_WAIT_MS,
  }
}

/** The one media item Instagram will publish, or why not: the API cannot post text alone. */
export const mediaToPublish = (media: ChannelMedia[]): ChannelMedia | ChannelFailure => {
  if (!media.length)
    return permanentFailure('Instagram: a post needs an image or a video, and this one has none')
  if (media.length > 1)
    return permanentFailure(
      `Instagram: this adapter publishes one image or video per post (carousels are not supported); this post has ${media.length}`,
    )
  const [item] = media as [ChannelMedia]
  // Instagram cURLs the media itself, so it must be on a public server (Content Publishing guide).
  if (!item.url)
    return permanentFailure(
      `Instagram: the ${item.kind} needs a public URL for Instagram to fetch; a file on disk cannot be uploaded`,
    )
  return item
}
