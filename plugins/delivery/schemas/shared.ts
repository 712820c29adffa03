import { z } from 'zod'

/**
 * The building blocks every delivery response is made of. Objects are strict: the store parses
 * each projection with these before it is written, so a field the serializer lets through by
 * mistake (a consent reference, a patient's age) fails the publish instead of going public.
 */

export const deliveryTypes = ['campaigns', 'stories', 'events', 'videos'] as const
export const DeliveryType = z.enum(deliveryTypes)
export type DeliveryType = z.infer<typeof DeliveryType>

/** A locale code of the host's Payload `localization` config; the store checks it is one of them. */
export const Locale = z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/)
export type Locale = z.infer<typeof Locale>

export const ImageSize = z.strictObject({
  url: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
})

export const Image = z
  .strictObject({
    url: z.string(),
    alt: z.string(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    sizes: z.record(z.string(), ImageSize),
  })
  .meta({ id: 'Image', description: 'An image with its alt text and the sizes cut for the web.' })

export const CaptionTrack = z
  .strictObject({
    language: z.string(),
    kind: z.enum(['captions', 'subtitles']),
    label: z.string(),
    /** Address of the WebVTT file, for a `<track src>`. */
    src: z.string(),
  })
  .meta({ id: 'CaptionTrack' })

export const RichText = z
  .strictObject({ html: z.string(), text: z.string() })
  .meta({ id: 'RichText', description: 'Rich text as HTML, and as plain text for excerpts.' })

export const JsonLd = z.record(z.string(), z.unknown()).meta({
  id: 'JsonLd',
  description: 'schema.org JSON-LD, ready for a <script type="application/ld+json">.',
})

/** What a list shows of an item, and what is embedded of a related one. */
export const ItemSummary = z
  .strictObject({
    type: DeliveryType,
    slug: z.string(),
    locale: Locale,
    path: z.string(),
    title: z.string(),
    excerpt: z.string().nullable(),
    image: Image.nullable(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    timeZone: z.string().nullable(),
    eventStatus: z.string().nullable(),
    durationSeconds: z.number().nullable(),
  })
  .meta({ id: 'ItemSummary' })
export type ItemSummary = z.infer<typeof ItemSummary>

export const VideoSummary = z
  .strictObject({
    type: z.literal('videos'),
    slug: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    durationSeconds: z.number().nullable(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    url: z.string().nullable(),
    mimeType: z.string().nullable(),
    externalUrl: z.string().nullable(),
    poster: Image.nullable(),
    captions: z.array(CaptionTrack),
    transcript: z.string().nullable(),
  })
  .meta({
    id: 'VideoSummary',
    description: 'A video as a page embeds it: poster, caption tracks, transcript.',
  })
export type VideoSummary = z.infer<typeof VideoSummary>

export const ErrorResponse = z
  .strictObject({ errors: z.array(z.strictObject({ message: z.string() })) })
  .meta({ id: 'Error' })

export type Image = z.infer<typeof Image>
export type CaptionTrack = z.infer<typeof CaptionTrack>
