import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { ident, param, poolOf, sql, tableName, toQuery } from '../../postgres'
import type { SanitizedNotificationsConfig } from '../defaults'
import { composeDigest } from './composeDigest'

type Due = { recipient: number | string; ids: (number | string)[] }

/**
 * The people due a digest at `now`: they have unmailed, unread notifications, the oldest has
 * waited `gatherMs`, and nothing was mailed to them in the last `intervalMs`. One statement on the
 * plugin's own table.
 */
const dueDigests = async (payload: Payload, config: SanitizedNotificationsConfig, now: Date) => {
  const table = ident(tableName(config.slug))
  const { rows } = await poolOf(payload).query(
    toQuery(sql`
      SELECT n.recipient_id AS recipient, array_agg(n.id ORDER BY n.created_at, n.id) AS ids
        FROM ${table} n
       WHERE n.recipient_id IS NOT NULL AND n.sent_at IS NULL AND n.read IS NOT TRUE AND n.created_at <= ${now}::timestamptz
       GROUP BY n.recipient_id
      HAVING min(n.created_at) <= ${now}::timestamptz - (${config.digest.gatherMs}::int * interval '1 millisecond')
         AND NOT EXISTS (
               SELECT 1 FROM ${table} m
                WHERE m.recipient_id = n.recipient_id
                  AND m.sent_at > ${now}::timestamptz - (${config.digest.intervalMs}::bigint * interval '1 millisecond'))
       ORDER BY n.recipient_id`),
  )
  return rows as Due[]
}

/**
 * Mails each person due a digest, at most one mail each. The stamp (sentAt, digestId) is written in
 * a transaction that commits only once the SMTP server has taken the mail: a refused mail leaves
 * the items unmailed for the next pass. Runs under the pass's lock, so no other worker mails them.
 */
export const sendDigests = async (
  payload: Payload,
  config: SanitizedNotificationsConfig,
  now: Date,
): Promise<number> => {
  const notifier = config.notifier
  if (!notifier) return 0
  const table = ident(tableName(config.slug))
  const adminRoute = payload.config.routes?.admin ?? '/admin'
  let mailed = 0
  for (const due of await dueDigests(payload, config, now)) {
    const user = (await payload.findByID({
      collection: config.usersCollection,
      id: due.recipient,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })) as { email?: string | null } | null
    if (!user?.email) continue
    const client = await poolOf(payload).connect()
    try {
      await client.query('BEGIN')
      const digestId = randomUUID()
      const { rows } = await client.query(
        toQuery(sql`
          UPDATE ${table} SET sent_at = ${now}::timestamptz, digest_id = ${digestId}
           WHERE id::text = ANY(${param(due.ids.map(String))}::text[]) AND sent_at IS NULL
          RETURNING subject, text, link, created_at`),
      )
      if (!rows.length) {
        await client.query('ROLLBACK')
        continue
      }
      const items = rows
        .map((row) => ({
          subject: String(row.subject),
          text: String(row.text),
          link: row.link ? String(row.link) : null,
          createdAt: new Date(row.created_at),
        }))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      await notifier.send(
        composeDigest({
          to: user.email,
          items,
          serverURL: config.serverURL,
          listPath: `${adminRoute}/collections/${config.slug}`,
          intervalMs: config.digest.intervalMs,
        }),
      )
      await client.query('COMMIT')
      mailed++
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      payload.logger.error(
        { err: error, recipient: due.recipient },
        'notification digest not sent; the next pass tries again',
      )
    } finally {
      client.release()
    }
  }
  return mailed
}
