import path from 'node:path'

import type { Pool } from 'pg'
import { getPayload, type Payload } from 'payload'

import { seedDemoContent } from '../../seed/content'
import { seedDemoUsers } from '../../seed/demoUsers'
import { committedMigrations } from '../db/committedMigrations'
import { quietPool } from '../db/quietPool'
import { dataDir } from '../lib/dataDir'

export type PreparedDatabase = {
  createdUsers: number
  /** What the demo seed holds (found or created); absent in production. */
  content?: Awaited<ReturnType<typeof seedDemoContent>>
  /** With `keep`: the booted instance, for the caller to run the dispatch worker on and to `release`. */
  payload?: Payload
}

/**
 * Brings the database up to the committed migrations and, outside production, makes sure the
 * demo accounts and demo content exist. Runs before the web server takes its first request.
 * Payload caches one instance per process, so a caller that needs Payload afterwards (the start
 * script's dispatch worker) keeps this one rather than booting a destroyed instance again.
 */
export const prepareDatabase = async ({
  production,
  keep = false,
}: {
  production: boolean
  keep?: boolean
}): Promise<PreparedDatabase> => {
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  try {
    // The committed list, not a directory scan: works the same under tsx, vitest and a build.
    await payload.db.migrate({ migrations: committedMigrations })
    if (production) return { createdUsers: 0, ...(keep ? { payload } : {}) }
    const createdUsers = await seedDemoUsers(payload)
    const content = await seedDemoContent(payload, {
      assetsDir: path.join(dataDir(), 'seed-assets'),
    })
    return { createdUsers, content, ...(keep ? { payload } : {}) }
  } catch (error) {
    if (keep) await releasePayload(payload)
    throw error
  } finally {
    if (!keep) await releasePayload(payload)
  }
}

/**
 * destroy() leaves the pool open, and the adapter keeps one client checked out for good, so
 * pool.end() would wait forever. The instance is finished with: when an embedded Postgres is
 * stopped after it, the connections it cuts are expected, not worth a warning.
 */
export const releasePayload = async (payload: Payload): Promise<void> => {
  await payload.destroy()
  quietPool((payload.db as unknown as { pool?: Pool }).pool)
}
