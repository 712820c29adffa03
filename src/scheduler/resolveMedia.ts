import type { Payload } from 'payload'

import { networkSizes } from '../../collections/Media/networkSizes'
import { signedFileUrl } from '../../collections/Media/signedFileUrl'
import { defaultMedia } from '../../plugins/scheduler'
import type { ChannelMedia, MediaResolver } from '../../plugins/scheduler'
import { slugs } from '../slugs'

type Track = { language?: string; label?: string; vtt?: string }
type Sizes = Record<string, { filename?: unknown } | null | undefined>

export type MediaResolverOptions = {
  /** How long the signed link of each image works (README: `MEDIA_LINK_MINUTES`). */
  linkLifetimeMs: number
  now?: () => number
}

/**
 * An image's URLs — the original's and each rendition's — become signed links to that one file
 * (collections/Media/endpoints/signedFile): the networks that fetch an image themselves
 * (Instagram, Facebook photos) can't read a patient photo at its Payload URL, which only staff
 * may open. The networks that take an upload keep reading `filePath`, which this leaves alone.
 */
const withSignedUrls = (
  payload: Payload,
  doc: Record<string, unknown>,
  media: ChannelMedia,
  expiresAt: number,
): ChannelMedia => {
  const mediaId = doc.id
  if (typeof mediaId !== 'number') return { ...media, url: undefined, renditions: undefined }
  const link = (filename: unknown) =>
    typeof filename === 'string' && filename
      ? signedFileUrl(payload, { mediaId, filename, expiresAt })
      : undefined
  const sizes = (doc.sizes ?? {}) as Sizes
  const renditions = media.renditions && { ...media.renditions }
  for (const [rendition, sizeName] of Object.entries(networkSizes) as [
    keyof typeof networkSizes,
    string,
  ][]) {
    const cut = renditions?.[rendition]
    if (cut) renditions[rendition] = { ...cut, url: link(sizes[sizeName]?.filename) }
  }
  return { ...media, url: link(doc.filename), ...(renditions ? { renditions } : {}) }
}

/**
 * Images go out with their network sizes as renditions (each adapter picks one), every URL a
 * signed link; videos with their caption tracks (YouTube attaches them after the upload).
 */
export const mediaResolver =
  ({ linkLifetimeMs, now = Date.now }: MediaResolverOptions): MediaResolver =>
  ({ collection, doc, payload }) => {
    if (collection === slugs.media) {
      const media = defaultMedia(payload, collection, doc, networkSizes)
      return media && withSignedUrls(payload, doc, media, now() + linkLifetimeMs)
    }
    const media = defaultMedia(payload, collection, doc, {})
    if (!media || collection !== slugs.videoAssets) return media
    // A video file of our own goes to Instagram as a signed link too (a Vimeo/YouTube one has none).
    const videoUrl =
      typeof doc.id === 'number' && typeof doc.filename === 'string' && doc.filename
        ? signedFileUrl(
            payload,
            { mediaId: doc.id, filename: doc.filename, expiresAt: now() + linkLifetimeMs },
            slugs.videoAssets,
          )
        : undefined
    const captions = ((doc.captions as Track[] | undefined) ?? [])
      .filter((track) => track.language && track.vtt)
      .map((track) => ({
        language: track.language!,
        label: track.label || track.language!,
        vtt: track.vtt!,
      }))
    return { ...media, url: videoUrl, kind: 'video', captions }
  }
