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

/**
 * The statement for one combination of filters. Each combination is its own prepared statement
 * with only the predicates it needs: a catch-all `($n IS NULL OR …)` form lets Postgres switch to a
 * generic plan that can't walk the (type, language, sort_at) index, and the list then sorts every
 * row of the type on each request.
 */
const sqlFor = (table: string, query: ListQuery) => {
  const direction = query.ascending ? 'ASC' : 'DESC'
  const beyond = query.ascending ? '>' : '<'
  const where = ['type = $1', 'language = $2']
  const values: unknown[] = [query.type, query.locale]
  if (query.filters) {
    values.push(JSON.stringify(query.filters))
    where.push(`filters @> $${values.length}::jsonb`)
  }
  if (query.from) {
    values.push(query.from)
    where.push(`(ends_at IS NULL OR ends_at >= $${values.length}::timestamptz)`)
  }
  if (query.after) {
    values.push(query.after.sortAt, query.after.id)
    where.push(
      `(sort_at, id) ${beyond} ($${values.length - 1}::timestamptz, $${values.length}::int)`,
    )
  }
  values.push(query.limit + 1)
  // sort_at comes back as text at full precision, so the cursor repeats the exact value.
  // The page is chosen on narrow rows first and only its rows' summaries are read and converted:
  // selecting the summary in the sorting query would read and convert every row of the type.
  const text = `WITH page AS (
                  SELECT id, sort_at FROM ${table}
                   WHERE ${where.join(' AND ')}
                   ORDER BY sort_at ${direction}, id ${direction}
                   LIMIT $${values.length})
                SELECT t.id, to_char(page.sort_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_at, t.summary::text AS summary
                  FROM page JOIN ${table} t ON t.id = page.id
                 ORDER BY page.sort_at ${direction}, page.id ${direction}`
  const name = [
    direction,
    query.filters ? 'f' : '',
    query.from ? 'w' : '',
    query.after ? 'a' : '',
  ].join('')
  return { text, values, name }
}

/**
 * One page of a list, as the summaries' JSON text (the response is assembled from it without
 * parsing), with one row more than asked for so the caller knows whether there is a next page.
 */
export const listItems = async (pool: Pool, slug: string, query: ListQuery): Promise<ListRow[]> => {
  const { text, values, name } = sqlFor(tableOf(slug), query)
  const { rows } = await pool.query({ name: `delivery-list-${slug}-${name}`, text, values })
  return rows as ListRow[]
}
