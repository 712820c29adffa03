import type { Endpoint, PayloadRequest } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'
import { tableName } from '../defaults'
import { errorResponse, signInFirst } from './respond'

const reasonOf = async (req: PayloadRequest): Promise<string | null> => {
  try {
    const body = (req.json ? await req.json() : {}) as { reason?: unknown }
    return typeof body?.reason === 'string' && body.reason.trim()
      ? body.reason.trim().slice(0, 300)
      : null
  } catch {
    return null
  }
}

const setPaused =
  (config: SanitizedSchedulerConfig, paused: boolean) => async (req: PayloadRequest) => {
    if (!req.user) return signInFirst()
    try {
      const control = await req.payload.updateGlobal({
        slug: config.controlSlug as never,
        // The reason given with the change, pause or resume; the event and the status carry it.
        data: { paused, reason: await reasonOf(req) } as never,
        user: req.user,
        overrideAccess: false,
        req,
      })
      return Response.json({ paused, control })
    } catch (error) {
      return errorResponse(error)
    }
  }

/**
 * `/api/scheduler/pause`, `/resume` and `/status`: the switch, and the numbers an operator
 * looks at (rows per state, how late the oldest due row is).
 */
export const controlEndpoints = (config: SanitizedSchedulerConfig): Endpoint[] => [
  { path: '/scheduler/pause', method: 'post', handler: setPaused(config, true) },
  { path: '/scheduler/resume', method: 'post', handler: setPaused(config, false) },
  {
    path: '/scheduler/status',
    method: 'get',
    handler: async (req) => {
      if (!req.user || !config.canRead(req))
        return Response.json(
          { errors: [{ message: 'Sign in as staff.' }] },
          { status: req.user ? 403 : 401 },
        )
      try {
        const pool = (req.payload.db as unknown as { pool: import('pg').Pool }).pool
        const publications = tableName(config.publicationsSlug)
        const [counts, lag, unpublishes, control] = await Promise.all([
          pool.query(
            `SELECT state::text AS state, count(*)::int AS n FROM "${publications}" GROUP BY state`,
          ),
          pool.query(
            `SELECT extract(epoch FROM now() - min(due_at)) * 1000 AS ms FROM "${publications}" WHERE state = 'scheduled' AND due_at <= now()`,
          ),
          // Live posts with an end date: a pause never holds these back.
          pool.query(
            `SELECT count(*)::int AS n FROM "${publications}" WHERE state = 'published' AND unpublish_at IS NOT NULL`,
          ),
          req.payload.findGlobal({
            slug: config.controlSlug as never,
            depth: 1,
            overrideAccess: true,
          }),
        ])
        const changedBy = (control as { changedBy?: { name?: string; email?: string } | null })
          .changedBy
        return Response.json({
          paused: Boolean((control as { paused?: boolean }).paused),
          reason: (control as { reason?: string }).reason ?? null,
          // Who flipped the switch last, and when: the admin's banner says so.
          changedBy:
            changedBy && typeof changedBy === 'object'
              ? (changedBy.name ?? changedBy.email ?? null)
              : null,
          changedAt: (control as { changedAt?: string }).changedAt ?? null,
          canOperate: Boolean(config.canOperate(req)),
          unpublishesScheduled: unpublishes.rows[0]?.n ?? 0,
          states: Object.fromEntries(counts.rows.map((row) => [row.state, row.n])),
          oldestDueLagMs:
            lag.rows[0]?.ms === null || lag.rows[0]?.ms === undefined
              ? null
              : Math.round(Number(lag.rows[0].ms)),
        })
      } catch (error) {
        return errorResponse(error)
      }
    },
  },
]
