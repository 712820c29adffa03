import type { Payload } from 'payload'

import { isInForceAt } from '../../../plugins/consent'

import {
  asDoc,
  imageSummary,
  iso,
  list,
  names,
  readLocales,
  richText,
  slugsOf,
  text,
  videoFields,
  type Doc,
} from './shared'
import { defaultLocale } from '../../localization'

/**
 * Whether the consent record the story relies on is in force at `now` (the consent guard decides
 * scheduling; this is the last look), by the consent plugin's one in-force rule.
 */
export const storyConsentInForce = (value: unknown, now: Date) => {
  const record = asDoc(value)
  if (!record || record.status !== 'active') return false
  return isInForceAt(asDoc(record.expiry)?.expiresOn as string | undefined, now)
}

/**
 * A patient story's public shape: the title, the name as the consent allows, the words and the
 * pictures. Never the consent record (only whether it is in force), the patient's age or home
 * town, or what the consent must cover.
 */
export const serializeStory = async (payload: Payload, collection: string, doc: Doc) => {
  const locales = await readLocales(payload, collection, doc.id)
  const main = locales[defaultLocale]
  const campaigns = list(main.campaigns)
  const withheld = storyConsentInForce(main.consentRecord, new Date())
    ? undefined
    : 'the consent this story relies on is not in force (revoked, expired or not active), so it is not published on the web'
  return {
    type: 'stories' as const,
    slug: String(main.slug),
    ...(withheld ? { withheld } : {}),
    locales: Object.fromEntries(
      Object.entries(locales).map(([locale, d]) => [
        locale,
        {
          title: String(d.title ?? ''),
          displayName: d.displayNamePolicy === 'anonymous' ? null : text(d.displayName),
          pullQuote: text(d.pullQuote),
          body: richText(d.narrative) ?? { html: '', text: '' },
          photos: list(d.photos).map(imageSummary).filter(Boolean),
          videos: list(d.videos).map(videoFields).filter(Boolean),
          serviceLines: names(d.serviceLines),
        },
      ]),
    ),
    index: {
      sortAt: iso(main.createdAt) ?? new Date().toISOString(),
      startsAt: null,
      endsAt: null,
      filters: {
        campaigns: slugsOf(campaigns),
        serviceLines: slugsOf(main.serviceLines),
        observance: text(asDoc(campaigns[0]?.observance)?.slug),
      },
    },
  }
}
