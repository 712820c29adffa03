import path from 'node:path'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { getPayload } from 'payload'

import { seedDemoContent } from '../../seed/content'
import { seedDemoUsers } from '../../seed/demoUsers'
import { committedMigrations } from '../db/committedMigrations'
import { dataDir } from '../lib/dataDir'

export type PreparedDatabase = {
  createdUsers: number
  /** What the demo seed holds (found or created); absent in production. */
  content?: Awaited<ReturnType<typeof seedDemoContent>>
}

/**
 * Brings the database up to the committed migrations and, outside production, makes sure the
 * demo accounts and demo content exist. Runs before the web server takes its first request.
 */
export const prepareDatabase = async ({ production }: { production: boolean }): Promise<PreparedDatabase> => {
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  try {
    // The committed list, not a directory scan: works the same under tsx, vitest and a build.
    await payload.db.migrate({ migrations: committedMigrations })
    if (production) return { createdUsers: 0 }
    const createdUsers = await seedDemoUsers(payload)
    const content = await seedDemoContent(payload, { assetsDir: path.join(dataDir(), 'seed-assets') })
    return { createdUsers, content }
  } finally {
    await payload.destroy()
    // destroy() leaves the pool open, and the adapter keeps one client checked out for good, so
    // pool.end() would wait forever. This instance is finished with: when an embedded Postgres is
    // stopped after it, the connections it cuts are expected, not worth a warning.
    const pool = (payload.db as unknown as PostgresAdapter).pool
    pool?.removeAllListeners('error')
    pool?.on('error', () => {})
  }
}
