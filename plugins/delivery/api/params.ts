import { type Cursor, decodeCursor } from './cursor'

/** A 400's message, always starting with the parameter's name. */
export class BadParameter extends Error {}

const SLUG = /^[a-z0-9][a-z0-9-]{0,159}$/

export type ListParams = {
  locale: string
  limit: number
  cursor: Cursor | null
  campaign: string | null
  serviceLine: string | null
  observance: string | null
  from: Date | null
}

const only = (query: URLSearchParams, allowed: string[]) => {
  for (const name of new Set(query.keys())) {
    if (!allowed.includes(name))
      throw new BadParameter(`${name}: is not a parameter here; use ${allowed.join(', ')}`)
    if (query.getAll(name).length > 1) throw new BadParameter(`${name}: give it once`)
  }
}

export const readLocale = (
  query: URLSearchParams,
  locales: readonly string[],
  defaultLocale: string,
) => {
  const locale = query.get('locale') ?? defaultLocale
  if (!locales.includes(locale))
    throw new BadParameter(`locale: must be one of ${locales.join(', ')}`)
  return locale
}

const readSlug = (query: URLSearchParams, name: string) => {
  const value = query.get(name)
  if (value === null) return null
  if (!SLUG.test(value))
    throw new BadParameter(`${name}: must be a slug (lower-case letters, digits and hyphens)`)
  return value
}

/** Reads and checks a list's query string; throws BadParameter naming the first parameter at fault. */
export const readListParams = (
  query: URLSearchParams,
  type: string,
  locales: readonly string[],
  defaultLocale: string,
  defaultLimit: number,
  maxLimit: number,
): ListParams => {
  const dated = type === 'events' || type === 'campaigns'
  only(query, [
    'locale',
    'limit',
    'cursor',
    'campaign',
    'serviceLine',
    'observance',
    ...(dated ? ['from'] : []),
  ])
  const limitText = query.get('limit')
  const limit = limitText === null ? defaultLimit : Number(limitText)
  if (limitText !== null && (!/^\d{1,4}$/.test(limitText) || limit < 1 || limit > maxLimit))
    throw new BadParameter(`limit: must be a whole number from 1 to ${maxLimit}`)
  const cursorText = query.get('cursor')
  const cursor = cursorText === null ? null : decodeCursor(cursorText)
  if (cursorText !== null && !cursor)
    throw new BadParameter(
      'cursor: is not a cursor this API gave out; pass nextCursor from the previous page as it is',
    )
  const fromText = query.get('from')
  const from = fromText === null ? null : new Date(fromText)
  if (fromText !== null && (!/^\d{4}-\d{2}-\d{2}/.test(fromText) || Number.isNaN(from!.getTime())))
    throw new BadParameter(
      'from: is not a date; use ISO 8601, e.g. 2026-11-01 or 2026-11-01T09:00:00Z',
    )
  return {
    locale: readLocale(query, locales, defaultLocale),
    limit,
    cursor,
    campaign: readSlug(query, 'campaign'),
    serviceLine: readSlug(query, 'serviceLine'),
    observance: readSlug(query, 'observance'),
    from,
  }
}

/** Item and calendar requests take only a locale. */
export const readItemParams = (
  query: URLSearchParams,
  locales: readonly string[],
  defaultLocale: string,
) => {
  only(query, ['locale'])
  return { locale: readLocale(query, locales, defaultLocale) }
}
