import type { CampaignItem, DeliveryItem, EventItem, StoryItem, VideoItem } from './schemas/items'
import type { Image, VideoSummary } from './schemas/shared'
import type { z } from 'zod'

export type JsonLdOptions = {
  /** Absolute origin that relative media and caption URLs are resolved against. */
  origin?: string
  /** The page an item is shown on, for `url`. */
  pageUrl?: (type: string, slug: string, locale: string) => string | undefined
  /** The publisher (the hospital). */
  publisher?: { name: string; url?: string; logo?: string }
}

const absolute = (url: string | null | undefined, origin?: string) => {
  if (!url) return undefined
  if (/^https?:\/\//.test(url) || !origin) return url
  return `${origin.replace(/\/$/, '')}${url.startsWith('/') ? '' : '/'}${url}`
}

const compact = (value: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(value).filter(
      ([, entry]) =>
        entry !== undefined && entry !== null && !(Array.isArray(entry) && entry.length === 0),
    ),
  )

const images = (list: (z.infer<typeof Image> | null | undefined)[], origin?: string) =>
  list.filter(Boolean).map((image) => absolute(image!.sizes.linkPreview?.url ?? image!.url, origin))

const publisherOf = (options: JsonLdOptions) =>
  options.publisher
    ? compact({
        '@type': 'Organization',
        name: options.publisher.name,
        url: options.publisher.url,
        logo: options.publisher.logo && { '@type': 'ImageObject', url: options.publisher.logo },
      })
    : undefined

/** ISO 8601 duration, as schema.org wants a video's length. */
const duration = (seconds: number | null) =>
  seconds && seconds > 0
    ? `PT${Math.floor(seconds / 60) ? `${Math.floor(seconds / 60)}M` : ''}${Math.round(seconds % 60)}S`
    : undefined

export const videoObject = (
  video: VideoSummary & { publishedAt?: string; locale?: string },
  options: JsonLdOptions,
) =>
  compact({
    '@type': 'VideoObject',
    name: video.title,
    description: video.description ?? video.title,
    thumbnailUrl: images([video.poster], options.origin),
    uploadDate: video.publishedAt,
    duration: duration(video.durationSeconds),
    contentUrl: absolute(video.url, options.origin),
    embedUrl: video.externalUrl ?? undefined,
    inLanguage: video.locale,
    transcript: video.transcript ?? undefined,
    caption: video.captions.map((track) => ({
      '@type': 'MediaObject',
      encodingFormat: 'text/vtt',
      contentUrl: absolute(track.src, options.origin),
      inLanguage: track.language,
      name: track.label,
    })),
  })

const article = (
  item: StoryItem | CampaignItem,
  options: JsonLdOptions,
  description: string | null,
  pictures: (z.infer<typeof Image> | null)[],
  videos: VideoSummary[],
) =>
  compact({
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: item.title.slice(0, 110),
    description: description ?? undefined,
    image: images(pictures, options.origin),
    datePublished: item.publishedAt,
    inLanguage: item.locale,
    url: options.pageUrl?.(item.type, item.slug, item.locale),
    publisher: publisherOf(options),
    video: videos.map((video) => videoObject(video, options)),
  })

const EVENT_STATUS: Record<EventItem['eventStatus'], string> = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
  rescheduled: 'https://schema.org/EventRescheduled',
  'moved-online': 'https://schema.org/EventMovedOnline',
}
const ATTENDANCE = {
  'in-person': 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  mixed: 'https://schema.org/MixedEventAttendanceMode',
}
const FREQUENCY: Record<string, string> = {
  DAILY: 'P1D',
  WEEKLY: 'P1W',
  MONTHLY: 'P1M',
  YEARLY: 'P1Y',
}
const DAYS: Record<string, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
}

/** schema.org's Schedule for a repeating event (what Google reads for a series), from the RRULE's main parts. */
const scheduleOf = (item: EventItem) => {
  if (!item.recurrence) return undefined
  const parts = Object.fromEntries(
    item.recurrence.rrule
      .replace(/^RRULE:/i, '')
      .split(';')
      .map((part) => part.split('=') as [string, string]),
  )
  return compact({
    '@type': 'Schedule',
    scheduleTimezone: item.timeZone,
    startDate: item.startsAt.slice(0, 10),
    repeatFrequency: FREQUENCY[parts.FREQ?.toUpperCase()],
    repeatCount: parts.COUNT ? Number(parts.COUNT) : undefined,
    byDay: parts.BYDAY?.split(',')
      .map(
        (day) =>
          DAYS[day.replace(/^[+-]?\d+/, '').toUpperCase()] &&
          `https://schema.org/${DAYS[day.replace(/^[+-]?\d+/, '').toUpperCase()]}`,
      )
      .filter(Boolean),
    exceptDate: item.recurrence.exceptions,
  })
}

const eventLd = (item: EventItem, options: JsonLdOptions) => {
  const place = item.venue
    ? compact({
        '@type': 'Place',
        name: item.venue.name,
        address: compact({
          '@type': 'PostalAddress',
          streetAddress: item.venue.street,
          addressLocality: item.venue.city,
          addressRegion: item.venue.region,
          postalCode: item.venue.postalCode,
          addressCountry: item.venue.country,
        }),
      })
    : undefined
  const virtual = item.joinUrl ? { '@type': 'VirtualLocation', url: item.joinUrl } : undefined
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: item.title,
    description: item.description?.text || undefined,
    startDate: item.startsAt,
    endDate: item.endsAt,
    eventStatus: EVENT_STATUS[item.eventStatus],
    eventAttendanceMode: ATTENDANCE[item.format],
    location:
      [place, virtual].filter(Boolean).length === 1
        ? (place ?? virtual)
        : [place, virtual].filter(Boolean),
    image: images([item.image], options.origin),
    inLanguage: item.locale,
    url: options.pageUrl?.(item.type, item.slug, item.locale),
    organizer: item.organizer
      ? { '@type': 'Organization', name: item.organizer }
      : publisherOf(options),
    isAccessibleForFree: item.cost.isFree,
    offers: item.cost.isFree
      ? undefined
      : compact({
          '@type': 'Offer',
          price: item.cost.amount ?? undefined,
          priceCurrency: item.cost.currency ?? undefined,
          url: item.registrationUrl ?? undefined,
        }),
    eventSchedule: scheduleOf(item),
  })
}

/** The JSON-LD of an item, built from its public projection only (so it can hold nothing else). */
export const jsonLdOf = (item: DeliveryItem, options: JsonLdOptions): Record<string, unknown> => {
  switch (item.type) {
    case 'stories':
      return article(item, options, item.pullQuote, item.photos, item.videos)
    case 'campaigns':
      return article(item, options, item.summary, [item.heroImage], item.related.videos)
    case 'events':
      return eventLd(item, options)
    case 'videos':
      return compact({
        '@context': 'https://schema.org',
        ...videoObject(item as VideoItem, options),
        url: options.pageUrl?.(item.type, item.slug, item.locale),
      })
  }
}
