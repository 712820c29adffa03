import { open, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'

import { readJson } from '../http'
import type { ChannelAccount, ChannelMedia } from '../../scheduler'
import {
  authHeader,
  dataId,
  isRecord,
  jsonHeaders,
  localFailure,
  type Step,
  xFailure,
  xUrl,
} from './api'

/** Waits `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export const abortableSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, { signal })
}

export type XMediaOptions = {
  /** Bytes per APPEND segment; X takes at most 5 MB per segment and 1,000 segments (index 0–999). */
  chunkBytes: number
  /** Most STATUS requests made while X processes a video. */
  maxStatusPolls: number
  /** Most total time spent waiting on `check_after_secs` before giving up for now (retryable). */
  maxProcessingWaitMs: number
  sleep: Sleep
}

type Category = 'tweet_image' | 'tweet_gif' | 'tweet_video'

// The one-shot POST /2/media/upload takes only tweet_image (its media_type enum has no GIF or video);
// GIFs and videos must go through initialize/append/finalize.
const categoryOf = (media: ChannelMedia): Category =>
  media.kind === 'video'
    ? 'tweet_video'
    : media.mimeType === 'image/gif'
      ? 'tweet_gif'
      : 'tweet_image'

type ProcessingInfo = { state: string; checkAfterSecs?: number; error?: string }

/** `data.processing_info` of FINALIZE / STATUS; absent when X has nothing left to do. */
const processingInfoOf = (body: unknown): ProcessingInfo | undefined => {
  const info = isRecord(body) && isRecord(body.data) ? body.data.processing_info : undefined
  if (!isRecord(info) || typeof info.state !== 'string') return undefined
  const error =
    isRecord(info.error) && typeof info.error.message === 'string' ? info.error.message : undefined
  return {
    state: info.state,
    checkAfterSecs: typeof info.check_after_secs === 'number' ? info.check_after_secs : undefined,
    error,
  }
}

/** The id in a 2xx media answer; its absence is X's contract broken, not worth repeating. */
const mediaId = async (response: Response): Promise<Step<string>> => {
  const id = dataId(await readJson(response))
  return id
    ? { ok: true, value: id }
    : {
        ok: false,
        retryable: false,
        status: response.status,
        message: 'X answered the media upload without a media id',
      }
}

const post = (account: ChannelAccount, pathname: string, init: RequestInit, signal?: AbortSignal) =>
  fetch(xUrl(account, pathname), { method: 'POST', ...init, signal })

/**
 * One-shot image upload: POST /2/media/upload, multipart/form-data with the file as `media` and
 * `media_category=tweet_image` (docs.x.com "Upload media"); answers `{ data: { id, media_key, … } }`.
 */
const uploadImage = async (
  filePath: string,
  media: ChannelMedia,
  account: ChannelAccount,
  signal?: AbortSignal,
): Promise<Step<string>> => {
  const form = new FormData()
  form.append(
    'media',
    new Blob([new Uint8Array(await readFile(filePath))], { type: media.mimeType }),
    path.basename(filePath),
  )
  form.append('media_category', 'tweet_image')
  form.append('media_type', media.mimeType)
  const response = await post(
    account,
    '/2/media/upload',
    { headers: authHeader(account), body: form },
    signal,
  )
  return response.ok ? mediaId(response) : xFailure(response)
}

/** INIT: POST /2/media/upload/initialize with JSON `{ media_type, total_bytes, media_category }`. */
const initialize = async (
  media: ChannelMedia,
  totalBytes: number,
  category: Category,
  account: ChannelAccount,
  signal?: AbortSignal,
) => {
  const body = JSON.stringify({
    media_type: media.mimeType,
    total_bytes: totalBytes,
    media_category: category,
  })
  const response = await post(
    account,
    '/2/media/upload/initialize',
    { headers: jsonHeaders(account), body },
    signal,
  )
  return response.ok ? mediaId(response) : xFailure(response)
}

/** APPEND: each segment to POST /2/media/upload/{id}/append as multipart `media` + `segment_index`. */
const appendSegments = async (
  id: string,
  filePath: string,
  totalBytes: number,
  account: ChannelAccount,
  options: XMediaOptions,
  signal?: AbortSignal,
): Promise<Step<void>> => {
  const file = await open(filePath, 'r')
  try {
    for (let offset = 0, index = 0; offset < totalBytes; offset += options.chunkBytes, index += 1) {
      // Read one segment at a time: a video can be hundreds of megabytes.
      const chunk = new Uint8Array(Math.min(options.chunkBytes, totalBytes - offset))
      await file.read(chunk, 0, chunk.length, offset)
      const form = new FormData()
      form.append('media', new Blob([chunk], { type: 'application/octet-stream' }), 'chunk')
      form.append('segment_index', String(index))
      const response = await post(
        account,
        `/2/media/upload/${encodeURIComponent(id)}/append`,
        { headers: authHeader(account), body: form },
        signal,
      )
      if (!response.ok) return xFailure(response)
      await response.arrayBuffer() // drain, so the connection is reused for the next segment
    }
    return { ok: true, value: undefined }
  } finally {
    await file.close()
  }
}

