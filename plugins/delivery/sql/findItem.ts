import type { Pool } from 'pg'

import { tableOf } from './table'

/** One item in one locale, as its stored JSON text; null when it is not live. */
export const findItem = async (
  pool: Pool,
  slug: string,
  key: string,
  locale: string,
): Promise<string | null> => {
  const { rows } = await pool.query({
    name: `delivery-item-${slug}`,
    text: `SELECT data::text AS data FROM ${tableOf(slug)} WHERE key = $1 AND language = $2`,
    values: [key, locale],
  })
  return rows[0]?.data ?? null
}
