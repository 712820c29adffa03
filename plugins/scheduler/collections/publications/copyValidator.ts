import type { PayloadRequest, Validate } from 'payload'

import type { SanitizedSchedulerConfig } from '../../defaults'
import { checkCopy } from '../../lib/copyLimits'
import type { ChannelKind } from '../../types'

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

/** The Mastodon instance's limit lives on the account; read once per request. */
const characterLimit = async (
  config: SanitizedSchedulerConfig,
  req: PayloadRequest,
  account: unknown,
): Promise<number | undefined> => {
  const id = typeof account === 'object' && account ? (account as { id?: unknown }).id : account
  if (id === undefined || id === null || id === '') return undefined
  const cacheKey = `schedulerAccountLimit:${String(id)}`
  if (cacheKey in req.context) return req.context[cacheKey] as number | undefined
  const doc = await req.payload
    .findByID({
      collection: config.channelAccountsSlug,
      id: id as number,
      depth: 0,
      overrideAccess: true,
    })
    .catch(() => null)
  const limit =
    typeof (doc as unknown as { characterLimit?: unknown } | null)?.characterLimit === 'number'
      ? (doc as unknown as { characterLimit: number }).characterLimit
      : undefined
  req.context[cacheKey] = limit
  return limit
}

/**
 * One rule set (lib/copyLimits) checks the whole copy; each field shows the problems that are
 * its own. Payload runs field validation on the server as the editor types, so the limits
 * show in the admin before anything is saved.
 */
export const copyValidator =
  (config: SanitizedSchedulerConfig, field: CopyField): Validate =>
  async (_value, { siblingData, req }) => {
    const data = siblingData as Sibling
    if (!data.channel) return true
    const kinds = new Map(
      config.mediaCollections.map((entry) => [entry.slug as string, entry.kind]),
    )
    const media = Array.isArray(data.media) ? data.media : []
    const problems = checkCopy({
      channel: data.channel,
      text: data.text ?? '',
      link: data.link ?? undefined,
      hashtags: splitHashtags(data.hashtags),
      title: data.title ?? undefined,
      mediaCount: {
        images: media.filter((item) => kinds.get(item?.relationTo) === 'image').length,
        videos: media.filter((item) => kinds.get(item?.relationTo) === 'video').length,
      },
      characterLimit:
        data.channel === 'mastodon'
          ? await characterLimit(config, req, data.channelAccount)
          : undefined,
    })
    const mine = problems.filter((problem) => problem.field === field)
    return mine.length ? mine.map((problem) => problem.message).join(' ') : true
  }