/**
 * Polls GET /2/media/upload?command=STATUS&media_id= as X asks: state goes pending → in_progress →
 * succeeded | failed, waiting `check_after_secs` between checks. Bounded by polls and total wait,
 * and abortable (the sleep rejects when `signal` aborts); X must not be polled forever.
 */
const waitForProcessing = async (
  id: string,
  first: ProcessingInfo | undefined,
  account: ChannelAccount,
  options: XMediaOptions,
  signal?: AbortSignal,
): Promise<Step<string>> => {
  let info = first
  let status = 200
  let waited = 0
  for (let polls = 0; info && info.state !== 'succeeded'; polls += 1) {
    // X refuses this media for good (e.g. "Unsupported video format"): uploading it again changes nothing.
    if (info.state === 'failed')
      return {
        ok: false,
        retryable: false,
        status,
        message: info.error ?? 'X could not process the media',
      }
    const waitMs = Math.max(0, (info.checkAfterSecs ?? 1) * 1000)
    if (polls >= options.maxStatusPolls || waited + waitMs > options.maxProcessingWaitMs) {
      return {
        ...localFailure(
          `X was still processing the media after ${Math.round(waited / 1000)} s`,
          true,
        ),
        retryAfterMs: waitMs,
      }
    }
    await options.sleep(waitMs, signal)
    waited += waitMs
    const response = await fetch(
      xUrl(account, `/2/media/upload?command=STATUS&media_id=${encodeURIComponent(id)}`),
      { headers: authHeader(account), signal },
    )
    if (!response.ok) return xFailure(response)
    status = response.status
    info = processingInfoOf(await readJson(response))
  }
  return { ok: true, value: id }
}

/** GIFs and videos: initialize, append every segment, finalize, then wait for processing. */
const uploadChunked = async (
  filePath: string,
  media: ChannelMedia,
  category: Category,
  account: ChannelAccount,
  options: XMediaOptions,
  signal?: AbortSignal,
): Promise<Step<string>> => {
  const totalBytes = (await stat(filePath)).size
  const init = await initialize(media, totalBytes, category, account, signal)
  if (!init.ok) return init
  const appended = await appendSegments(init.value, filePath, totalBytes, account, options, signal)
  if (!appended.ok) return appended
  // FINALIZE: POST /2/media/upload/{id}/finalize; `processing_info` present when X still has work to do.
  const response = await post(
    account,
    `/2/media/upload/${encodeURIComponent(init.value)}/finalize`,
    { headers: authHeader(account) },
    signal,
  )
  if (!response.ok) return xFailure(response)
  return waitForProcessing(
    init.value,
    processingInfoOf(await readJson(response)),
    account,
    options,
    signal,
  )
}

/** Alt text: POST /2/media/metadata with `{ id, metadata: { alt_text: { text } } }` (at most 1,000 characters). */
const setAltText = async (
  id: string,
  text: string,
  account: ChannelAccount,
  signal?: AbortSignal,
): Promise<Step<string>> => {
  const body = JSON.stringify({ id, metadata: { alt_text: { text } } })
  const response = await post(
    account,
    '/2/media/metadata',
    { headers: jsonHeaders(account), body },
    signal,
  )
  if (!response.ok) return xFailure(response)
  await response.arrayBuffer()
  return { ok: true, value: id }
}

/** A missing or unreadable file will not appear by retrying the same publication. */
const readable = async (filePath: string | undefined): Promise<Step<string>> => {
  if (!filePath) return localFailure('this media has no file on disk to upload to X')
  try {
    await stat(filePath)
    return { ok: true, value: filePath }
  } catch (error) {
    return localFailure(
      `cannot read the media file: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

/**
 * Uploads one image, GIF or video and returns its media id for `media.media_ids`. Alt text is set
 * for images and GIFs, the media X's metadata endpoint documents it for; a publication that asked
 * for alt text fails rather than going out without it.
 */
export const uploadMedia = async (
  media: ChannelMedia,
  account: ChannelAccount,
  options: XMediaOptions,
  signal?: AbortSignal,
): Promise<Step<string>> => {
  const file = await readable(media.filePath)
  if (!file.ok) return file
  const category = categoryOf(media)
  const uploaded =
    category === 'tweet_image'
      ? await uploadImage(file.value, media, account, signal)
      : await uploadChunked(file.value, media, category, account, options, signal)
  if (!uploaded.ok || !media.altText || category === 'tweet_video') return uploaded
  return setAltText(uploaded.value, media.altText, account, signal)
}
