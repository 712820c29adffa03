import type { Pool } from 'pg'

import { tableOf } from './table'

/** A caption file stored with the item that shows the video; null when either is gone. */
export const findCaptionFile = async (
  pool: Pool,
  slug: string,
  key: string,
  file: string,
): Promise<string | null> => {
  const { rows } = await pool.query({
    name: `delivery-caption-${slug}`,
    text: `SELECT files->>$2 AS vtt FROM ${tableOf(slug)} WHERE key = $1 AND files ? $2 LIMIT 1`,
    values: [key, file],
  })
  return rows[0]?.vtt ?? null
}
