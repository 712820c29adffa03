/**
 * Mastodon, per docs.joinmastodon.org:
 * - POST /api/v2/media (multipart `file` + `description`) → 200, or 202 then GET /api/v1/media/:id
 *   (206 while processing, 200 when ready) — see ./media.ts.
 * - POST /api/v1/statuses with `Idempotency-Key` → 200 Status `{ id, url, uri, … }`.
 * - GET /api/v1/statuses/:id, DELETE /api/v1/statuses/:id → 200 Status.
 * - Errors are `{ error: "…" }`; 429 carries `X-RateLimit-Reset` (an ISO 8601 timestamp).
 * - Counts of a live status: ./metrics.ts.
 */
import { readJson, reconcileFailed } from '../http'
import {
  type ChannelAccount,
  type ChannelAdapter,
  type ChannelPost,
  type ChannelResult,
  type ChannelSuccess,
  ReconcileFailed,
} from '../../scheduler/exports/channels'
import {
  authHeader,
  connectionFailure,
  entityId,
  isRecord,
  localFailure,
  mastodonFailure,
  mastodonUrl,
  redact,
  type Step,
} from './api'
import { abortableSleep, type MastodonMediaOptions, uploadMedia } from './media'
import { mastodonMetricsSupport, readMastodonMetrics } from './metrics'
import { guardedMetrics } from '../metrics'

export type MastodonAdapterOptions = Partial<MastodonMediaOptions>

const DEFAULTS: MastodonMediaOptions = {
  mediaPollIntervalMs: 2000,
  maxMediaPolls: 90,
  sleep: abortableSleep,
}

const VISIBILITIES = new Set(['public', 'unlisted', 'private', 'direct'])

