/**
 * `POST /views` with `{"type":"stories","slug":"…"}`: the example site's beacon (issue 18, item 3),
 * sent once when a reader opens a delivery item, so a story's web reach sits beside its social
 * reach. It counts per item and day and nothing else: no cookie, no IP address, no user agent, no
 * identifier of any kind is read into the count or kept; bots (by `isbot`) are answered but not
 * counted. An item that is not live on the web is 404 and not counted. Always 204 otherwise, with
 * no body, as `navigator.sendBeacon` expects.
 */
import type { Pool } from 'pg'

import { isBot } from './bots'
import { createDailyCounter, dayOf } from './counter'

export type ViewTables = { views: string; items: string }

const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/
const TYPES = new Set(['campaigns', 'stories', 'events', 'videos'])

const answer = (status: number, message?: string) =>
  message
    ? Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } })
    : new Response(null, { status, headers: { 'Cache-Control': 'no-store' } })

export const createViewBeacon = ({
  pool,
  tables,
  now = () => new Date(),
  flushEveryMs = 1000,
}: {
  pool: Pool
  tables: ViewTables
  now?: () => Date
  flushEveryMs?: number
}) => {
  const counter = createDailyCounter({
    pool,
    flushEveryMs,
    write: `INSERT INTO "${tables.views}" (item, day, type, views)
            SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::int[])
            ON CONFLICT (item, day) DO UPDATE SET views = "${tables.views}".views + EXCLUDED.views`,
  })
  const handler = async (request: Request): Promise<Response> => {
    if (request.method !== 'POST') return answer(405, 'Send the view with POST.')
    let body: { type?: unknown; slug?: unknown }
    try {
      body = JSON.parse((await request.text()).slice(0, 1000)) as typeof body
    } catch {
      return answer(400, 'body: send {"type":"stories","slug":"…"} as JSON.')
    }
    const type = typeof body?.type === 'string' ? body.type : ''
    const slug = typeof body?.slug === 'string' ? body.slug : ''
    if (!TYPES.has(type)) return answer(400, 'type: one of campaigns, stories, events, videos.')
    if (!SLUG.test(slug))
      return answer(400, "slug: the item's slug, in lower case letters, digits and dashes.")
    const { rows } = await pool.query<{ key: string }>(
      `SELECT key FROM "${tables.items}" WHERE type = $1 AND slug = $2 LIMIT 1`,
      [type, slug],
    )
    if (!rows[0]) return answer(404, 'No such item is live on the web.')
    if (!isBot(request.headers.get('user-agent')))
      counter.add({ key: rows[0].key, day: dayOf(now()), extra: type })
    return answer(204)
  }
  return Object.assign(handler, { flush: counter.flush, stop: counter.stop })
}
