import { type Executor, ident, param, sql, tableName } from '../../postgres'

/**
 * Deletes items (every locale of each key, `type/slug`) and, in the same statement, takes them out
 * of every item that embeds them (a campaign's related stories), so a retracted or consent-revoked
 * story is gone from the whole API at once, not only from its own address. Runs on the caller's
 * executor: inside a revocation's transaction it commits with the revocation. Returns how many
 * rows were deleted.
 */
export const removeItems = async (
  execute: Executor,
  slug: string,
  keys: string[],
): Promise<number> => {
  if (!keys.length) return 0
  const table = ident(tableName(slug))
  const [row] = await execute(
    sql`WITH gone AS (
          DELETE FROM ${table} WHERE key = ANY(${param(keys)}::text[]) RETURNING 1
        ), removed AS (
          SELECT split_part(k, '/', 1) AS type, split_part(k, '/', 2) AS slug FROM unnest(${param(keys)}::text[]) AS k
        ), stripped AS (
          UPDATE ${table} t
             SET data = jsonb_set(t.data, '{related}', (
                   SELECT coalesce(jsonb_object_agg(section.key, (
                            SELECT coalesce(jsonb_agg(e), '[]'::jsonb) FROM jsonb_array_elements(section.value) e
                             WHERE NOT EXISTS (SELECT 1 FROM removed r WHERE r.type = section.key AND r.slug = e->>'slug'))), '{}'::jsonb)
                     FROM jsonb_each(t.data->'related') section)),
                 updated_at = now()
           WHERE t.key <> ALL (${param(keys)}::text[]) AND jsonb_typeof(t.data->'related') = 'object'
             AND EXISTS (SELECT 1 FROM removed r WHERE t.data->'related'->r.type @> jsonb_build_array(jsonb_build_object('slug', r.slug)))
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM gone)::int AS removed, (SELECT count(*) FROM stripped)::int AS stripped`,
  )
  return Number(row?.removed ?? 0)
}
