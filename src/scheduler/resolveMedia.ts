import { defaultMedia } from '../../plugins/scheduler'
import type { MediaResolver, RenditionSizes } from '../../plugins/scheduler'
import { slugs } from '../slugs'

type Track = { language?: string; label?: string; vtt?: string }

/** The Media collection's image sizes (collections/Media) under the renditions adapters ask for. */
const mediaSizes: RenditionSizes = {
  linkCard: 'linkPreview',
  square: 'square',
  portrait: 'portrait',
  story: 'story',
}

/**
 * Images go out with their network sizes as renditions (each adapter picks one); videos with their
 * caption tracks (YouTube attaches them after the upload).
 */
export const resolveMedia: MediaResolver = ({ collection, doc, payload }) => {
  const media = defaultMedia(payload, collection, doc, collection === slugs.media ? mediaSizes : {})
  if (!media || collection !== slugs.videoAssets) return media
  const captions = ((doc.captions as Track[] | undefined) ?? [])
    .filter((track) => track.language && track.vtt)
    .map((track) => ({
      language: track.language!,
      label: track.label || track.language!,
      vtt: track.vtt!,
    }))
  return { ...media, kind: 'video', captions }
}
