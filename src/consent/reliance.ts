import type { Reliance, RelianceArgs, RelianceResult } from '../../plugins/consent'
import { publishable } from '../publishable'
import { loadAttachments } from './attachments'
import { assetReliance } from './documentReliance'

/** What a publication of this document relies on: the document's own (the publishable table) and every patient asset attached to the post. */
export const reliance = async ({
  collection,
  doc,
  publication,
  payload,
}: RelianceArgs): Promise<RelianceResult> => {
  const kind = publishable(collection)
  const own = kind?.reliesOn(doc) ?? { reliances: [] }
  const attached = await loadAttachments(payload, publication.media)
  const reliances: Reliance[] = [
    ...own.reliances,
    ...attached.photos.flatMap((photo) => assetReliance(photo, 'photo')),
    ...attached.videos.flatMap((video) => assetReliance(video, 'video')),
  ]
  return { reliances, liveUntil: own.liveUntil, purpose: kind?.purpose ?? 'awareness-campaign' }
}
