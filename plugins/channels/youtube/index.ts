/**
 * YouTube Data API v3:
 * - videos.insert by resumable upload (./upload.ts), then captions.insert per caption track of the
 *   video (./captions.ts); the post is a success only once both are done.
 * - videos.delete: DELETE /youtube/v3/videos?id= → 204 No Content.
 * - reconcile: videos.list `GET /youtube/v3/videos?part=id,status&id=` for a video id; for an upload
 *   session URI (the partial remote id of an unfinished upload), the session is queried and resumed.
 * - metrics: videos.list `part=statistics` for up to 50 ids (./metrics.ts).
 * Errors are Google's `{ error: { code, message, errors: [{ domain, reason, message }] } }` (./api.ts).
 *
 * What has been done for a publication (its session URI, video id, captions sent) is remembered in
 * this process by idempotency key, so a retry resumes instead of uploading the video twice.
 */
import { stat } from 'node:fs/promises'

import { readJson, reconcileFailed } from '../http'
import { guardedMetrics } from '../metrics'
import {
  type ChannelAccount,
  type ChannelAdapter,
  type ChannelMedia,
  type ChannelPost,
  type ChannelResult,
  type ChannelSuccess,
  ReconcileFailed,
} from '../../scheduler/exports/channels'
import {
  authHeader,
  connectionFailure,
  isRecord,
  localFailure,
  redact,
  sameOrigin,
  type Step,
  watchUrl,
  type YoutubeContext,
  youtubeFailure,
  youtubeUrl,
} from './api'
import { type CaptionTrack, insertCaption, trackKey } from './captions'
import { videoResource } from './metadata'
import { readYoutubeMetrics, youtubeMetricsSupport } from './metrics'
import { driveSession, startSession, type UploadOutcome, type VideoSource } from './upload'

export type YoutubeAdapterOptions = {
  /** Query-and-resume rounds after interruptions within one call (no waiting between them). */
  maxResumes?: number
  /** The clock quota resets are computed from. */
  now?: () => number
  /** Publications whose progress is remembered at once; the oldest is forgotten first. */
  maxRemembered?: number
}

type Progress = {
  sessionUri?: string
  videoId?: string
  status?: number
  captionsDone: Set<string>
}

type Settings = { maxResumes: number; now: () => number; memory: Memory }

/** A bounded map of progress by idempotency key. */
class Memory {
  private readonly entries = new Map<string, Progress>()
  constructor(private readonly limit: number) {}
  get(key: string): Progress | undefined {
    return this.entries.get(key)
  }
  take(key: string): Progress {
    const progress = this.entries.get(key) ?? { captionsDone: new Set<string>() }
    this.entries.delete(key)
    this.entries.set(key, progress)
    while (this.entries.size > this.limit)
      this.entries.delete(this.entries.keys().next().value as string)
    return progress
  }
  forget(key: string): void {
    this.entries.delete(key)
  }
}

type Video = { media: ChannelMedia; source: VideoSource }

