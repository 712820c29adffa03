import path from 'node:path'

import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { defaultBaseUrls } from '../collections/channelAccounts/defaultBaseUrls'
import { secretAad } from '../collections/channelAccounts/hooks/encryptSecrets'
import { secretFields } from '../collections/channelAccounts/secretFields'
import { relationId } from '../collections/publications/relationId'
import {
  type ChannelAccount,
  type ChannelMedia,
  type RenditionName,
  renditionNames,
} from '../channels/types'
import type { SanitizedSchedulerConfig } from '../defaults'
import { readOutbox } from './readOutbox'
import { decryptSecret, parseSecretsKey } from '../lib/secrets'
import type { ChannelKind, PublicationRecord } from '../types'

export type LoadedRow = {
  publication: PublicationRecord
  collection: string
  document: Record<string, unknown> | undefined
  account:
    (ChannelAccount & { id: number | string; channel: ChannelKind; name: string }) | undefined
  accountError?: string
  media: ChannelMedia[]
}

const byCollection = (refs: { relationTo: string; value: unknown }[]) => {
  const groups = new Map<string, Set<number | string>>()
  for (const ref of refs) {
    const id = relationId(ref.value)
    if (!ref.relationTo || id === undefined) continue
    if (!groups.has(ref.relationTo)) groups.set(ref.relationTo, new Set())
    groups.get(ref.relationTo)!.add(id)
  }
  return groups
}

/** Loads many documents with one query per collection, keyed `collection:id`. */
const loadDocuments = async (
  payload: Payload,
  refs: { relationTo: string; value: unknown }[],
  depth: number,
) => {
  const found = new Map<string, Record<string, unknown>>()
  for (const [collection, ids] of byCollection(refs)) {
    const { docs } = await payload.find({
      collection: collection as never,
      where: { id: { in: [...ids] } },
      depth,
      limit: ids.size,
      overrideAccess: true,
      pagination: false,
    })
    for (const doc of docs as Record<string, unknown>[]) found.set(`${collection}:${doc.id}`, doc)
  }
  return found
}

const localized = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object') {
    const first = Object.values(value as Record<string, unknown>).find(
      (entry) => typeof entry === 'string' && entry,
    )
    return first as string | undefined
  }
  return undefined
}

/**
 * `url` as an absolute URL: as is when it already is one, else on the app's public origin
 * (`serverURL`); `undefined` without one, since a network can't fetch a relative path.
 */
export const absoluteUrl = (payload: Payload, url: unknown): string | undefined => {
  if (typeof url !== 'string') return undefined
  if (url.startsWith('http')) return url
  const serverUrl = payload.config.serverURL
  return serverUrl ? `${serverUrl.replace(/\/$/, '')}${url}` : undefined
}

const dimension = (value: unknown) => (typeof value === 'number' ? value : undefined)

/**
 * Which of the upload collection's image sizes (Payload `upload.imageSizes`) stands for each
 * rendition an adapter may ask for. @default each rendition from the size of the same name
 */
export type RenditionSizes = Partial<Record<RenditionName, string>>

const sameNames = Object.fromEntries(renditionNames.map((name) => [name, name])) as RenditionSizes

/**
 * The file on disk (for uploads) and its absolute URL (for networks that fetch it), with the
 * image sizes Payload cut of it as renditions (`sizes` maps rendition names to size names). A
 * size Payload did not make (the original was smaller) is left out.
 */
export const defaultMedia = (
  payload: Payload,
  collection: string,
  doc: Record<string, unknown>,
  sizes: RenditionSizes = sameNames,
): ChannelMedia | null => {
  const upload = (
    payload.collections as Record<string, { config: { upload?: unknown } } | undefined>
  )[collection]?.config.upload as { staticDir?: string } | boolean | undefined
  const staticDir = typeof upload === 'object' && upload ? upload.staticDir : undefined
  const filename = typeof doc.filename === 'string' ? doc.filename : undefined
  const mimeType = typeof doc.mimeType === 'string' ? doc.mimeType : 'application/octet-stream'
  const fileAt = (name: string | undefined) =>
    staticDir && name ? path.resolve(staticDir, name) : undefined
  const cut = (doc.sizes ?? {}) as Record<string, Record<string, unknown> | undefined>
  const renditions: NonNullable<ChannelMedia['renditions']> = {}
  for (const [rendition, sizeName] of Object.entries(sizes) as [RenditionName, string][]) {
    const size = cut[sizeName]
    if (!size || typeof size.filename !== 'string' || !size.filename) continue
    renditions[rendition] = {
      filePath: fileAt(size.filename),
      url: absoluteUrl(payload, size.url),
      mimeType: typeof size.mimeType === 'string' ? size.mimeType : mimeType,
      width: dimension(size.width),
      height: dimension(size.height),
    }
  }
  return {
    kind: mimeType.startsWith('video/') ? 'video' : 'image',
    filePath: fileAt(filename),
    url: absoluteUrl(payload, doc.url),
    mimeType,
    width: dimension(doc.width),
    height: dimension(doc.height),
    ...(Object.keys(renditions).length ? { renditions } : {}),
    altText: localized(doc.alt),
    title: localized(doc.title),
    description: localized(doc.description),
  }
}

