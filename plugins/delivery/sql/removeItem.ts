import type { Pool } from 'pg'

import { tableOf } from './table'

/**
 * Deletes an item in every locale and, in the same statement, takes it out of every item that
 * embeds it (a campaign's related stories), so a retracted or consent-revoked story is gone from
 * the whole API at once, not only from its own address. Returns how many rows were deleted.
 */
export const removeItem = async (pool: Pool, slug: string, key: string): Promise<number> => {
  const table = tableOf(slug)
  const [type, itemSlug] = key.split('/')
  const { rows } = await pool.query(
    `WITH gone AS (
       DELETE FROM ${table} WHERE key = $1 RETURNING 1
     ), stripped AS (
       UPDATE ${table} t
          SET data = jsonb_set(t.data, ARRAY['related', $2::text],
                               COALESCE((SELECT jsonb_agg(e) FROM jsonb_array_elements(t.data->'related'->$2::text) e WHERE e->>'slug' <> $3::text), '[]'::jsonb)),
              updated_at = now()
        WHERE t.key <> $1 AND t.data->'related'->$2::text @> jsonb_build_array(jsonb_build_object('slug', $3::text))
        RETURNING 1
     )
     SELECT (SELECT count(*) FROM gone)::int AS removed, (SELECT count(*) FROM stripped)::int AS stripped`,
    [key, type ?? '', itemSlug ?? ''],
  )
  return rows[0]?.removed ?? 0
}
