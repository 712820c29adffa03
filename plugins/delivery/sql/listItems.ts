import type { Pool } from 'pg'

import { tableOf } from './table'

export type ListQuery = {
  type: string
  locale: string
  limit: number
  /** jsonb containment on the row's filters (campaign, service line, observance); null for none. */
  filters: Record<string, unknown> | null
  /** Only items whose last occurrence ends at or after this instant (events, campaigns). */
  from: Date | null
  /** Keyset position: the last row of the previous page. */
  after: { sortAt: string; id: number } | null
  /** Events read soonest first, everything else newest first. */
  ascending: boolean
}

export type ListRow = { id: number; sort_at: string; summary: string }

const sqlFor = (table: string, ascending: boolean) => {
  const direction = ascending ? 'ASC' : 'DESC'
  const beyond = ascending ? '>' : '<'
  // sort_at comes back as text at full precision, so the cursor repeats the exact value.
  return `SELECT id, to_char(sort_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_at, summary::text AS summary
            FROM ${table}
           WHERE type = $1 AND language = $2
             AND ($3::jsonb IS NULL OR filters @> $3::jsonb)
             AND ($4::timestamptz IS NULL OR ends_at IS NULL OR ends_at >= $4::timestamptz)
             AND ($5::timestamptz IS NULL OR (sort_at, id) ${beyond} ($5::timestamptz, $6::int))
           ORDER BY sort_at ${direction}, id ${direction}
           LIMIT $7`
}

/**
 * One page of a list, as the summaries' JSON text (the response is assembled from it without
 * parsing), with one row more than asked for so the caller knows whether there is a next page.
 */
export const listItems = async (pool: Pool, slug: string, query: ListQuery): Promise<ListRow[]> => {
  const { rows } = await pool.query({
    name: `delivery-list-${slug}-${query.ascending ? 'asc' : 'desc'}`,
    text: sqlFor(tableOf(slug), query.ascending),
    values: [query.type, query.locale, query.filters ? JSON.stringify(query.filters) : null, query.from, query.after?.sortAt ?? null, query.after?.id ?? null, query.limit + 1],
  })
  return rows as ListRow[]
}
