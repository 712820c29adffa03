import type { Payload } from 'payload'

import { occurrencesBetween } from '../../../plugins/calendar'
import {
  asDoc,
  imageSummary,
  iso,
  list,
  num,
  readLocales,
  richText,
  slugsOf,
  text,
  type Doc,
} from './shared'
import { defaultLocale } from '../../localization'

const FIFTY_YEARS_MS = 50 * 366 * 86_400_000

/** When the last occurrence ends (null for a series without end), so `from=` keeps a series that is still running. */
const seriesEnd = (doc: Doc, rrule: string | null) => {
  const start = new Date(String(doc.startsAt))
  const end = new Date(String(doc.endsAt))
  if (!rrule) return end.toISOString()
  if (!/(COUNT|UNTIL)=/i.test(rrule)) return null
  try {
    const last = occurrencesBetween({
      rrule,
      dtstart: start,
      timeZone: String(doc.timeZone ?? 'UTC'),
      from: start,
      to: new Date(start.getTime() + FIFTY_YEARS_MS),
      limit: 1000,
    }).at(-1)
    return new Date((last ?? start).getTime() + (end.getTime() - start.getTime())).toISOString()
  } catch {
    return null
  }
}

/** An event's public shape: when, where, how to join or register, and its series. */
export const serializeEvent = async (payload: Payload, collection: string, doc: Doc) => {
  const locales = await readLocales(payload, collection, doc.id)
  const main = locales[defaultLocale]
  const campaign = asDoc(main.campaign)
  const rrule = text(asDoc(main.recurrence)?.rrule)
  return {
    type: 'events' as const,
    slug: String(main.slug),
    locales: Object.fromEntries(
      Object.entries(locales).map(([locale, d]) => {
        const venue = asDoc(d.venue)
        const cost = asDoc(d.cost) ?? {}
        return [
          locale,
          {
            title: String(d.title ?? ''),
            description: richText(d.description),
            startsAt: iso(d.startsAt),
            endsAt: iso(d.endsAt),
            timeZone: String(d.timeZone ?? 'UTC'),
            recurrence: rrule
              ? {
                  rrule,
                  exceptions: list(asDoc(d.recurrence)?.exceptions)
                    .map((entry) => iso(entry.startsAt))
                    .filter(Boolean),
                }
              : null,
            format: d.format ?? 'in-person',
            venue:
              d.format !== 'online' && venue
                ? {
                    name: text(venue.name),
                    street: text(venue.street),
                    city: text(venue.city),
                    region: text(venue.region),
                    postalCode: text(venue.postalCode),
                    country: text(venue.country),
                  }
                : null,
            joinUrl: d.format !== 'in-person' ? text(d.joinUrl) : null,
            organizer: text(d.organizer),
            registrationUrl: text(d.registrationUrl),
            cost: {
              isFree: cost.isFree !== false,
              amount: cost.isFree === false ? num(cost.amount) : null,
              currency: cost.isFree === false ? text(cost.currency) : null,
            },
            accessibilityNotes: text(d.accessibilityNotes),
            language: text(d.language),
            eventStatus: d.eventStatus ?? 'scheduled',
            image: imageSummary(d.image),
          },
        ]
      }),
    ),
    index: {
      sortAt: iso(main.startsAt) ?? new Date().toISOString(),
      startsAt: iso(main.startsAt),
      endsAt: seriesEnd(main, rrule),
      filters: {
        campaigns: slugsOf(campaign),
        serviceLines: slugsOf(campaign?.serviceLines),
        observance: text(asDoc(campaign?.observance)?.slug),
      },
    },
  }
}
