import type { AccessibilityNeeds, RelianceArgs } from '../../plugins/consent'
import { relationId } from '../../plugins/scheduler'
import { defaultLocale } from '../localization'
import { slugs } from '../slugs'
import { loadAttachments } from './attachments'

type Doc = Record<string, unknown>
/** What the check reads of a photo or video, populated or attached. */
type Asset = {
  id?: unknown
  title?: unknown
  externalUrl?: unknown
  captions?: unknown
  filename?: unknown
  alt?: unknown
}
const asDocs = (value: unknown): Doc[] =>
  (Array.isArray(value) ? value : value ? [value] : []).filter(
    (item) => item && typeof item === 'object',
  )

/**
 * The languages the content goes out in, and its videos and images. The web serves every locale
 * the document has a title in; YouTube gets the video in its default language.
 */
export const accessibility = async ({
  collection,
  doc,
  publication,
  payload,
}: RelianceArgs): Promise<AccessibilityNeeds> => {
  let languages: string[] = []
  if (publication.channel === 'web') {
    const all = (await payload.findByID({
      collection: collection as never,
      id: relationId(doc) as number,
      depth: 0,
      locale: 'all',
      overrideAccess: true,
      disableErrors: true,
      select: { title: true } as never,
    })) as Doc | null
    const titles =
      all?.title && typeof all.title === 'object' ? all.title : { [defaultLocale]: all?.title }
    languages = Object.entries(titles)
      .filter(([, title]) => typeof title === 'string' && title.trim())
      .map(([locale]) => locale)
    if (!languages.length) languages = [defaultLocale]
  } else if (publication.channel === 'youtube') languages = [defaultLocale]

  const attached = await loadAttachments(payload, publication.media)
  const videos: Asset[] = [
    ...(collection === slugs.videoAssets ? [doc] : []),
    ...asDocs(doc.videos),
    ...attached.videos,
  ]
  const images: Asset[] = [
    ...asDocs(doc.photos),
    ...asDocs(doc.heroImage),
    ...asDocs(doc.image),
    ...attached.photos,
  ]
  return {
    languages,
    // A YouTube or Vimeo link carries its captions on that platform; only our own files are checked here.
    videos: videos
      .filter((video) => !video.externalUrl || publication.channel === 'youtube')
      .map((video) => ({
        what: `video "${video.title ?? video.id}"`,
        captionLanguages: asDocs(video.captions).map((track) => String(track.language)),
      })),
    images: images.map((image) => ({
      what: `image "${image.filename ?? image.id}"`,
      alt: typeof image.alt === 'string' ? image.alt : null,
    })),
  }
}
