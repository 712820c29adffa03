import type { Pool } from 'pg'

import { tableOf } from './table'

/** Every live event in a locale (or one, by key), for the calendar feed; events are few, a feed wants them all. */
export const listEvents = async (
  pool: Pool,
  slug: string,
  locale: string,
  key: string | null,
): Promise<Record<string, unknown>[]> => {
  const { rows } = await pool.query({
    name: `delivery-events-${slug}`,
    text: `SELECT data FROM ${tableOf(slug)} WHERE type = 'events' AND language = $1 AND ($2::text IS NULL OR key = $2) ORDER BY sort_at, id LIMIT 2000`,
    values: [locale, key],
  })
  return rows.map((row) => row.data as Record<string, unknown>)
}
