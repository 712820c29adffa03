import type { Payload } from 'payload'

import type { Reliance, RelianceArgs, RelianceResult } from '../../plugins/consent/types'
import { slugs } from '../slugs'
import { purposeOf } from './purposes'

type Doc = Record<string, any>

const idOf = (value: unknown): number | string | null => (value && typeof value === 'object' ? ((value as Doc).id ?? null) : ((value as number | string | null) ?? null))
const asDocs = (value: unknown): Doc[] => (Array.isArray(value) ? value : value ? [value] : []).filter((item) => item && typeof item === 'object')

/** A photo or video showing a patient relies on each consent linked to it; with none, it can't go out. */
const assetReliance = (asset: Doc, kind: 'photo' | 'video'): Reliance[] => {
  if (!asset.showsPatient) return []
  const name = kind === 'photo' ? `photo "${asset.alt ?? asset.filename ?? asset.id}"` : `video "${asset.title ?? asset.id}"`
  const uses = kind === 'video' && asset.patientVoiceHeard ? ['likeness', 'voice'] : ['likeness']
  const records = (Array.isArray(asset.consentRecords) ? asset.consentRecords : []).map(idOf).filter((id: number | string | null): id is number | string => id !== null)
  return records.length ? records.map((consentRecordId: number | string) => ({ consentRecordId, uses, what: name })) : [{ consentRecordId: null, uses, what: name }]
}

/** The publication's own attachments, read fresh: they are ids on the row. */
const attachments = async (payload: Payload, media: unknown): Promise<{ photos: Doc[]; videos: Doc[] }> => {
  const refs = (Array.isArray(media) ? media : []) as { relationTo: string; value: unknown }[]
  const load = async (collection: string) => {
    const ids = refs.filter((ref) => ref.relationTo === collection).map((ref) => idOf(ref.value)).filter((id) => id !== null)
    if (!ids.length) return []
    const { docs } = await payload.find({ collection: collection as never, where: { id: { in: ids } }, depth: 0, limit: ids.length, overrideAccess: true, pagination: false })
    return docs as Doc[]
  }
  return { photos: await load(slugs.media), videos: await load(slugs.videoAssets) }
}

const latest = (dates: unknown[]): Date | undefined => {
  const times = dates.map((value) => (value ? new Date(value as string).getTime() : NaN)).filter((time) => !Number.isNaN(time))
  return times.length ? new Date(Math.max(...times)) : undefined
}

/** What a publication of this document relies on: the story's own consent and every patient asset it shows. */
export const reliance = async ({ collection, doc, publication, payload }: RelianceArgs): Promise<RelianceResult> => {
  const reliances: Reliance[] = []
  const own = await attachments(payload, publication.media)
  let liveUntil: Date | undefined
  switch (collection) {
    case slugs.patientStories:
      reliances.push({ consentRecordId: idOf(doc.consentRecord), uses: Array.isArray(doc.consentUsesNeeded) ? doc.consentUsesNeeded : [], what: `story "${doc.title}"` })
      for (const photo of asDocs(doc.photos)) reliances.push(...assetReliance(photo, 'photo'))
      for (const video of asDocs(doc.videos)) reliances.push(...assetReliance(video, 'video'))
      liveUntil = latest(asDocs(doc.campaigns).map((campaign) => campaign.endsAt))
      break
    case slugs.videoAssets:
      reliances.push(...assetReliance(doc, 'video'))
      break
    case slugs.campaigns:
      reliances.push(...asDocs(doc.heroImage).flatMap((image) => assetReliance(image, 'photo')))
      liveUntil = latest([doc.endsAt])
      break
    case slugs.communityEvents:
      reliances.push(...asDocs(doc.image).flatMap((image) => assetReliance(image, 'photo')))
      break
  }
  for (const photo of own.photos) reliances.push(...assetReliance(photo, 'photo'))
  for (const video of own.videos) reliances.push(...assetReliance(video, 'video'))
  return { reliances, liveUntil, purpose: purposeOf[collection] ?? 'awareness-campaign' }
}
