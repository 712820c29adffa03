/**
 * videos.insert through the resumable upload protocol (YouTube Data API guide "Resumable uploads"):
 * 1. POST /upload/youtube/v3/videos?uploadType=resumable&part=snippet,status with the video resource
 *    as JSON, `X-Upload-Content-Length` and `X-Upload-Content-Type` → 200, session URI in `Location`.
 * 2. PUT <session URI> with the bytes (`Content-Length`, `Content-Type`) → 201 Created + video.
 * 3. If that PUT is cut off or answers 500/502/503/504: PUT <session URI> with `Content-Length: 0`
 *    and `Content-Range: bytes *\/TOTAL` → 308 Resume Incomplete with `Range: bytes=0-N` (no `Range`
 *    when nothing arrived), or the final answer if the upload had already finished.
 * 4. Resume: PUT the rest with `Content-Range: bytes N+1-LAST/TOTAL`.
 * A 404 on the session means it expired and the upload must start again from step 1.
 */
import { createReadStream } from 'node:fs'

import { readJson } from '../http'
import type { ChannelFailure } from '../../scheduler'
import {
  authHeader,
  connectionFailure,
  isRecord,
  isText,
  localFailure,
  sameOrigin,
  type Step,
  type YoutubeContext,
  youtubeFailure,
  youtubeUrl,
} from './api'

export type VideoSource = { filePath: string; size: number; mimeType: string }

export type UploadOutcome =
  | { kind: 'uploaded'; videoId: string; status: number }
  /** The session is gone (404): nothing was made from it. */
  | { kind: 'expired' }
  | { kind: 'failed'; failure: ChannelFailure }

/** What one answer (or the lack of one) tells the upload loop to do next. */
type Answer =
  | UploadOutcome
  | { kind: 'resume'; offset: number }
  | { kind: 'interrupted'; failure: ChannelFailure }

// "500, 502, 503 or 504: resume the upload"; any other error ends it.
const RESUMABLE = new Set([500, 502, 503, 504])

// Node's fetch streams a body only with `duplex: 'half'`, which the DOM typings do not know yet.
type StreamingInit = RequestInit & { duplex: 'half' }

/** Step 1: opens a session for `source`; resolves to the session URI. */
export const startSession = async (
  ctx: YoutubeContext,
  source: VideoSource,
  metadata: unknown,
): Promise<Step<string>> => {
  const url = youtubeUrl(
    ctx.account,
    '/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status',
  )
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      ...authHeader(ctx.account),
      'Content-Type': 'application/json; charset=UTF-8',
      'X-Upload-Content-Length': String(source.size),
      'X-Upload-Content-Type': source.mimeType,
    },
    body: JSON.stringify(metadata),
    signal: ctx.signal,
  })
  if (response.status !== 200) return youtubeFailure(response, ctx.now())
  await response.body?.cancel()
  const location = response.headers.get('location')
  if (!location)
    return localFailure('YouTube opened no upload session (its answer had no Location header)')
  return { ok: true, value: new URL(location, url).toString() }
}

/** The token goes with session requests only when the session is on the API host. */
const sessionHeaders = (ctx: YoutubeContext, sessionUri: string): Record<string, string> =>
  sameOrigin(sessionUri, ctx.account) ? authHeader(ctx.account) : {}

/**
 * Step 2 (the whole file, no range) and step 4 (a resume, with `Content-Range`, even from byte 0):
 * streams the file from `offset` to its end, without reading it into memory.
 */
const sendBytes = (
  ctx: YoutubeContext,
  sessionUri: string,
  source: VideoSource,
  offset: number | 'whole',
): Promise<Response> => {
  const from = offset === 'whole' ? 0 : offset
  const range: Record<string, string> =
    offset === 'whole' ? {} : { 'Content-Range': `bytes ${from}-${source.size - 1}/${source.size}` }
  const init: StreamingInit = {
    method: 'PUT',
    headers: {
      ...sessionHeaders(ctx, sessionUri),
      'Content-Length': String(source.size - from),
      'Content-Type': source.mimeType,
      ...range,
    },
    body: createReadStream(source.filePath, { start: from }) as unknown as BodyInit,
    duplex: 'half',
    signal: ctx.signal,
  }
  return fetch(sessionUri, init)
}

