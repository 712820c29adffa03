/**
 * `GET /l/<code>`: a publication's short link (issue 18). A live one answers 302 to its UTM-tagged
 * destination and counts the click for its day and channel, unless the caller is a bot by the
 * `isbot` list (networks' link-preview crawlers, search engines, uptime checkers): bots are
 * redirected but not counted, and so are HEAD requests. Nothing about the person is read or kept
 * beyond that check: no cookie is set, no IP address or user agent is stored. A publication that
 * was taken down (retracted, a revoked consent, cancelled) answers 410 with a neutral page, which
 * names nothing; an unknown code answers 404 the same way.
 *
 * The redirect reads one row (the link and its publication's state) and counts the click in
 * memory (./counter: written once a second, exact under concurrency), so a click costs what a
 * plain read-and-redirect costs.
 */
import type { Pool } from 'pg'

import { isBot } from './bots'
import { isCode } from './code'
import { createDailyCounter, dayOf } from './counter'
import type { LinkTables } from './shorten'

const GONE_STATES = ['retracting', 'retracted', 'cancelled']

export type LinkAnswer = { status: 302; location: string } | { status: 404 | 410; text: string }

export const pageFor = (answer: Exclude<LinkAnswer, { status: 302 }>) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${answer.text}</title></head><body><p>${answer.text}</p></body></html>`

export const answerHeaders = (answer: LinkAnswer): Record<string, string> =>
  answer.status === 302
    ? { Location: answer.location, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }
    : {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
      }

const notFound: LinkAnswer = { status: 404, text: 'This link does not exist.' }
const gone: LinkAnswer = { status: 410, text: 'This link is no longer available.' }

export const createLinkResolver = ({
  pool,
  tables,
  now = () => new Date(),
  flushEveryMs = 1000,
}: {
  pool: Pool
  tables: LinkTables
  now?: () => Date
  flushEveryMs?: number
}) => {
  const read = `SELECT l.id, l.destination, l.channel, p.state::text AS state
                  FROM "${tables.links}" l
                  LEFT JOIN "${tables.publications}" p ON p.id = l.publication_id
                 WHERE l.code = $1`
  const counter = createDailyCounter({
    pool,
    flushEveryMs,
    write: `INSERT INTO "${tables.clicks}" (link_id, day, channel, clicks)
            SELECT * FROM unnest($1::int[], $2::timestamptz[], $3::text[], $4::int[])
            ON CONFLICT (link_id, day) DO UPDATE SET clicks = "${tables.clicks}".clicks + EXCLUDED.clicks`,
  })

  const resolve = async (
    path: string,
    { method, userAgent }: { method: string; userAgent: string | null },
  ): Promise<LinkAnswer> => {
    const code = path.split('?')[0]!.split('/').filter(Boolean).at(-1) ?? ''
    if (!isCode(code)) return notFound
    // A named statement: each connection parses and plans the join once, not on every click.
    const { rows } = await pool.query<{
      id: number
      destination: string
      channel: string
      state: string | null
    }>({ name: `carecast-short-link:${tables.links}`, text: read, values: [code] })
    const link = rows[0]
    if (!link) return notFound
    if (link.state && GONE_STATES.includes(link.state)) return gone
    if (method === 'GET' && !isBot(userAgent))
      counter.add({ key: String(link.id), day: dayOf(now()), extra: link.channel })
    return { status: 302, location: link.destination }
  }

  return { resolve, flush: counter.flush, stop: counter.stop }
}

/** The redirect as a fetch handler (a Next route), with the resolver's `flush` and `stop`. */
export const createRedirectHandler = (options: Parameters<typeof createLinkResolver>[0]) => {
  const resolver = createLinkResolver(options)
  const handler = async (request: Request): Promise<Response> => {
    const answer = await resolver.resolve(new URL(request.url).pathname, {
      method: request.method,
      userAgent: request.headers.get('user-agent'),
    })
    return new Response(answer.status === 302 ? null : pageFor(answer), {
      status: answer.status,
      headers: answerHeaders(answer),
    })
  }
  return Object.assign(handler, { resolver })
}
