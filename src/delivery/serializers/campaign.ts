import type { Payload } from 'payload'

import {
  asDoc,
  imageSummary,
  iso,
  names,
  readLocales,
  richText,
  slugsOf,
  text,
  type Doc,
} from './shared'
import { defaultLocale } from '../../localization'

/**
 * A campaign's public shape. Its owner, budget, KPIs, audience segments and UTM tags are for
 * staff; its related stories, events and videos are named by slug and embedded by the delivery
 * store only if they are live on the web themselves.
 */
export const serializeCampaign = async (payload: Payload, collection: string, doc: Doc) => {
  const locales = await readLocales(payload, collection, doc.id)
  const main = locales[defaultLocale]
  const observance = asDoc(main.observance)
  return {
    type: 'campaigns' as const,
    slug: String(main.slug),
    locales: Object.fromEntries(
      Object.entries(locales).map(([locale, d]) => [
        locale,
        {
          title: String(d.title ?? ''),
          summary: text(d.summary),
          body: richText(d.body),
          goal: text(d.goal),
          startsAt: iso(d.startsAt),
          endsAt: iso(d.endsAt),
          timeZone: String(d.timeZone ?? 'UTC'),
          heroImage: imageSummary(d.heroImage),
          serviceLines: names(d.serviceLines),
          observance: asDoc(d.observance)
            ? {
                slug: text(asDoc(d.observance)!.slug),
                name: String(asDoc(d.observance)!.name ?? ''),
              }
            : null,
        },
      ]),
    ),
    index: {
      sortAt: iso(main.startsAt) ?? new Date().toISOString(),
      startsAt: iso(main.startsAt),
      endsAt: iso(main.endsAt),
      filters: {
        campaigns: [String(main.slug)],
        serviceLines: slugsOf(main.serviceLines),
        observance: text(observance?.slug),
      },
    },
    related: {
      stories: slugsOf(main.relatedStories),
      events: slugsOf(main.relatedEvents),
      videos: slugsOf(main.relatedVideos),
    },
  }
}