/** The post's video and its size on disk; a post without one fails for good with a clear message. */
const findVideo = async (post: ChannelPost): Promise<Step<Video>> => {
  const media = post.media.find((item) => item.kind === 'video')
  if (!media) return localFailure('A YouTube post needs a video, and this post has none')
  if (!media.filePath)
    return localFailure('YouTube needs the video file itself, and this video has no file on disk')
  try {
    const info = await stat(media.filePath)
    if (!info.isFile() || info.size === 0) return localFailure('The video file is empty')
    return {
      ok: true,
      value: {
        media,
        source: { filePath: media.filePath, size: info.size, mimeType: media.mimeType },
      },
    }
  } catch (error) {
    return localFailure(
      `Could not read the video file: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

/** Whether a remote id is an upload session URI on the API host rather than a video id. */
const isUploadSession = (value: string, account: ChannelAccount): boolean => {
  if (!sameOrigin(value, account)) return false
  const url = new URL(value)
  return url.pathname.endsWith('/upload/youtube/v3/videos') && url.searchParams.has('upload_id')
}

/** Resumes the remembered session if there is one; otherwise (when allowed) opens a new one. */
const uploadVideo = async (
  ctx: YoutubeContext,
  post: ChannelPost,
  video: Video,
  progress: Progress,
  allowNewSession: boolean,
  settings: Settings,
): Promise<UploadOutcome> => {
  if (progress.sessionUri) {
    const outcome = await driveSession(
      ctx,
      progress.sessionUri,
      video.source,
      'query',
      settings.maxResumes,
    )
    if (outcome.kind !== 'expired') return outcome
    progress.sessionUri = undefined
  }
  if (!allowNewSession) return { kind: 'expired' }
  const session = await startSession(
    ctx,
    video.source,
    videoResource(post, video.media, ctx.account),
  )
  if (!session.ok) return { kind: 'failed', failure: session }
  progress.sessionUri = session.value
  const outcome = await driveSession(ctx, session.value, video.source, 'send', settings.maxResumes)
  if (outcome.kind !== 'expired') return outcome
  progress.sessionUri = undefined
  return {
    kind: 'failed',
    failure: localFailure('YouTube expired the upload session while the video was uploading', true),
  }
}

/** Sends the caption tracks not sent yet; a failure names the live video so nobody uploads it again. */
const uploadCaptions = async (
  ctx: YoutubeContext,
  videoId: string,
  tracks: CaptionTrack[],
  progress: Progress,
): Promise<ChannelResult | undefined> => {
  for (const track of tracks) {
    if (progress.captionsDone.has(trackKey(track))) continue
    const failure = await insertCaption(ctx, videoId, track).catch(connectionFailure)
    if (failure)
      return {
        ...failure,
        message: `YouTube video ${videoId} is uploaded, but its "${track.label}" captions are not: ${failure.message}`,
      }
    progress.captionsDone.add(trackKey(track))
  }
  return undefined
}

/** Takes a publication from wherever it stands to done: video uploaded, then its captions. */
const finish = async (
  ctx: YoutubeContext,
  post: ChannelPost,
  video: Video,
  progress: Progress,
  allowNewSession: boolean,
  settings: Settings,
): Promise<ChannelResult | 'expired'> => {
  if (!progress.videoId) {
    const outcome = await uploadVideo(ctx, post, video, progress, allowNewSession, settings)
    if (outcome.kind === 'expired') return 'expired'
    if (outcome.kind === 'failed') return outcome.failure
    Object.assign(progress, {
      videoId: outcome.videoId,
      status: outcome.status,
      sessionUri: undefined,
    })
  }
  const videoId = progress.videoId as string
  const captions = await uploadCaptions(ctx, videoId, video.media.captions ?? [], progress)
  return (
    captions ?? {
      ok: true,
      remoteId: videoId,
      remoteUrl: watchUrl(videoId),
      status: progress.status ?? 200,
    }
  )
}

const publish = async (
  post: ChannelPost,
  ctx: YoutubeContext,
  settings: Settings,
): Promise<ChannelResult> => {
  const video = await findVideo(post)
  if (!video.ok) return video
  const progress = settings.memory.take(post.idempotencyKey)
  const result = await finish(ctx, post, video.value, progress, true, settings)
  if (result === 'expired') return localFailure('YouTube expired the upload session', true)
  if (result.ok) settings.memory.forget(post.idempotencyKey)
  return result
}

/** videos.delete answers 204 No Content; 404 videoNotFound and 403 forbidden stay failures. */
const remove = async (remoteId: string, ctx: YoutubeContext): Promise<ChannelResult> => {
  if (isUploadSession(remoteId, ctx.account))
    return localFailure(
      'This publication is an unfinished upload, not a YouTube video: there is nothing to delete',
    )
  const response = await fetch(
    youtubeUrl(ctx.account, `/youtube/v3/videos?id=${encodeURIComponent(remoteId)}`),
    { method: 'DELETE', headers: authHeader(ctx.account), signal: ctx.signal },
  )
  if (response.status !== 204 && response.status !== 200) return youtubeFailure(response, ctx.now())
  await response.body?.cancel()
  return { ok: true, remoteId, status: response.status }
}

/** videos.list by id: the video when the channel has it, `null` when `items` is empty. */
const lookUp = async (videoId: string, ctx: YoutubeContext): Promise<ChannelSuccess | null> => {
  const url = youtubeUrl(
    ctx.account,
    `/youtube/v3/videos?part=id,status&id=${encodeURIComponent(videoId)}`,
  )
  const response = await fetch(url, { headers: authHeader(ctx.account), signal: ctx.signal })
  if (response.status !== 200) throw new ReconcileFailed(await youtubeFailure(response, ctx.now()))
  const body = await readJson(response)
  const items = isRecord(body) && Array.isArray(body.items) ? body.items : []
  const found = items.some((item) => isRecord(item) && item.id === videoId)
  return found
    ? { ok: true, remoteId: videoId, remoteUrl: watchUrl(videoId), status: response.status }
    : null
}

/**
 * After a crash or a failed attempt: a video id is confirmed with videos.list (and captions still
 * owed from this process are sent); an upload session is queried and resumed — never restarted, so
 * an expired session (nothing made from it) is `null`. Without a remote id, what this process
 * remembers for the key is used; with nothing remembered there is no way to look a video up by key,
 * so `null`. Failures throw: "could not look" is not "not there".
 */
const reconcile = async (
  post: ChannelPost,
  remoteId: string | undefined,
  ctx: YoutubeContext,
  settings: Settings,
): Promise<ChannelSuccess | null> => {
  const remembered = settings.memory.get(post.idempotencyKey)
  const target = remoteId ?? remembered?.videoId ?? remembered?.sessionUri
  if (!target) return null
  if (!isUploadSession(target, ctx.account)) {
    const found = await lookUp(target, ctx)
    if (!found && remembered?.videoId === target) settings.memory.forget(post.idempotencyKey)
    if (!found || remembered?.videoId !== target) return found
  }
  const video = await findVideo(post)
  if (!video.ok) throw new ReconcileFailed(video)
  const progress = settings.memory.take(post.idempotencyKey)
  if (!progress.videoId && isUploadSession(target, ctx.account)) progress.sessionUri = target
  const result = await finish(ctx, post, video.value, progress, false, settings)
  if (result !== 'expired' && !result.ok) throw new ReconcileFailed(result)
  settings.memory.forget(post.idempotencyKey)
  return result === 'expired' ? null : result
}

/** Network errors and aborts become retryable failures; no message leaves with the token in it. */
const guarded = async (
  account: ChannelAccount,
  run: () => Promise<ChannelResult>,
): Promise<ChannelResult> => {
  try {
    return redact(await run(), account.accessToken)
  } catch (error) {
    return redact(connectionFailure(error), account.accessToken)
  }
}

/** The adapter, with the optional methods it implements typed as present. */
export type YoutubeAdapter = ChannelAdapter & Required<Pick<ChannelAdapter, 'remove' | 'reconcile'>>

export const createYoutubeAdapter = (options: YoutubeAdapterOptions = {}): YoutubeAdapter => {
  const now = options.now ?? Date.now
  const settings: Settings = {
    maxResumes: options.maxResumes ?? 3,
    now,
    memory: new Memory(options.maxRemembered ?? 200),
  }
  const context = (account: ChannelAccount, signal?: AbortSignal): YoutubeContext => ({
    account,
    now,
    ...(signal ? { signal } : {}),
  })
  return {
    channel: 'youtube',
    canDelete: true,
    publish: (post, account, signal) =>
      guarded(account, () => publish(post, context(account, signal), settings)),
    remove: (remoteId, account, signal) =>
      guarded(account, () => remove(remoteId, context(account, signal))),
    reconcile: async (post, account, remoteId, signal) => {
      try {
        return await reconcile(post, remoteId, context(account, signal), settings)
      } catch (error) {
        throw reconcileFailed(error, account.accessToken, connectionFailure)
      }
    },
    metrics: (posts, account, signal) =>
      guardedMetrics(account, connectionFailure, () =>
        readYoutubeMetrics(posts, account, now, signal),
      ),
    metricsSupport: youtubeMetricsSupport,
  }
}

export const youtubeAdapter: ChannelAdapter = createYoutubeAdapter()
