import type { CollectionSlug, Payload } from 'payload'

import {
  campaignReliance,
  type DocumentReliance,
  eventReliance,
  storyReliance,
  videoReliance,
} from './consent/documentReliance'
import { serializeCampaign } from './delivery/serializers/campaign'
import { serializeEvent } from './delivery/serializers/event'
import type { Doc } from './delivery/serializers/shared'
import { serializeStory } from './delivery/serializers/story'
import { serializeVideo } from './delivery/serializers/video'
import type { Campaign, CommunityEvent, PatientStory, VideoAsset } from './payload-types'
import { slugs } from './slugs'

/** What Carecast knows about one kind of publishable document, for the scheduler, the gate and the web. */
type Publishable<T> = {
  /** The consent form's purpose this content serves (a consent must allow it). */
  purpose: string
  /** What the document relies on by itself (read at depth 1), and until when it stays up. */
  reliesOn: (doc: T) => DocumentReliance
  /** Its public shape in every locale, an allow-list of fields (src/delivery/serializers). */
  serialize: (
    payload: Payload,
    collection: string,
    doc: Doc,
  ) => Promise<{ locales: Record<string, unknown> } & Record<string, unknown>>
}

/**
 * The one table of publishable collections, keyed by slug: the scheduler publishes these, the
 * consent gate asks each what it relies on, the web channel serializes them. A new kind of
 * content is one row here, not a case in five switches.
 */
const table = {
  [slugs.campaigns]: {
    purpose: 'awareness-campaign',
    reliesOn: campaignReliance,
    serialize: serializeCampaign,
  } satisfies Publishable<Campaign>,
  [slugs.patientStories]: {
    purpose: 'patient-story',
    reliesOn: storyReliance,
    serialize: serializeStory,
  } satisfies Publishable<PatientStory>,
  [slugs.communityEvents]: {
    purpose: 'community-event',
    reliesOn: eventReliance,
    serialize: serializeEvent,
  } satisfies Publishable<CommunityEvent>,
  // A video of a patient published on its own tells their story.
  [slugs.videoAssets]: {
    purpose: 'patient-story',
    reliesOn: videoReliance,
    serialize: serializeVideo,
  } satisfies Publishable<VideoAsset>,
}

export const publishableSlugs = Object.keys(table) as CollectionSlug[]

type UntypedPublishable = Publishable<Record<string, unknown>>

/**
 * The row for a collection, or undefined when it is not publishable. The outbox's document is a
 * polymorphic relation, so documents arrive untyped: this is the one place they are taken as the
 * collection's generated type.
 */
export const publishable = (collection: string): UntypedPublishable | undefined =>
  (table as unknown as Record<string, UntypedPublishable>)[collection]
