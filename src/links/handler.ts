import type http from 'node:http'

import pg from 'pg'

import {
  answerHeaders,
  createRedirectHandler,
  createViewBeacon,
  pageFor,
} from '../../plugins/links'
import { linkTables, viewTables } from './tables'

type Redirect = ReturnType<typeof createRedirectHandler>
type Beacon = ReturnType<typeof createViewBeacon>

// One pool per process, kept on globalThis so Next's dev reloads don't open a new one per edit.
const holder = globalThis as unknown as {
  carecastLinks?: Redirect
  carecastViews?: Beacon
  carecastMeasurePool?: pg.Pool
}

const poolOfMeasurement = () => {
  if (!holder.carecastMeasurePool) {
    const pool = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      max: Number(process.env.LINKS_POOL_MAX ?? 10),
    })
    pool.on('error', (error) => console.error('measurement pool:', error.message))
    holder.carecastMeasurePool = pool
  }
  return holder.carecastMeasurePool
}

/** The web-view beacon the example site calls (POST /views). */
export const viewBeacon = (): Beacon =>
  (holder.carecastViews ??= createViewBeacon({ pool: poolOfMeasurement(), tables: viewTables }))

/** The short-link redirect as a fetch handler (the Next route, under `npm start`). */
export const linkHandler = (): Redirect => {
  holder.carecastLinks ??= createRedirectHandler({ pool: poolOfMeasurement(), tables: linkTables })
  return holder.carecastLinks
}

const unavailable = "<!doctype html><p>This link can't be followed right now; try again.</p>"

/**
 * The same redirect on node's own request and response, for the production server's fast path
 * (scripts/server.ts): no WHATWG Request/Response per click, which cost more than the click's
 * one query.
 */
export const nodeLinkHandler = () => {
  const { resolver } = linkHandler()
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    resolver
      .resolve(req.url ?? '', {
        method: req.method ?? 'GET',
        userAgent: req.headers['user-agent'] ?? null,
      })
      .then((answer) => {
        res.writeHead(answer.status, answerHeaders(answer))
        res.end(answer.status === 302 || req.method === 'HEAD' ? undefined : pageFor(answer))
      })
      .catch(() => {
        if (!res.headersSent)
          res.writeHead(503, {
            'Content-Type': 'text/html; charset=utf-8',
            'Cache-Control': 'no-store',
          })
        res.end(unavailable)
      })
  }
  return Object.assign(handle, { stop: () => resolver.stop() })
}
