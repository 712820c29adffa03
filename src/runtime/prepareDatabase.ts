import { getPayload } from 'payload'

import { seedDemoUsers } from '../../seed/demoUsers'
import { committedMigrations } from '../db/committedMigrations'

/**
 * Brings the database up to the committed migrations and, outside production, makes sure the
 * demo accounts exist. Runs before the web server takes its first request.
 */
export const prepareDatabase = async ({ production }: { production: boolean }) => {
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  try {
    // The committed list, not a directory scan: works the same under tsx, vitest and a build.
    await payload.db.migrate({ migrations: committedMigrations })
    const createdUsers = production ? 0 : await seedDemoUsers(payload)
    return { createdUsers }
  } finally {
    await payload.destroy()
  }
}
