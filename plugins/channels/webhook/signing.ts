/**
 * Standard Webhooks signing (standardwebhooks.com, spec §"Signature scheme"): the signed content is
 * `${webhook-id}.${webhook-timestamp}.${body}`, HMAC-SHA256 with the base64 key after `whsec_`,
 * sent as `webhook-signature: v1,<base64>`. The package does the HMAC; this file picks the id.
 */
import { createHash } from 'node:crypto'

import { Webhook } from 'standardwebhooks'

// 32 base64url characters keep 192 bits of the hash: collision-free in practice, and short enough
// for the id columns receivers dedupe on (Svix's own ids are 31 characters).
const ID_HASH_CHARS = 32

/**
 * The `webhook-id` for a stable key. Derived, not random, so every retry of one publication carries
 * the same id, which the spec tells receivers to dedupe on. Hashed so the key's collection names and
 * document ids do not travel in a header that proxies log.
 */
export const webhookId = (key: string): string =>
  `msg_${createHash('sha256').update(key).digest('base64url').slice(0, ID_HASH_CHARS)}`

export type SignedHeaders = {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}
export type Signer = (id: string, at: Date, body: string) => SignedHeaders

/**
 * A signer for the account's secret, or the reason the secret cannot sign. The package throws on an
 * empty or non-base64 key; its message is replaced so nothing derived from the secret is echoed.
 */
export const signerFor = (secret: string): Signer | { problem: string } => {
  let webhook: Webhook
  try {
    webhook = new Webhook(secret)
  } catch {
    return {
      problem: 'the webhook signing secret is not a valid key (expected whsec_ followed by base64)',
    }
  }
  return (id, at, body) => ({
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': webhook.sign(id, at, body),
  })
}
