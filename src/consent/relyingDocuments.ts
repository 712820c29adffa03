import type { Payload, PayloadRequest, Where } from 'payload'

import { slugs } from '../slugs'

type Found = { collection: string; id: number | string }

const ids = async (
  payload: Payload,
  req: PayloadRequest | undefined,
  collection: string,
  where: Where,
): Promise<(number | string)[]> => {
  const { docs } = await payload.find({
    collection: collection as never,
    where,
    depth: 0,
    limit: 10_000,
    pagination: false,
    overrideAccess: true,
    select: { id: true } as never,
    ...(req ? { req } : {}),
  })
  return (docs as { id: number | string }[]).map((doc) => doc.id)
}

/**
 * Everything that relies on a consent record now: the stories it authorizes, the photos and videos
 * linked to it, and the stories, campaigns (hero image) and events that show those.
 */
export const relyingDocuments = async (
  consentRecordId: number | string,
  { payload, req }: { payload: Payload; req?: PayloadRequest },
): Promise<Found[]> => {
  const stories = await ids(payload, req, slugs.patientStories, {
    consentRecord: { equals: consentRecordId },
  })
  const photos = await ids(payload, req, slugs.media, { consentRecords: { in: [consentRecordId] } })
  const videos = await ids(payload, req, slugs.videoAssets, {
    consentRecords: { in: [consentRecordId] },
  })
  const storiesShowing =
    photos.length || videos.length
      ? await ids(payload, req, slugs.patientStories, {
          or: [
            ...(photos.length ? [{ photos: { in: photos } }] : []),
            ...(videos.length ? [{ videos: { in: videos } }] : []),
          ],
        })
      : []
  const allStories = [...new Set([...stories, ...storiesShowing])]
  // A campaign relies on a consent only through its own hero image. Its related stories and
  // videos are embeds: when one comes down, the delivery plugin strips it from the campaign's web
  // copy, and the campaign's own posts stay up (unless their attached media rely on the consent,
  // which the outbox's reliance query finds by the media themselves).
  const campaigns = photos.length
    ? await ids(payload, req, slugs.campaigns, { heroImage: { in: photos } })
    : []
  const events = photos.length
    ? await ids(payload, req, slugs.communityEvents, { image: { in: photos } })
    : []
  return [
    ...allStories.map((id) => ({ collection: slugs.patientStories, id })),
    ...photos.map((id) => ({ collection: slugs.media, id })),
    ...videos.map((id) => ({ collection: slugs.videoAssets, id })),
    ...campaigns.map((id) => ({ collection: slugs.campaigns, id })),
    ...events.map((id) => ({ collection: slugs.communityEvents, id })),
  ]
}
