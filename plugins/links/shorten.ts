import type { Pool } from 'pg'

import { newCode } from './code'

export type LinkTables = { links: string; clicks: string; publications: string }

/**
 * The short link a publication's (UTM-tagged) link goes out as, made once: a retry or a second
 * worker sending the same publication gets the same code (the same copy goes out, so reconcile
 * still recognises the post). `origin` is Carecast's public origin.
 */
export const shortLinkFor = async (
  pool: Pool,
  tables: LinkTables,
  args: { publicationId: number; channel: string; destination: string; origin: string },
): Promise<string> => {
  const found = await pool.query<{ code: string }>(
    `SELECT code FROM "${tables.links}" WHERE publication_id = $1 AND destination = $2 LIMIT 1`,
    [args.publicationId, args.destination],
  )
  let code = found.rows[0]?.code
  if (!code) {
    // Two workers at once: the advisory lock on the publication lets one of them make it.
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `short-link:${args.publicationId}`,
      ])
      const again = await client.query<{ code: string }>(
        `SELECT code FROM "${tables.links}" WHERE publication_id = $1 AND destination = $2 LIMIT 1`,
        [args.publicationId, args.destination],
      )
      code = again.rows[0]?.code
      if (!code) {
        code = newCode()
        await client.query(
          `INSERT INTO "${tables.links}" (code, destination, channel, publication_id) VALUES ($1, $2, $3, $4)`,
          [code, args.destination, args.channel, args.publicationId],
        )
      }
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }
  return `${args.origin.replace(/\/+$/, '')}/l/${code}`
}
