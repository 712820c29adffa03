import type { DeliveryItem } from './schemas/items'
import type { ItemSummary } from './schemas/shared'

const EXCERPT = 220

const excerptOf = (text: string | null | undefined) => {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim()
  if (!clean) return null
  return clean.length <= EXCERPT ? clean : `${clean.slice(0, EXCERPT - 1).replace(/\s+\S*$/, '')}…`
}

/** What a list shows of an item and what another item embeds of it: enough for a card. */
export const summarize = (item: DeliveryItem): ItemSummary => {
  const common = {
    type: item.type,
    slug: item.slug,
    locale: item.locale,
    path: item.path,
    title: item.title,
    startsAt: null,
    endsAt: null,
    timeZone: null,
    eventStatus: null,
    durationSeconds: null,
  }
  switch (item.type) {
    case 'stories':
      return {
        ...common,
        excerpt: excerptOf(item.pullQuote ?? item.body.text),
        image: item.photos[0] ?? item.videos[0]?.poster ?? null,
      }
    case 'campaigns':
      return {
        ...common,
        excerpt: excerptOf(item.summary ?? item.body?.text),
        image: item.heroImage,
        startsAt: item.startsAt,
        endsAt: item.endsAt,
        timeZone: item.timeZone,
      }
    case 'events':
      return {
        ...common,
        excerpt: excerptOf(item.description?.text),
        image: item.image,
        startsAt: item.startsAt,
        endsAt: item.endsAt,
        timeZone: item.timeZone,
        eventStatus: item.eventStatus,
      }
    case 'videos':
      return {
        ...common,
        excerpt: excerptOf(item.description),
        image: item.poster,
        durationSeconds: item.durationSeconds,
      }
  }
}
