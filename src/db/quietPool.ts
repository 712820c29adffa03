import type { Pool } from 'pg'

/**
 * For a Payload instance that is finished with, just before its Postgres stops: destroy() leaves
 * the pool open and the adapter keeps a client checked out for good, and a checked-out client
 * whose server goes away emits an 'error' no one listens to — which would crash the process on an
 * orderly Ctrl-C. The connections it cuts are expected, not worth a warning.
 */
export const quietPool = (pool: Pool | undefined): void => {
  if (!pool) return
  pool.removeAllListeners('error')
  pool.on('error', () => {})
  // pg-pool keeps every client it made, idle or checked out, in `_clients`.
  for (const client of (
    pool as unknown as { _clients?: { on: (event: 'error', listener: () => void) => void }[] }
  )._clients ?? [])
    client.on('error', () => {})
}
