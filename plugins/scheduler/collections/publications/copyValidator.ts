import type { Validate } from 'payload'

import type { SanitizedSchedulerConfig } from '../../defaults'
import { checkCopy } from '../../lib/copyLimits'
import type { ChannelKind } from '../../types'
import { channelOf } from './accountOf'

type CopyField = 'text' | 'hashtags' | 'link' | 'media' | 'title'

type Sibling = {
  channel?: ChannelKind
  channelAccount?: unknown
  text?: string | null
  hashtags?: string | null
  link?: string | null
  title?: string | null
  media?: { relationTo: string }[] | null
}

export const splitHashtags = (value: string | null | undefined): string[] =>
  (value ?? '').split(/[\s,]+/).filter(Boolean)

/**
 * One rule set (lib/copyLimits) checks the whole copy; each field shows the problems that are
 * its own. Payload runs field validation on the server as the editor types, so the limits
 * show in the admin before anything is saved — on a new document too: the network comes from
 * the chosen account, not from `channel`, which only the first save fills in.
 */
export const copyValidator =
  (config: SanitizedSchedulerConfig, field: CopyField): Validate =>
  async (_value, { siblingData, req }) => {
    const data = siblingData as Sibling
    const { channel, characterLimit } = await channelOf(config, req, data)
    if (!channel) return true
    const kinds = new Map(
      config.mediaCollections.map((entry) => [entry.slug as string, entry.kind]),
    )
    const media = Array.isArray(data.media) ? data.media : []
    const problems = checkCopy({
      channel,
      text: data.text ?? '',
      link: data.link ?? undefined,
      hashtags: splitHashtags(data.hashtags),
      title: data.title ?? undefined,
      mediaCount: {
        images: media.filter((item) => kinds.get(item?.relationTo) === 'image').length,
        videos: media.filter((item) => kinds.get(item?.relationTo) === 'video').length,
      },
      characterLimit: channel === 'mastodon' ? characterLimit : undefined,
    })
    const mine = problems.filter((problem) => problem.field === field)
    if (mine.length) return mine.map((problem) => problem.message).join(' ')
    if (field !== 'link' || !config.validateLink || !data.link?.trim()) return true
    const document = (siblingData as { document?: { relationTo?: string } }).document
    const refused = await config.validateLink(data.link.trim(), {
      collection: document?.relationTo,
      publication: siblingData as Record<string, unknown>,
      req,
    })
    return refused ? (refused.startsWith('link') ? refused : `link: ${refused}`) : true
  }
