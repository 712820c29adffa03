import fs from 'node:fs/promises'
import path from 'node:path'

import pg from 'pg'

import { dataDir } from '../lib/dataDir'
import { startEmbeddedPostgres } from './embeddedPostgres'

type Env = Record<string, string | undefined>

export type SelectedDatabase = {
  url: string
  /**
   * 'external' when DATABASE_URL named a server, 'embedded' when this process started its own,
   * 'joined' when it uses the embedded one another Carecast process (`npm start`) runs.
   */
  kind: 'external' | 'embedded' | 'joined'
  /** The embedded cluster's data directory; absent for an external server. */
  location?: string
  stop: () => Promise<void>
}

export type SelectDatabaseOptions = {
  env?: Env
  /** Project root; the embedded cluster lives in `<root>/.data/postgres` unless CARECAST_DATA_DIR says where. */
  root?: string
  onLog?: (line: string) => void
  /**
   * Use the embedded Postgres another process already runs on this data directory, if one does
   * (`npm run worker` and `npm run seed` beside `npm start`), rather than start one.
   */
  join?: boolean
}

/** Where a running embedded cluster's URL is kept, for other processes on the same data directory. */
export const embeddedUrlFile = (env: Env = process.env, root: string = process.cwd()): string =>
  path.join(dataDir(env, root), 'postgres.url')

/** The URL in the file, if a server answers there. */
const runningAt = async (file: string): Promise<string | undefined> => {
  const url = (await fs.readFile(file, 'utf8').catch(() => '')).trim()
  if (!url) return undefined
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return url
  } catch {
    return undefined // left by a Carecast that stopped without tidying up
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * DATABASE_URL set → use that server as it is. Unset → start (or reuse) the embedded cluster
 * under .data/postgres (or $CARECAST_DATA_DIR/postgres), on EMBEDDED_POSTGRES_PORT or a free port,
 * and write its URL to .data/postgres.url, where `join` finds it while it runs.
 */
export const selectDatabase = async (
  options: SelectDatabaseOptions = {},
): Promise<SelectedDatabase> => {
  const env = options.env ?? process.env
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, kind: 'external', stop: async () => {} }
  }
  const root = options.root ?? process.cwd()
  const port = env.EMBEDDED_POSTGRES_PORT ? Number(env.EMBEDDED_POSTGRES_PORT) : undefined
  const location = path.join(dataDir(env, root), 'postgres')
  const urlFile = embeddedUrlFile(env, root)
  if (options.join) {
    const url = await runningAt(urlFile)
    if (url) return { url, kind: 'joined', location, stop: async () => {} }
  }
  const running = await startEmbeddedPostgres({
    dataDir: location,
    database: 'carecast',
    port,
    onLog: options.onLog,
  })
  // Only this machine's users can read it: the URL holds the local cluster's password.
  await fs.writeFile(urlFile, `${running.url}\n`, { mode: 0o600 })
  return {
    url: running.url,
    kind: 'embedded',
    location,
    stop: async () => {
      await fs.rm(urlFile, { force: true })
      await running.stop()
    },
  }
}
