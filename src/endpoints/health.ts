import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Endpoint } from 'payload'

const DB_TIMEOUT_MS = 2000

/**
 * GET /api/health — for load balancers and uptime checks. 200 when Postgres answers within
 * two seconds, 503 otherwise. It says only what is up, never why something is down.
 */
export const health: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const started = performance.now()
    const headers = { 'Cache-Control': 'no-store' }
    try {
      await withTimeout(
        (req.payload.db as unknown as PostgresAdapter).pool.query('SELECT 1'),
        DB_TIMEOUT_MS,
      )
      const latencyMs = Math.round((performance.now() - started) * 10) / 10
      return Response.json({ status: 'ok', database: 'up', latencyMs }, { status: 200, headers })
    } catch (error) {
      req.payload.logger.warn({ err: error }, 'health check: database unreachable')
      return Response.json({ status: 'unavailable', database: 'down' }, { status: 503, headers })
    }
  },
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    )
  })
