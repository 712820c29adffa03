import type { DocumentSerializer } from '../../plugins/scheduler/types'
import { slugs } from '../slugs'
import { serializeCampaign } from './serializers/campaign'
import { serializeEvent } from './serializers/event'
import { serializeStory } from './serializers/story'
import { serializeVideo } from './serializers/video'

/** The delivery API's name for each publishable collection. */
export const deliveryTypes: Record<string, string> = {
  [slugs.campaigns]: 'campaigns',
  [slugs.patientStories]: 'stories',
  [slugs.communityEvents]: 'events',
  [slugs.videoAssets]: 'videos',
}

const serializers = {
  [slugs.campaigns]: serializeCampaign,
  [slugs.patientStories]: serializeStory,
  [slugs.communityEvents]: serializeEvent,
  [slugs.videoAssets]: serializeVideo,
}

/**
 * The public shape of a document, in every locale: an allow-list per collection
 * (./serializers), so a field added later is private until someone adds it there. The delivery
 * store then parses it with the API's strict schemas, so a field let through by mistake fails
 * the publish instead of going public.
 */
export const serializeDocument: DocumentSerializer = async ({ collection, doc, payload }) => {
  const serialize = serializers[collection as keyof typeof serializers]
  if (!serialize) throw new Error(`${collection} is not published on the web`)
  const projection = await serialize(payload, collection, doc)
  // The English fields at the top too: a webhook receiver reads the document as it is, with the
  // other locales under `locales`; the delivery store reads only `locales`.
  return { ...(projection.locales.en as Record<string, unknown>), ...projection }
}
