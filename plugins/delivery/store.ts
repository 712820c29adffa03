import { createHash } from 'node:crypto'

import type { Payload } from 'payload'
import type { Pool } from 'pg'

import type { WebProjection, WebStore } from '../scheduler/channels/web'

const table = (slug: string) => slug.replace(/-/g, '_')

/**
 * The web channel's store: an upsert and a delete on the delivery table, in plain SQL — this is
 * the write half of the fast path, and Payload's create/update would add hooks and versions the
 * projection does not need.
 */
export const deliveryStore = (payload: Payload, slug: string): WebStore => {
  const pool = (payload.db as unknown as { pool: Pool }).pool
  const name = table(slug)
  return {
    async put(projection: WebProjection) {
      const key = `${projection.type}/${projection.slug}`
      const json = JSON.stringify(projection.data)
      const etag = createHash('sha256').update(json).digest('base64url').slice(0, 27)
      await pool.query(
        `INSERT INTO "${name}" (key, type, slug, data, etag, publication_id, published_at, updated_at, created_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, now(), now(), now())
         ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data, etag = EXCLUDED.etag, publication_id = EXCLUDED.publication_id,
                                         published_at = now(), updated_at = now()`,
        [key, projection.type, projection.slug, json, etag, projection.publicationId],
      )
      return { key, path: `/${key}` }
    },
    async remove(key: string) {
      const { rowCount } = await pool.query(`DELETE FROM "${name}" WHERE key = $1`, [key])
      return (rowCount ?? 0) > 0
    },
  }
}