const setting = (account: ChannelAccount, name: string): string | undefined => {
  const value = account.settings?.[name]
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/**
 * The status parameters: `status` (the text as given; the instance's character limit is checked
 * upstream), `media_ids[]`, and the account's `visibility` (public/unlisted/private/direct) and
 * `language` (ISO 639-1) when configured; left out, the instance uses the account's defaults.
 */
const statusBody = (
  post: ChannelPost,
  account: ChannelAccount,
  mediaIds: string[],
): Record<string, unknown> => {
  const visibility = setting(account, 'visibility')
  const language = setting(account, 'language')
  return {
    status: post.text,
    ...(mediaIds.length > 0 ? { media_ids: mediaIds } : {}),
    ...(visibility && VISIBILITIES.has(visibility) ? { visibility } : {}),
    ...(language ? { language } : {}),
  }
}

/** A Status answer as a success: its id, and its `url` (the HTML page), else its `uri`. */
const statusSuccess = (body: unknown, status: number): ChannelSuccess | undefined => {
  const id = entityId(body)
  if (!id || !isRecord(body)) return undefined
  const remoteUrl = [body.url, body.uri].find(
    (value): value is string => typeof value === 'string' && value !== '',
  )
  return { ok: true, remoteId: id, ...(remoteUrl ? { remoteUrl } : {}), status }
}

/** Uploads every file in order, with its alt text; resolves to the media ids. */
const uploadAll = async (
  post: ChannelPost,
  account: ChannelAccount,
  options: MastodonMediaOptions,
  signal?: AbortSignal,
): Promise<Step<string[]>> => {
  const mediaIds: string[] = []
  for (const media of post.media) {
    const uploaded = await uploadMedia(media, account, options, signal)
    if (!uploaded.ok) return uploaded
    mediaIds.push(uploaded.value)
  }
  return { ok: true, value: mediaIds }
}

/**
 * Creates the status. `Idempotency-Key` makes the instance answer a repeat of the same key with the
 * status it already created ("to prevent duplicate submissions", kept for up to 1 hour), so a retry
 * after a lost answer does not post twice.
 */
const createStatus = async (
  post: ChannelPost,
  account: ChannelAccount,
  mediaIds: string[],
  signal?: AbortSignal,
): Promise<ChannelResult> => {
  const response = await fetch(mastodonUrl(account, '/api/v1/statuses'), {
    method: 'POST',
    headers: {
      ...authHeader(account),
      'Content-Type': 'application/json',
      'Idempotency-Key': post.idempotencyKey,
    },
    body: JSON.stringify(statusBody(post, account, mediaIds)),
    signal,
  })
  if (response.status !== 200) return mastodonFailure(response)
  // A status without an id cannot be recorded, and repeating it could double-post: a person must look.
  return (
    statusSuccess(await readJson(response), response.status) ??
    localFailure('Mastodon accepted the status but returned no status id')
  )
}

const publish = async (
  post: ChannelPost,
  account: ChannelAccount,
  options: MastodonMediaOptions,
  signal?: AbortSignal,
): Promise<ChannelResult> => {
  const media = await uploadAll(post, account, options, signal)
  return media.ok ? createStatus(post, account, media.value, signal) : media
}

/**
 * DELETE /api/v1/statuses/:id answers 200 with the deleted Status. A 404 ("Record not found") stays
 * a failure: the instance says the same for a status of another account, and removal backs consent
 * withdrawal, so "gone" is reported only when the instance says it deleted it.
 */
const remove = async (
  remoteId: string,
  account: ChannelAccount,
  signal?: AbortSignal,
): Promise<ChannelResult> => {
  const response = await fetch(
    mastodonUrl(account, `/api/v1/statuses/${encodeURIComponent(remoteId)}`),
    { method: 'DELETE', headers: authHeader(account), signal },
  )
  if (response.status !== 200) return mastodonFailure(response)
  await response.body?.cancel()
  return { ok: true, remoteId, status: response.status }
}

/** GET /api/v1/statuses/:id: the status (200), or `null` when the instance has no such status (404). */
const lookUp = async (
  remoteId: string,
  account: ChannelAccount,
  signal?: AbortSignal,
): Promise<ChannelSuccess | null> => {
  const response = await fetch(
    mastodonUrl(account, `/api/v1/statuses/${encodeURIComponent(remoteId)}`),
    { headers: authHeader(account), signal },
  )
  if (response.status === 404) return null
  if (response.status !== 200) throw new ReconcileFailed(await mastodonFailure(response))
  const found = statusSuccess(await readJson(response), response.status)
  if (!found) throw new Error('Mastodon returned the status without an id')
  return found
}

/**
 * After a crash: with a remote id, the status is looked up. Without one, the same status request is
 * sent again with the same `Idempotency-Key` — the documented way to find a status made for a key:
 * the instance answers with the status it already created and creates nothing new. If none was
 * made, this creates it, which is what the worker would do next anyway. Media is uploaded again
 * because the status request must be the whole one; unattached uploads are cleaned up by the
 * instance. Limit: keys are kept for up to 1 hour, so a crash older than that can double-post.
 * A permanent 422 on the status means no status exists for the key (the instance would have
 * answered with it), so `null`; any other failure throws, since "could not look" is not "not there".
 */
const reconcile = async (
  post: ChannelPost,
  account: ChannelAccount,
  remoteId: string | undefined,
  options: MastodonMediaOptions,
  signal?: AbortSignal,
): Promise<ChannelSuccess | null> => {
  if (remoteId) return lookUp(remoteId, account, signal)
  const media = await uploadAll(post, account, options, signal)
  if (!media.ok) throw new ReconcileFailed(media)
  const result = await createStatus(post, account, media.value, signal)
  if (result.ok) return result
  if (result.status === 422 && !result.retryable) return null
  throw new ReconcileFailed(result)
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
export type MastodonAdapter = ChannelAdapter &
  Required<Pick<ChannelAdapter, 'remove' | 'reconcile'>>

export const createMastodonAdapter = (options: MastodonAdapterOptions = {}): MastodonAdapter => {
  const media: MastodonMediaOptions = { ...DEFAULTS, ...options }
  return {
    channel: 'mastodon',
    canDelete: true,
    // No `preferredRendition`: Mastodon shows the whole image at its own ratio (crops only the
    // preview, around the focus point) and takes up to 16 MB, downscaling past 3840×2160 itself
    // (docs.joinmastodon.org/methods/media, `configuration.media_attachments` of
    // /api/v2/instance); Carecast caps uploads at 15 MB, so the original goes, uncropped.
    publish: (post, account, signal) =>
      guarded(account, () => publish(post, account, media, signal)),
    remove: (remoteId, account, signal) =>
      guarded(account, () => remove(remoteId, account, signal)),
    reconcile: async (post, account, remoteId, signal) => {
      try {
        return await reconcile(post, account, remoteId, media, signal)
      } catch (error) {
        throw reconcileFailed(error, account.accessToken, connectionFailure)
      }
    },
    metrics: (posts, account, signal) =>
      guardedMetrics(account, connectionFailure, () => readMastodonMetrics(posts, account, signal)),
    metricsSupport: mastodonMetricsSupport,
  }
}

export const mastodonAdapter: ChannelAdapter = createMastodonAdapter()
