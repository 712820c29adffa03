import type { Reliance } from '../../plugins/consent'
import { relationId } from '../../plugins/scheduler'
import type { Campaign, CommunityEvent, Media, PatientStory, VideoAsset } from '../payload-types'

/** What one document relies on by itself, before the publication's own attachments. */
export type DocumentReliance = { reliances: Reliance[]; liveUntil?: Date }

type Related<T> = number | T | null | undefined

/** Relations read at depth 1; an id left unpopulated has nothing to show. */
const populated = <T extends object>(values: Related<T> | Related<T>[]): T[] =>
  (Array.isArray(values) ? values : [values]).filter(
    (value): value is T => Boolean(value) && typeof value === 'object',
  )

const latest = (dates: (string | null | undefined)[]): Date | undefined => {
  const times = dates
    .map((value) => (value ? new Date(value).getTime() : NaN))
    .filter((time) => !Number.isNaN(time))
  return times.length ? new Date(Math.max(...times)) : undefined
}

/** A photo or video showing a patient relies on each consent linked to it; with none, it can't go out. */
export const assetReliance = (asset: Media | VideoAsset, kind: 'photo' | 'video'): Reliance[] => {
  if (!asset.showsPatient) return []
  const name =
    kind === 'photo'
      ? `photo "${(asset as Media).alt ?? (asset as Media).filename ?? asset.id}"`
      : `video "${(asset as VideoAsset).title ?? asset.id}"`
  const uses =
    kind === 'video' && (asset as VideoAsset).patientVoiceHeard
      ? ['likeness', 'voice']
      : ['likeness']
  const records = (asset.consentRecords ?? []).map(relationId).filter((id) => id !== undefined)
  return records.length
    ? records.map((consentRecordId) => ({ consentRecordId, uses, what: name }))
    : [{ consentRecordId: null, uses, what: name }]
}

/** A story relies on its own consent for the uses its text makes, and on each patient photo and video in it; it stays up until its campaigns end. */
export const storyReliance = (story: PatientStory): DocumentReliance => ({
  reliances: [
    {
      consentRecordId: relationId(story.consentRecord) ?? null,
      uses: Array.isArray(story.consentUsesNeeded) ? story.consentUsesNeeded.map(String) : [],
      what: `story "${story.title}"`,
    },
    ...populated(story.photos).flatMap((photo) => assetReliance(photo, 'photo')),
    ...populated(story.videos).flatMap((video) => assetReliance(video, 'video')),
  ],
  liveUntil: latest(populated(story.campaigns).map((campaign) => campaign.endsAt)),
})

export const videoReliance = (video: VideoAsset): DocumentReliance => ({
  reliances: assetReliance(video, 'video'),
})

export const campaignReliance = (campaign: Campaign): DocumentReliance => ({
  reliances: populated(campaign.heroImage).flatMap((image) => assetReliance(image, 'photo')),
  liveUntil: latest([campaign.endsAt]),
})

export const eventReliance = (event: CommunityEvent): DocumentReliance => ({
  reliances: populated(event.image).flatMap((image) => assetReliance(image, 'photo')),
})
