import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

// The seed acts as the system: no access checks, no audit events, no side effects (dispatch).
export const SEED = {
  overrideAccess: true,
  context: { audit: false, seed: true, skipDispatch: true },
} as const

type Localized<T> = { en: T; es?: Partial<T> }

/**
 * Finds the document whose `field` equals `value`, or creates it from `data.en` and then adds the
 * Spanish fields: running the seed twice changes nothing.
 */
export const upsert = async (
  payload: Payload,
  collection: string,
  field: string,
  value: string,
  data: Localized<Record<string, unknown>>,
  extra: { draft?: boolean } = {},
): Promise<{ id: number | string }> => {
  const found = await payload.find({
    collection: collection as never,
    where: { [field]: { equals: value } },
    limit: 1,
    depth: 0,
    ...SEED,
  })
  if (found.docs[0]) return found.docs[0] as { id: number | string }
  const created: { id: number | string } = await payload.create({
    collection: collection as never,
    data: data.en as never,
    locale: 'en',
    draft: extra.draft,
    ...SEED,
  })
  if (data.es) {
    await payload.update({
      collection: collection as never,
      id: created.id,
      data: data.es as never,
      locale: 'es',
      draft: extra.draft,
      ...SEED,
    })
  }
  return created as { id: number | string }
}

/**
 * Uploads a generated file once, matched by its file name — or the name Payload gave it when a file
 * of that name was already on disk ("x-1.jpg"), so a database reset with files kept still seeds once.
 */
export const upsertUpload = async (
  payload: Payload,
  collection: string,
  filePath: string,
  data: Localized<Record<string, unknown>>,
  mimetype: string,
): Promise<{ id: number | string }> => {
  const name = path.basename(filePath)
  const { name: stem, ext } = path.parse(name)
  const found = await payload.find({
    collection: collection as never,
    where: { or: [{ filename: { equals: name } }, { filename: { like: `${stem}-` } }] },
    limit: 100,
    depth: 0,
    ...SEED,
  })
  const sameFile = (filename = '') =>
    filename === name ||
    (filename.startsWith(`${stem}-`) &&
      filename.endsWith(ext) &&
      /^\d+$/.test(filename.slice(stem.length + 1, filename.length - ext.length)))
  const existing = (found.docs as Array<{ id: number | string; filename?: string }>).find((doc) =>
    sameFile(doc.filename),
  )
  if (existing) return existing
  const bytes = await fs.readFile(filePath)
  const created: { id: number | string } = await payload.create({
    collection: collection as never,
    data: data.en as never,
    file: { data: bytes, mimetype, name, size: bytes.length },
    locale: 'en',
    ...SEED,
  })
  if (data.es)
    await payload.update({
      collection: collection as never,
      id: created.id,
      data: data.es as never,
      locale: 'es',
      ...SEED,
    })
  return created as { id: number | string }
}
