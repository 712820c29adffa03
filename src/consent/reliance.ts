import type { Payload } from 'payload'

import type { Reliance, RelianceArgs, RelianceResult } from '../../plugins/consent'
import type { Media, VideoAsset } from '../payload-types'
import { publishable } from '../publishable'
import { slugs } from '../slugs'
import { assetReliance } from './documentReliance'

type Ref = { relationTo: string; value: unknown }
const idOf = (value: unknown): number | null => (value && typeof value === 'object' ? Number((value as { id: unknown }).id) : value === null || value === undefined ? null : Number(value))

/** The publication's own attachments, read fresh: they are ids on the row. */
const attachments = async (payload: Payload, media: unknown): Promise<{ photos: Media[]; videos: VideoAsset[] }> => {
  const refs = (Array.isArray(media) ? media : []) as Ref[]
  const ids = (collection: string) => refs.filter((ref) => ref.relationTo === collection).map((ref) => idOf(ref.value)).filter((id): id is number => id !== null)
  const photoIds = ids(slugs.media)
  const videoIds = ids(slugs.videoAssets)
  const photos = photoIds.length ? (await payload.find({ collection: 'media', where: { id: { in: photoIds } }, depth: 0, limit: photoIds.length, overrideAccess: true, pagination: false })).docs : []
  const videos = videoIds.length ? (await payload.find({ collection: 'video-assets', where: { id: { in: videoIds } }, depth: 0, limit: videoIds.length, overrideAccess: true, pagination: false })).docs : []
  return { photos, videos }
}

/** What a publication of this document relies on: the document's own (the publishable table) and every patient asset attached to the post. */
export const reliance = async ({ collection, doc, publication, payload }: RelianceArgs): Promise<RelianceResult> => {
  const kind = publishable(collection)
  const own = kind?.reliesOn(doc) ?? { reliances: [] }
  const attached = await attachments(payload, publication.media)
  const reliances: Reliance[] = [
    ...own.reliances,
    ...attached.photos.flatMap((photo) => assetReliance(photo, 'photo')),
    ...attached.videos.flatMap((video) => assetReliance(video, 'video')),
  ]
  return { reliances, liveUntil: own.liveUntil, purpose: kind?.purpose ?? 'awareness-campaign' }
}
