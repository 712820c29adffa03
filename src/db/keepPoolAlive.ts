import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

/**
 * node-postgres emits 'error' on the pool when the server drops an idle connection (a restart,
 * a failover, an admin's pg_terminate_backend). Without a listener Node treats it as an
 * uncaught error and the whole app dies; with one, the pool just opens a new connection.
 */
export const keepPoolAlive = (payload: Payload): void => {
  const pool = (payload.db as unknown as PostgresAdapter).pool
  if (!pool || pool.listenerCount('error') > 0) return
  pool.on('error', (error) =>
    payload.logger.warn({ err: error }, 'database connection lost; the pool will reconnect'),
  )
}
