import { createHash } from 'node:crypto'

import type { DeliveryPaths } from './api/paths'
import { type JsonLdOptions, jsonLdOf } from './jsonLd'
import { itemSchemas, type DeliveryItem } from './schemas/items'
import type { CaptionInput, ProjectionInput } from './schemas/projection'
import { ItemSummary, VideoSummary, type DeliveryType } from './schemas/shared'
import type { LiveRow } from './sql/liveRelated'
import type { ItemRow } from './sql/upsertItems'
import { summarize } from './summarize'

type Json = Record<string, unknown>

const isCaptionInput = (value: unknown): value is CaptionInput =>
  Boolean(value && typeof value === 'object' && typeof (value as Json).vtt === 'string')

/**
 * Caption tracks come with their WebVTT text; a page needs an address for `<track src>`. The
 * text moves to the row's `files` (served by the API) and the track gets its address. Any object
 * with a `slug` and `captions` is a video, wherever the serializer put it (a video item itself,
 * a story's videos).
 */
const moveCaptions = (
  value: unknown,
  own: { type: string; slug: string },
  paths: DeliveryPaths,
  files: Record<string, string>,
): unknown => {
  if (Array.isArray(value)) return value.map((entry) => moveCaptions(entry, own, paths, files))
  if (!value || typeof value !== 'object') return value
  const object = value as Json
  const out: Json = {}
  for (const [name, entry] of Object.entries(object)) {
    if (name === 'captions' && Array.isArray(entry) && typeof object.slug === 'string') {
      out.captions = entry.filter(isCaptionInput).map((track) => {
        files[`${object.slug}.${track.language}`] = track.vtt
        return {
          language: track.language,
          kind: track.kind,
          label: track.label,
          src: paths.caption(own.type, own.slug, String(object.slug), track.language),
        }
      })
    } else out[name] = moveCaptions(entry, own, paths, files)
  }
  return out
}

/** The related items to embed for one locale, from the live rows, in the order the editor gave. */
const embedded = (input: ProjectionInput, live: LiveRow[], locale: string) => {
  const related: Partial<Record<DeliveryType, unknown[]>> = {}
  for (const [type, slugs] of Object.entries(input.related ?? {}) as [DeliveryType, string[]][]) {
    related[type] = slugs.flatMap((slug) => {
      const rows = live.filter((row) => row.key === `${type}/${slug}`)
      const row = rows.find((candidate) => candidate.language === locale) ?? rows[0]
      if (!row) return []
      // Videos keep their caption tracks and transcript; everything else is a card.
      return [
        type === 'videos'
          ? VideoSummary.parse(
              Object.fromEntries(
                Object.keys(VideoSummary.shape).map((field) => [field, row.data[field] ?? null]),
              ),
            )
          : ItemSummary.parse(row.summary),
      ]
    })
  }
  return related
}

export const etagOf = (text: string) =>
  createHash('sha256').update(text).digest('base64url').slice(0, 27)

/**
 * One row per locale for the delivery table: the serializer's fields, plus what is the same for
 * every host, parsed with the strict response schema so nothing outside it is ever stored.
 * Throws (a permanent publish error) when the projection does not fit the schema.
 */
export const prepareRows = (
  input: ProjectionInput,
  live: LiveRow[],
  paths: DeliveryPaths,
  jsonLd: JsonLdOptions,
  now: Date,
): ItemRow[] => {
  const key = `${input.type}/${input.slug}`
  return Object.entries(input.locales).map(([locale, fields]) => {
    const files: Record<string, string> = {}
    const moved = moveCaptions(fields, input, paths, files) as Json
    const draft = {
      ...moved,
      ...(input.related
        ? { related: { stories: [], events: [], videos: [], ...embedded(input, live, locale) } }
        : {}),
      ...(input.type === 'events' ? { calendarUrl: paths.eventCalendar(input.slug) } : {}),
      type: input.type,
      slug: input.slug,
      locale,
      path: paths.item(input.type, input.slug),
      publishedAt: now.toISOString(),
      jsonLd: {},
    }
    const schema = itemSchemas[input.type]
    const checked = schema.safeParse(draft)
    if (!checked.success) {
      const issue = checked.error.issues[0]
      throw new Error(
        `the ${locale} projection of ${key} does not fit the delivery schema at ${issue.path.join('.') || '(root)'}: ${issue.message}`,
      )
    }
    const item = checked.data as DeliveryItem
    item.jsonLd = jsonLdOf(item, jsonLd)
    const data = JSON.stringify(item)
    return {
      key,
      type: input.type,
      slug: input.slug,
      language: locale,
      data: item,
      summary: summarize(item),
      files,
      etag: etagOf(data),
      sort_at: input.index.sortAt,
      starts_at: input.index.startsAt,
      ends_at: input.index.endsAt,
      filters: input.index.filters,
    }
  })
}