export type LoadedAccount = {
  value?: LoadedRow['account']
  error?: string
  /** The account's OAuth connection state (`reconnect-needed` holds its work back). */
  connection?: string
}

/**
 * Channel accounts by id, their secrets decrypted here and only here (dispatch and the metrics
 * collector both read accounts through this).
 */
export const loadAccounts = async (
  payload: Payload,
  config: SanitizedSchedulerConfig,
  ids: (number | string)[],
): Promise<Map<string, LoadedAccount>> => {
  const { docs } = ids.length
    ? await payload.find({
        collection: config.channelAccountsSlug,
        where: { id: { in: ids } },
        depth: 0,
        limit: ids.length,
        overrideAccess: true,
        pagination: false,
      })
    : { docs: [] }
  const accounts = new Map<string, LoadedAccount>()
  for (const doc of docs as Record<string, unknown>[])
    accounts.set(String(doc.id), {
      ...toChannelAccount(config, doc),
      connection: typeof doc.connection === 'string' ? doc.connection : undefined,
    })
  return accounts
}

/**
 * Everything a batch of claimed rows needs, in a handful of queries: the rows, their accounts
 * (secrets decrypted here and only here), their documents and their media.
 */
export const loadBatch = async (
  payload: Payload,
  config: SanitizedSchedulerConfig,
  ids: number[],
): Promise<Map<number, LoadedRow>> => {
  const pool = (payload.db as unknown as { pool: Pool }).pool
  const publications = await readOutbox(pool, config, ids)

  const accountIds = [
    ...new Set(
      publications.map((row) => relationId(row.channelAccount)).filter((id) => id !== undefined),
    ),
  ]
  const accounts = await loadAccounts(payload, config, accountIds)

  const documents = await loadDocuments(
    payload,
    // A deleted document takes the outbox's relation to it along: such a row has none.
    publications.flatMap((row) => (row.document ? [row.document] : [])),
    1,
  )
  const mediaRefs = publications.flatMap((row) =>
    Array.isArray(row.media) ? (row.media as { relationTo: string; value: unknown }[]) : [],
  )
  const mediaDocs = await loadDocuments(payload, mediaRefs, 0)

  const loaded = new Map<number, LoadedRow>()
  for (const publication of publications) {
    const account = accounts.get(String(relationId(publication.channelAccount)))
    const media: ChannelMedia[] = []
    for (const ref of (publication.media ?? []) as { relationTo: string; value: unknown }[]) {
      const doc = mediaDocs.get(`${ref.relationTo}:${relationId(ref.value)}`)
      if (!doc) continue
      const resolved = config.resolveMedia
        ? await config.resolveMedia({ collection: ref.relationTo, doc, payload })
        : defaultMedia(payload, ref.relationTo, doc)
      if (resolved) media.push(resolved)
    }
    loaded.set(Number(publication.id), {
      publication,
      collection: publication.document?.relationTo ?? '',
      document: documents.get(
        `${publication.document?.relationTo}:${relationId(publication.document?.value)}`,
      ),
      account: account?.value,
      accountError:
        account?.error ?? (account ? undefined : 'the channel account no longer exists'),
      media,
    })
  }
  return loaded
}

const toChannelAccount = (
  config: SanitizedSchedulerConfig,
  doc: Record<string, unknown>,
): { value?: LoadedRow['account']; error?: string } => {
  const channel = doc.channel as ChannelKind
  const decrypted: Partial<Record<keyof typeof secretFields, string>> = {}
  for (const field of Object.keys(secretFields) as (keyof typeof secretFields)[]) {
    const stored = doc[field]
    if (typeof stored !== 'string' || !stored) continue
    try {
      decrypted[field] = decryptSecret(
        stored,
        parseSecretsKey(process.env[config.secretsKeyEnv], config.secretsKeyEnv),
        secretAad(field),
      )
    } catch (error) {
      return {
        error: `the account's ${secretFields[field]} can't be decrypted: ${(error as Error).message}`,
      }
    }
  }
  const settings: Record<string, string | number | boolean> = {}
  if (doc.settings && typeof doc.settings === 'object' && !Array.isArray(doc.settings)) {
    for (const [key, value] of Object.entries(doc.settings as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        settings[key] = value
    }
  }
  if (typeof doc.characterLimit === 'number') settings.characterLimit = doc.characterLimit
  const revalidate = ((doc.revalidateUrls as { url?: string }[] | undefined) ?? [])
    .map((entry) => entry.url)
    .filter(Boolean)
  if (revalidate.length) settings.revalidateUrls = revalidate.join(' ')
  return {
    value: {
      id: doc.id as number,
      name: String(doc.name),
      channel,
      baseUrl: (doc.baseUrl as string) || defaultBaseUrls[channel] || '',
      externalId: (doc.externalId as string) || undefined,
      url: (doc.url as string) || undefined,
      accessToken: decrypted.accessToken,
      secret: decrypted.secret,
      settings,
    },
  }
}
