import type { Payload } from 'payload'

import { splitHashtags } from '../collections/publications/copyValidator'
import type { ChannelAdapter, ChannelPost } from '../channels/types'
import type { SanitizedSchedulerConfig } from '../defaults'
import { composeText } from '../lib/copyLimits'
import type { LoadedRow } from './loadBatch'
import { pickRenditions } from './pickRenditions'

/** Channels that carry the document itself, not just copy. */
const CARRIES_DOCUMENT = new Set(['web', 'webhook'])

/**
 * One serialization per document per batch. loadBatch hands every row of a batch that shares a
 * document the same object, loaded once at one committed version, so that object is the key:
 * 10,000 rows of one story serialize it once per batch of 100, not 10,000 times (issue 14), and
 * the next batch loads (and serializes) the document afresh, so an edit is never served stale.
 * Adapters only read the serialized document.
 */
const serialized = new WeakMap<object, Promise<Record<string, unknown>>>()

const serializeOnce = (
  config: SanitizedSchedulerConfig,
  payload: Payload,
  collection: string,
  document: Record<string, unknown>,
) => {
  let pending = serialized.get(document)
  if (!pending) {
    pending = Promise.resolve(config.serializeDocument({ collection, doc: document, payload }))
    serialized.set(document, pending)
  }
  return pending
}

/**
 * What the adapter sends: exactly the copy that was checked, with the link tagged (and shortened,
 * where the host counts clicks), and each image
 * in the size the adapter's network documents for this post.
 */
export const buildPost = async (
  config: SanitizedSchedulerConfig,
  payload: Payload,
  row: LoadedRow,
  adapter: ChannelAdapter,
): Promise<ChannelPost> => {
  const { publication, document, collection } = row
  const rawLink = publication.link?.trim() || undefined
  const tagged =
    rawLink && document && config.decorateLink
      ? config.decorateLink({
          link: rawLink,
          collection,
          doc: document,
          channel: publication.channel,
        })
      : rawLink
  // Then the link that goes out: the host's short link, where the post's copy carries it.
  const link =
    tagged && config.shortenLink && !CARRIES_DOCUMENT.has(publication.channel)
      ? await config.shortenLink({
          publicationId: publication.id,
          channel: publication.channel,
          link: tagged,
          payload,
        })
      : tagged
  const text = composeText({
    text: publication.text ?? '',
    hashtags: splitHashtags(publication.hashtags),
    link,
  })
  const post: ChannelPost = {
    idempotencyKey: String(publication.idempotencyKey),
    publicationId: String(publication.id),
    text,
    link,
    media: row.media.map((item, index) =>
      index === 0 && publication.title && item.kind === 'video'
        ? { ...item, title: String(publication.title) }
        : item,
    ),
    ...(CARRIES_DOCUMENT.has(publication.channel) && document
      ? { document: await serializeOnce(config, payload, collection, document) }
      : {}),
  }
  return pickRenditions(post, adapter)
}
