import type { Pool } from 'pg'

import { tableOf } from './table'

export type ItemRow = {
  key: string
  type: string
  slug: string
  language: string
  data: unknown
  summary: unknown
  files: Record<string, string>
  etag: string
  sort_at: string
  starts_at: string | null
  ends_at: string | null
  filters: unknown
}

/**
 * Writes every locale of one item in one statement, so a reader never sees the English row new
 * and the Spanish one old, and drops a locale the item no longer has.
 */
export const upsertItems = async (
  pool: Pool,
  slug: string,
  key: string,
  publicationId: string,
  rows: ItemRow[],
) => {
  const table = tableOf(slug)
  await pool.query(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(key text, type text, slug text, language text, data jsonb, summary jsonb, files jsonb,
                                                       etag text, sort_at timestamptz, starts_at timestamptz, ends_at timestamptz, filters jsonb)
     ), stale AS (
       DELETE FROM ${table} WHERE key = $2 AND language <> ALL (SELECT language FROM input)
     )
     INSERT INTO ${table} (key, type, slug, language, data, summary, files, etag, publication_id, published_at, sort_at, starts_at, ends_at, filters, updated_at, created_at)
     SELECT key, type, slug, language, data, summary, files, etag, $3, now(), sort_at, starts_at, ends_at, filters, now(), now() FROM input
     ON CONFLICT (key, language) DO UPDATE SET
       data = EXCLUDED.data, summary = EXCLUDED.summary, files = EXCLUDED.files, etag = EXCLUDED.etag, publication_id = EXCLUDED.publication_id,
       published_at = now(), sort_at = EXCLUDED.sort_at, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, filters = EXCLUDED.filters, updated_at = now()`,
    [JSON.stringify(rows), key, publicationId],
  )
}
