/**
 * Webhook channel: one signed POST per event to the account's URL, per Standard Webhooks
 * (standardwebhooks.com): `webhook-id`, `webhook-timestamp` (unix seconds) and `webhook-signature`
 * (`v1,<base64 HMAC>`) headers over a JSON body `{ type, timestamp, data }`.
 *
 * Events
 * - `publication.published`: data `{ publicationId, idempotencyKey, text, link, media, document }`.
 * - `publication.retracted`: data `{ remoteId }`, the remote id the published event succeeded with.
 *
 * Any 2xx is success. The remote id is always the `webhook-id`, never an id the receiver returns:
 * it is known before any answer, identical on every resend (so a crash-and-resend records the same
 * id), and it is the key the receiver already dedupes on, so it can find what a retraction means.
 */
import { redact } from '../http'
import type {
  ChannelAccount,
  ChannelAdapter,
  ChannelFailure,
  ChannelPost,
  ChannelResult,
} from '../../scheduler'
import { receiverFailure, transportFailure } from './response'
import { signerFor, webhookId } from './signing'

export type WebhookChannelOptions = {
  /** How long one delivery may take, unless the account's `settings.timeoutMs` says otherwise. @default 10000 */
  timeoutMs?: number
  /** The fetch to send with; tests and benchmarks inject one. @default globalThis.fetch */
  fetch?: typeof fetch
}

/** The adapter, with the optional methods it implements typed as present. */
export type WebhookAdapter = ChannelAdapter & Required<Pick<ChannelAdapter, 'remove' | 'reconcile'>>

export { webhookId } from './signing'

type WebhookEvent = {
  type: 'publication.published' | 'publication.retracted'
  data: Record<string, unknown>
}
type Delivery = { timeoutMs: number; fetch: typeof fetch }

const DEFAULT_TIMEOUT_MS = 10_000

const localFailure = (message: string): ChannelFailure => ({
  ok: false,
  retryable: false,
  status: 0,
  message,
})

// Receivers see public URLs only: `filePath` is a path on our worker and means nothing (or too much) to them.
const publishedEvent = (post: ChannelPost): WebhookEvent => ({
  type: 'publication.published',
  data: {
    publicationId: post.publicationId,
    idempotencyKey: post.idempotencyKey,
    text: post.text,
    link: post.link,
    media: post.media.map(({ kind, url, mimeType, altText }) => ({ kind, url, mimeType, altText })),
    document: post.document,
  },
})

const positive = (value: unknown): number | undefined => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : undefined
}

/** The account's URL, or why it cannot be posted to. Credentials in it would be echoed by fetch's errors. */
const destination = (account: ChannelAccount): URL | ChannelFailure => {
  if (!account.url?.trim())
    return localFailure('the webhook account has no URL to deliver to (url)')
  let url: URL
  try {
    url = new URL(account.url.trim())
  } catch {
    return localFailure('the webhook account URL is not a valid URL')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return localFailure(`the webhook account URL must be http(s), not ${url.protocol}`)
  if (url.username || url.password)
    return localFailure(
      'the webhook account URL must not carry credentials; use the signing secret to authenticate',
    )
  return url
}

const deliver = async (
  id: string,
  event: WebhookEvent,
  account: ChannelAccount,
  delivery: Delivery,
  signal?: AbortSignal,
): Promise<ChannelResult> => {
  const url = destination(account)
  if (!(url instanceof URL)) return url
  if (!account.secret) return localFailure('the webhook account has no signing secret (secret)')
  const sign = signerFor(account.secret)
  if (typeof sign !== 'function') return localFailure(sign.problem)

  const at = new Date()
  const body = JSON.stringify({ type: event.type, timestamp: at.toISOString(), data: event.data })
  const timeoutMs = positive(account.settings?.timeoutMs) ?? delivery.timeoutMs
  const timeout = AbortSignal.timeout(timeoutMs)
  try {
    const response = await delivery.fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...sign(id, at, body) },
      body,
      redirect: 'manual',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    })
    if (response.status < 200 || response.status >= 300) return await receiverFailure(response)
    // The answer's body is not needed; a receiver that stalls after its 2xx has still accepted it.
    await response.body?.cancel().catch(() => undefined)
    return { ok: true, remoteId: id, status: response.status }
  } catch (error) {
    return transportFailure(error, timeout.aborted && !signal?.aborted ? timeoutMs : undefined)
  }
}

/** Neither the `whsec_…` secret nor its bare base64 key leaves in a message. */
const scrubbed = (result: ChannelResult, secret: string | undefined): ChannelResult =>
  redact(
    redact(result, secret),
    secret?.startsWith('whsec_') ? secret.slice('whsec_'.length) : undefined,
  )

export const webhookChannel = (options: WebhookChannelOptions = {}): WebhookAdapter => {
  const delivery = (): Delivery => ({
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
  })
  return {
    channel: 'webhook',
    canDelete: true,
    publish: async (post, account, signal) =>
      scrubbed(
        await deliver(
          webhookId(post.idempotencyKey),
          publishedEvent(post),
          account,
          delivery(),
          signal,
        ),
        account.secret,
      ),
    /**
     * A webhook cannot be asked what it received, so this always answers "send it": safe because the
     * resend carries the same `webhook-id`, which the spec tells receivers to dedupe on.
     */
    reconcile: async () => null,
    /** A retraction has its own stable id, so it too is deduped when a removal is retried. */
    remove: async (remoteId, account, signal) => {
      const result = await deliver(
        webhookId(`${remoteId}:retracted`),
        { type: 'publication.retracted', data: { remoteId } },
        account,
        delivery(),
        signal,
      )
      return scrubbed(result.ok ? { ...result, remoteId } : result, account.secret)
    },
  }
}

export const webhookAdapter: ChannelAdapter = webhookChannel()
