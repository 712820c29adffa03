import { defaultMedia } from '../../plugins/scheduler'
import type { MediaResolver } from '../../plugins/scheduler'
import { slugs } from '../slugs'

type Track = { language?: string; label?: string; vtt?: string }

/** Videos go out with their caption tracks (YouTube attaches them after the upload). */
export const resolveMedia: MediaResolver = ({ collection, doc, payload }) => {
  const media = defaultMedia(payload, collection, doc)
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
