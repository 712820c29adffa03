import type { RenditionSizes } from '../../plugins/scheduler'

/**
 * The Media sizes (see `imageSizes` in ./index) that stand for each rendition the scheduler's
 * adapters ask for. They are also the only sizes a signed media link may open: networks are sent
 * these and the original, never the admin's thumbnail or the web's card.
 */
export const networkSizes = {
  linkCard: 'linkPreview',
  square: 'square',
  portrait: 'portrait',
  story: 'story',
} as const satisfies RenditionSizes

type Size = { filename?: unknown; mimeType?: unknown } | null | undefined

/** One file a media document names, with the type to serve it as. */
export type NamedFile = { filename: string; mimeType: string }

const named = (entry: Size, fallbackType: unknown): NamedFile | undefined =>
  entry && typeof entry.filename === 'string' && entry.filename
    ? {
        filename: entry.filename,
        mimeType:
          typeof entry.mimeType === 'string' && entry.mimeType
            ? entry.mimeType
            : typeof fallbackType === 'string' && fallbackType
              ? fallbackType
              : 'application/octet-stream',
      }
    : undefined

/**
 * The file of `doc` called `filename` — its original or one of its network sizes — or
 * `undefined`. Compared with what the document stores, so a name with `../` or another
 * document's file can never match.
 */
export const namedFile = (
  doc: { filename?: unknown; mimeType?: unknown; sizes?: unknown },
  filename: string,
): NamedFile | undefined => {
  const sizes = (doc.sizes ?? {}) as Record<string, Size>
  const candidates = [doc as Size, ...Object.values(networkSizes).map((name) => sizes[name])]
  for (const candidate of candidates) {
    const file = named(candidate, doc.mimeType)
    if (file?.filename === filename) return file
  }
  return undefined
}
