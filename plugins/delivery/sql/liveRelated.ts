import type { Pool } from 'pg'

import { tableOf } from './table'

export type LiveRow = {
  key: string
  language: string
  summary: Record<string, unknown>
  data: Record<string, unknown>
}

/** The live rows (every locale) of the given keys: what a campaign may embed at publish time. */
export const liveRelated = async (pool: Pool, slug: string, keys: string[]): Promise<LiveRow[]> => {
  if (!keys.length) return []
  const { rows } = await pool.query(
    `SELECT key, language, summary, data FROM ${tableOf(slug)} WHERE key = ANY($1::text[])`,
    [keys],
  )
  return rows as LiveRow[]
}
