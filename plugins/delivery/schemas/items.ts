import { z } from 'zod'

import { Image, ItemSummary, JsonLd, Locale, RichText, VideoSummary } from './shared'

const base = {
  slug: z.string(),
  locale: Locale,
  path: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  jsonLd: JsonLd,
}

export const StoryItem = z
  .strictObject({
    ...base,
    type: z.literal('stories'),
    /** As the patient's consent allows: a first name, initials, or null when anonymous. */
    displayName: z.string().nullable(),
    pullQuote: z.string().nullable(),
    body: RichText,
    photos: z.array(Image),
    videos: z.array(VideoSummary),
    serviceLines: z.array(z.string()),
  })
  .meta({ id: 'Story' })

export const CampaignItem = z
  .strictObject({
    ...base,
    type: z.literal('campaigns'),
    summary: z.string().nullable(),
    body: RichText.nullable(),
    goal: z.string().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string(),
    heroImage: Image.nullable(),
    serviceLines: z.array(z.string()),
    observance: z.strictObject({ slug: z.string().nullable(), name: z.string() }).nullable(),
    /** Only what was itself live on the web when the campaign was published; a retract removes it here too. */
    related: z.strictObject({
      stories: z.array(ItemSummary),
      events: z.array(ItemSummary),
      videos: z.array(VideoSummary),
    }),
  })
  .meta({ id: 'Campaign' })

export const Venue = z.strictObject({
  name: z.string().nullable(),
  street: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
})

export const EventItem = z
  .strictObject({
    ...base,
    type: z.literal('events'),
    description: RichText.nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string(),
    /** RFC 5545 RRULE value, repeated on wall-clock time in timeZone; exceptions are skipped occurrences' starts. */
    recurrence: z.strictObject({ rrule: z.string(), exceptions: z.array(z.string()) }).nullable(),
    format: z.enum(['in-person', 'online', 'mixed']),
    venue: Venue.nullable(),
    joinUrl: z.string().nullable(),
    organizer: z.string().nullable(),
    registrationUrl: z.string().nullable(),
    cost: z.strictObject({
      isFree: z.boolean(),
      amount: z.number().nullable(),
      currency: z.string().nullable(),
    }),
    accessibilityNotes: z.string().nullable(),
    language: z.string().nullable(),
    eventStatus: z.enum(['scheduled', 'cancelled', 'postponed', 'rescheduled', 'moved-online']),
    image: Image.nullable(),
    /** The event's own iCalendar file, for an "add to calendar" link. */
    calendarUrl: z.string(),
  })
  .meta({ id: 'Event' })

export const VideoItem = VideoSummary.extend({ ...base, type: z.literal('videos') }).meta({
  id: 'Video',
})

export const itemSchemas = {
  stories: StoryItem,
  campaigns: CampaignItem,
  events: EventItem,
  videos: VideoItem,
} as const

export type StoryItem = z.infer<typeof StoryItem>
export type CampaignItem = z.infer<typeof CampaignItem>
export type EventItem = z.infer<typeof EventItem>
export type VideoItem = z.infer<typeof VideoItem>
export type DeliveryItem = StoryItem | CampaignItem | EventItem | VideoItem

export const ListResponse = z
  .strictObject({
    items: z.array(ItemSummary),
    /** Pass as `cursor` for the next page; null on the last. */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ListResponse' })
export type ListResponse = z.infer<typeof ListResponse>
