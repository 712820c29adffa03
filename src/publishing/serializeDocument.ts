import type { DocumentSerializer } from '../../plugins/scheduler/types'
import { slugs } from '../slugs'

/** The delivery API's name for each publishable collection. */
export const deliveryTypes: Record<string, string> = {
  [slugs.campaigns]: 'campaigns',
  [slugs.patientStories]: 'stories',
  [slugs.communityEvents]: 'events',
  [slugs.videoAssets]: 'videos',
}

type Doc = Record<string, unknown>

const pick = (doc: Doc, fields: string[]): Doc => Object.fromEntries(fields.filter((field) => doc[field] !== undefined && doc[field] !== null).map((field) => [field, doc[field]]))

const asDoc = (value: unknown): Doc | undefined => (value && typeof value === 'object' ? (value as Doc) : undefined)

/** An image as a page needs it: its sizes and alt text, never who is in it or their consent. */
export const imageSummary = (value: unknown) => {
  const image = asDoc(value)
  if (!image) return undefined
  const sizes = asDoc(image.sizes) ?? {}
  return {
    url: image.url,
    alt: image.alt ?? '',
    width: image.width,
    height: image.height,
    sizes: Object.fromEntries(
      Object.entries(sizes)
        .map(([name, size]) => [name, asDoc(size)] as const)
        .filter(([, size]) => size?.url)
        .map(([name, size]) => [name, { url: size!.url, width: size!.width, height: size!.height }]),
    ),
  }
}

const videoSummary = (value: unknown) => {
  const video = asDoc(value)
  if (!video) return undefined
  return {
    ...pick(video, ['title', 'slug', 'description', 'durationSeconds', 'width', 'height', 'externalUrl', 'url', 'mimeType']),
    poster: imageSummary(video.poster),
    captions: ((video.captions as Doc[] | undefined) ?? []).map((track) => pick(track, ['language', 'kind', 'label'])),
  }
}

const names = (value: unknown): string[] =>
  (Array.isArray(value) ? value : []).map((item) => asDoc(item)?.name).filter((name): name is string => typeof name === 'string')

/**
 * The public shape of a document: an allow-list per collection, so a field added later is
 * private until someone adds it here. Nothing from a consent record, no patient age or home
 * town, no internal notes.
 */
export const serializeDocument: DocumentSerializer = ({ collection, doc }) => {
  const type = deliveryTypes[collection] ?? collection
  const base = { type, id: doc.id, slug: doc.slug, updatedAt: doc.updatedAt }
  switch (collection) {
    case slugs.campaigns:
      return { ...base, ...pick(doc, ['title', 'summary', 'body', 'goal', 'startsAt', 'endsAt', 'timeZone']), heroImage: imageSummary(doc.heroImage), serviceLines: names(doc.serviceLines), observance: asDoc(doc.observance)?.name ?? null }
    case slugs.patientStories:
      return { ...base, ...pick(doc, ['title', 'displayName', 'pullQuote', 'narrative']), photos: ((doc.photos as unknown[]) ?? []).map(imageSummary).filter(Boolean), videos: ((doc.videos as unknown[]) ?? []).map(videoSummary).filter(Boolean), serviceLines: names(doc.serviceLines) }
    case slugs.communityEvents:
      return { ...base, ...pick(doc, ['title', 'description', 'startsAt', 'endsAt', 'timeZone', 'recurrence', 'format', 'venue', 'joinUrl', 'organizer', 'capacity', 'registrationUrl', 'cost', 'accessibilityNotes', 'language', 'eventStatus']), image: imageSummary(doc.image) }
    case slugs.videoAssets:
      return { ...base, ...videoSummary(doc) }
    default:
      return { ...base, ...pick(doc, ['title']) }
  }
}
