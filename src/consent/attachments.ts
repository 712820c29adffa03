import type { Payload } from 'payload'

import { relationId } from '../../plugins/scheduler'
import type { Media, VideoAsset } from '../payload-types'
import { slugs } from '../slugs'

type Ref = { relationTo: string; value: unknown }

/**
 * A publication's own attachments (its `media` relations, ids on the row), read fresh with one
 * query per collection: the consent gate and the accessibility check both look at them.
 */
export const loadAttachments = async (
  payload: Payload,
  media: unknown,
): Promise<{ photos: Media[]; videos: VideoAsset[] }> => {
  const refs = (Array.isArray(media) ? media : []) as Ref[]
  const ids = (collection: string) =>
    refs
      .filter((ref) => ref.relationTo === collection)
      .map((ref) => relationId(ref.value))
      .filter((id) => id !== undefined)
  const photoIds = ids(slugs.media)
  const videoIds = ids(slugs.videoAssets)
  const photos = photoIds.length
    ? (
        await payload.find({
          collection: 'media',
          where: { id: { in: photoIds } },
          depth: 0,
          limit: photoIds.length,
          overrideAccess: true,
          pagination: false,
        })
      ).docs
    : []
  const videos = videoIds.length
    ? (
        await payload.find({
          collection: 'video-assets',
          where: { id: { in: videoIds } },
          depth: 0,
          limit: videoIds.length,
          overrideAccess: true,
          pagination: false,
        })
      ).docs
    : []
  return { photos, videos }
}
