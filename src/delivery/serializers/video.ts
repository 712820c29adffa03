import type { Payload } from 'payload'

import { iso, noFilters, readLocales, videoFields, type Doc } from './shared'
import { defaultLocale } from '../../localization'

/** A video's public shape: the file or the hosted address, poster, caption tracks, transcript. Never who is in it or their consent. */
export const serializeVideo = async (payload: Payload, collection: string, doc: Doc) => {
  const locales = await readLocales(payload, collection, doc.id)
  return {
    type: 'videos' as const,
    slug: String(locales[defaultLocale].slug ?? ''),
    locales: Object.fromEntries(
      Object.entries(locales).map(([locale, d]) => [locale, videoFields(d) ?? {}]),
    ),
    index: {
      sortAt: iso(locales[defaultLocale].createdAt) ?? new Date().toISOString(),
      startsAt: null,
      endsAt: null,
      filters: noFilters,
    },
  }
}
