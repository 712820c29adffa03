/**
 * `npm run worker`: one more dispatch worker (with the consent sweep and the notification digests) — the scale-out path (many web servers, N workers,
 * one Postgres). It claims from the same outbox as every other worker; SKIP LOCKED and the
 * fencing token keep any number of them from sending a publication twice.
 */
import { getPayload } from 'payload'
import type { Pool } from 'pg'

import { consentConfigOf, startConsentSweep } from '../plugins/consent'
import { startNotifications } from '../plugins/notifications'
import { startDispatchWorker } from '../plugins/scheduler'
import { quietPool } from '../src/db/quietPool'
import { selectDatabase } from '../src/db/selectDatabase'
import { StartupError } from '../src/db/StartupError'
import { dataDir } from '../src/lib/dataDir'
import { developmentSecretsKey } from '../src/lib/developmentSecretsKey'

const main = async () => {
  // Beside `npm start`, its embedded Postgres (found through .data/postgres.url), not a second one.
  const database = await selectDatabase({ join: true })
  process.env.DATABASE_URL = database.url
  // The key `npm start` made for development, so this worker decrypts what it stored.
  developmentSecretsKey(dataDir(), process.env, { create: false })
  const { default: config } = await import('../payload.config')
  const payload = await getPayload({ config })
  const worker = startDispatchWorker(payload)
  // Consent expiry is checked by every worker; an advisory lock lets one sweep run at a time.
  const sweep = startConsentSweep(payload, consentConfigOf(payload))
  // So are the timed notices and the digests, under a lock of their own: no digest goes out twice.
  const notifications = startNotifications(payload)
  console.log(`Dispatch worker ${worker.id} ready.`)

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await Promise.all([worker.stop(), sweep.stop(), notifications.stop()])
    await payload.destroy()
    quietPool((payload.db as unknown as { pool: Pool }).pool)
    await database.stop().catch(() => {})
    process.exit(0)
  }
  process.removeAllListeners('SIGINT')
  process.removeAllListeners('SIGTERM')
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  console.error(
    error instanceof StartupError
      ? error.message
      : `The dispatch worker could not start: ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exit(1)
})
