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
 * What the adapter sends: exactly the copy that was checked, with the link tagged, and each image
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
  const link =
    rawLink && document && config.decorateLink
      ? config.decorateLink({
          link: rawLink,
          collection,
          doc: document,
          channel: publication.channel,
        })
      : rawLink
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
      ? { document: await config.serializeDocument({ collection, doc: document, payload }) }
      : {}),
  }
  return pickRenditions(post, adapter)
}
