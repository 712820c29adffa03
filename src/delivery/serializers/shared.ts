import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { Payload } from 'payload'

import type { CaptionInput } from '../../../plugins/delivery'
import { lexicalPlainText } from '../../lib/lexicalPlainText'
import { defaultLocale, type LocaleCode, localeCodes } from '../../localization'

export type Doc = Record<string, unknown>

export const asDoc = (value: unknown): Doc | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Doc) : undefined
export const list = (value: unknown): Doc[] =>
  Array.isArray(value) ? value.map(asDoc).filter((doc): doc is Doc => Boolean(doc)) : []
export const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value : null
export const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null
export const iso = (value: unknown): string | null =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value))
    ? new Date(value).toISOString()
    : null

/** Slugs of populated relations, for filters and embedding (a relation left as an id has none to give). */
export const slugsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value])
    .map((item) => asDoc(item)?.slug)
    .filter((slug): slug is string => typeof slug === 'string')
export const names = (value: unknown): string[] =>
  list(value)
    .map((item) => item.name)
    .filter((name): name is string => typeof name === 'string')

/**
 * The document in each locale, read again at depth 2 so a story's videos come with their posters.
 * Field-level fallback to English fills what is not translated. No `req` is passed: the read can't
 * switch the worker's own request to another locale.
 */
export const readLocales = async (
  payload: Payload,
  collection: string,
  id: unknown,
): Promise<Record<LocaleCode, Doc>> => {
  const read = (locale: LocaleCode) =>
    payload.findByID({
      collection: collection as never,
      id: id as number,
      locale,
      fallbackLocale: defaultLocale,
      depth: 2,
      overrideAccess: true,
      draft: false,
    }) as unknown as Promise<Doc>
  const docs = await Promise.all(localeCodes.map(read))
  return Object.fromEntries(localeCodes.map((locale, index) => [locale, docs[index]])) as Record<
    LocaleCode,
    Doc
  >
}

/** Rich text as HTML and plain text; uploads inside it are left out (their own consent is not checked here). */
export const richText = (value: unknown): { html: string; text: string } | null => {
  const state = asDoc(value)
  if (!asDoc(state?.root)) return null
  const html = convertLexicalToHTML({
    data: state as unknown as SerializedEditorState,
    disableContainer: true,
    converters: ({ defaultConverters }) => ({ ...defaultConverters, upload: () => '' }),
  })
  return { html, text: lexicalPlainText(state) }
}

/** An image as a page needs it: its sizes and alt text, never who is in it or their consent. */
export const imageSummary = (value: unknown) => {
  const image = asDoc(value)
  if (!image || typeof image.url !== 'string') return null
  const sizes = asDoc(image.sizes) ?? {}
  return {
    url: image.url,
    alt: typeof image.alt === 'string' ? image.alt : '',
    width: num(image.width),
    height: num(image.height),
    sizes: Object.fromEntries(
      Object.entries(sizes)
        .map(([name, size]) => [name, asDoc(size)] as const)
        .filter(([, size]) => typeof size?.url === 'string')
        .map(([name, size]) => [
          name,
          { url: size!.url as string, width: num(size!.width), height: num(size!.height) },
        ]),
    ),
  }
}

/** A video with its caption tracks' WebVTT (the delivery store serves those as files). */
export const videoFields = (value: unknown) => {
  const video = asDoc(value)
  if (!video || typeof video.slug !== 'string') return null
  const captions: CaptionInput[] = list(video.captions)
    .filter((track) => typeof track.vtt === 'string' && typeof track.language === 'string')
    .map((track) => ({
      language: track.language as string,
      kind: track.kind === 'subtitles' ? 'subtitles' : 'captions',
      label: text(track.label) ?? String(track.language),
      vtt: track.vtt as string,
    }))
  return {
    type: 'videos' as const,
    slug: video.slug,
    title: String(video.title ?? ''),
    description: text(video.description),
    durationSeconds: num(video.durationSeconds),
    width: num(video.width),
    height: num(video.height),
    url: typeof video.filename === 'string' ? text(video.url) : null,
    mimeType: typeof video.filename === 'string' ? text(video.mimeType) : null,
    externalUrl: text(video.externalUrl),
    poster: imageSummary(video.poster),
    captions,
    transcript: text(video.transcript),
  }
}

export const noFilters = {
  campaigns: [] as string[],
  serviceLines: [] as string[],
  observance: null as string | null,
}
