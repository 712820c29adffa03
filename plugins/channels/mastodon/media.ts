import { openAsBlob } from 'node:fs'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'

import { readJson } from '../http'
import type { ChannelAccount, ChannelMedia } from '../../scheduler'
import { authHeader, entityId, localFailure, mastodonFailure, mastodonUrl, type Step } from './api'

export type MastodonMediaOptions = {
  /** Pause between `GET /api/v1/media/:id` checks while the instance processes an upload. */
  mediaPollIntervalMs: number
  /** Checks before giving up for now (a retryable failure); keeps a stuck upload from holding the worker. */
  maxMediaPolls: number
  /** Waits `ms` or rejects when `signal` aborts; injectable so tests need not wait. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
}

/** A pause that ends early, with the signal's AbortError, when the caller gives up. */
export const abortableSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  delay(ms, undefined, { signal })

/**
 * The multipart body of POST /api/v2/media: `file` (required, "must have a MIME type") and
 * `description`, the alt text ("a plain-text description of the media, for accessibility
 * purposes"). `openAsBlob` streams the file from disk, so a large video is never held in memory.
 */
const mediaForm = async (media: ChannelMedia, filePath: string): Promise<FormData> => {
  const form = new FormData()
  const file = await openAsBlob(filePath, { type: media.mimeType })
  form.append('file', file as Blob, path.basename(filePath))
  if (media.altText) form.append('description', media.altText)
  return form
}

/**
 * POST /api/v2/media answers 200 when the file was processed synchronously (images, since 4.0) and
 * 202 with `url: null` while the full-size file is still processing (video, gifv, audio); then
 * GET /api/v1/media/:id answers 206 until processing ends and 200 once `url` is available
 * (docs.joinmastodon.org, methods/media). The checks are bounded and stop when `signal` aborts.
 */
const waitUntilProcessed = async (
  id: string,
  account: ChannelAccount,
  options: MastodonMediaOptions,
  signal?: AbortSignal,
): Promise<Step<string>> => {
  for (let check = 1; check <= options.maxMediaPolls; check++) {
    await options.sleep(options.mediaPollIntervalMs, signal)
    const response = await fetch(mastodonUrl(account, `/api/v1/media/${encodeURIComponent(id)}`), {
      headers: authHeader(account),
      signal,
    })
    if (response.status === 200) return { ok: true, value: id }
    if (response.status !== 206) return mastodonFailure(response)
    await response.body?.cancel()
  }
  // Still processing: the upload is fine, just slow. A later attempt uploads again; Mastodon removes
  // attachments that never reach a status on its own.
  return localFailure(
    `Mastodon was still processing media ${id} after ${options.maxMediaPolls} checks`,
    true,
  )
}

/** Uploads one file with its alt text and waits until it can be attached; resolves to its id. */
export const uploadMedia = async (
  media: ChannelMedia,
  account: ChannelAccount,
  options: MastodonMediaOptions,
  signal?: AbortSignal,
): Promise<Step<string>> => {
  // Mastodon takes bytes, not links: a file the worker cannot read will not become readable later.
  if (!media.filePath)
    return localFailure(
      `Mastodon needs the ${media.kind} file itself, and this ${media.kind} has no file on disk`,
    )
  let form: FormData
  try {
    form = await mediaForm(media, media.filePath)
  } catch (error) {
    return localFailure(
      `Could not read the ${media.kind} file: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  const response = await fetch(mastodonUrl(account, '/api/v2/media'), {
    method: 'POST',
    headers: authHeader(account),
    body: form,
    signal,
  })
  if (response.status !== 200 && response.status !== 202) return mastodonFailure(response)
  const id = entityId(await readJson(response))
  if (!id) return localFailure(`Mastodon accepted the ${media.kind} but returned no media id`, true)
  return response.status === 200
    ? { ok: true, value: id }
    : waitUntilProcessed(id, account, options, signal)
}