/** Step 3: asks how much of the file the session holds. */
const queryStatus = (
  ctx: YoutubeContext,
  sessionUri: string,
  source: VideoSource,
): Promise<Response> =>
  fetch(sessionUri, {
    method: 'PUT',
    headers: {
      ...sessionHeaders(ctx, sessionUri),
      // No Content-Length of our own: fetch sends `Content-Length: 0` for a PUT without a body, and
      // a second one became "0, 0" — which undici 7's client (the global dispatcher once Payload
      // is loaded, as in every worker) refuses, so every resume failed in production.
      'Content-Range': `bytes */${source.size}`,
    },
    signal: ctx.signal,
  })

/** `Range: bytes=0-N` → N+1; no header → 0 ("no bytes have been received"). */
const nextOffset = (range: string | null): number | undefined => {
  if (range === null) return 0
  const match = /^bytes=0-(\d+)$/.exec(range.trim())
  return match ? Number(match[1]) + 1 : undefined
}

const readAnswer = async (ctx: YoutubeContext, response: Response): Promise<Answer> => {
  if (response.status === 200 || response.status === 201) {
    const body = await readJson(response)
    const videoId = isRecord(body) && isText(body.id) ? body.id : undefined
    // The video may exist without an id to record; uploading again could double-post: a person must look.
    return videoId
      ? { kind: 'uploaded', videoId, status: response.status }
      : {
          kind: 'failed',
          failure: localFailure('YouTube finished the upload but returned no video id'),
        }
  }
  if (response.status === 308) {
    await response.body?.cancel()
    const offset = nextOffset(response.headers.get('range'))
    return offset === undefined
      ? {
          kind: 'failed',
          failure: localFailure(
            `YouTube answered with an unreadable Range: ${response.headers.get('range')}`,
            true,
          ),
        }
      : { kind: 'resume', offset }
  }
  if (response.status === 404) {
    await response.body?.cancel()
    return { kind: 'expired' }
  }
  const failure = await youtubeFailure(response, ctx.now())
  // A Retry-After says when to resume; this adapter does not wait, so the dispatcher does.
  return RESUMABLE.has(response.status) && failure.retryAfterMs === undefined
    ? { kind: 'interrupted', failure }
    : { kind: 'failed', failure }
}

/** One request: a lost connection is an interruption to resume from, unless the caller gave up. */
const attempt = async (ctx: YoutubeContext, send: () => Promise<Response>): Promise<Answer> => {
  try {
    return await readAnswer(ctx, await send())
  } catch (error) {
    const failure = connectionFailure(error)
    return ctx.signal?.aborted ? { kind: 'failed', failure } : { kind: 'interrupted', failure }
  }
}

/**
 * Drives one session to its end: sends (or first queries, for a session opened earlier), and after
 * each interruption queries and resumes, at most `maxResumes` times in this call; a session that
 * still has bytes to go is left for the next attempt (its URI is kept by the caller).
 */
export const driveSession = async (
  ctx: YoutubeContext,
  sessionUri: string,
  source: VideoSource,
  start: 'send' | 'query',
  maxResumes: number,
): Promise<UploadOutcome> => {
  let answer = await attempt(ctx, () =>
    start === 'send'
      ? sendBytes(ctx, sessionUri, source, 'whole')
      : queryStatus(ctx, sessionUri, source),
  )
  // Each resume is a query and a send; a server that keeps answering 308 cannot hold the worker.
  for (let steps = 0; steps <= 2 * maxResumes + 1; steps++) {
    if (answer.kind === 'uploaded' || answer.kind === 'expired' || answer.kind === 'failed')
      return answer
    if (answer.kind === 'interrupted' && steps >= 2 * maxResumes)
      return { kind: 'failed', failure: answer.failure }
    const offset = answer.kind === 'resume' ? answer.offset : undefined
    if (offset !== undefined && offset >= source.size)
      return {
        kind: 'failed',
        failure: localFailure('YouTube holds the whole file but did not finish the upload', true),
      }
    answer = await attempt(ctx, () =>
      offset === undefined
        ? queryStatus(ctx, sessionUri, source)
        : sendBytes(ctx, sessionUri, source, offset),
    )
  }
  return {
    kind: 'failed',
    failure: localFailure(
      `The upload to YouTube did not complete after ${maxResumes} resumes`,
      true,
    ),
  }
}
