import path from 'node:path'

import { dataDir } from '../lib/dataDir'
import { startEmbeddedPostgres } from './embeddedPostgres'

type Env = Record<string, string | undefined>

export type SelectedDatabase = {
  url: string
  /** 'external' when DATABASE_URL named a server, 'embedded' when Carecast started its own. */
  kind: 'external' | 'embedded'
  /** The embedded cluster's data directory; absent for an external server. */
  location?: string
  stop: () => Promise<void>
}

export type SelectDatabaseOptions = {
  env?: Env
  /** Project root; the embedded cluster lives in `<root>/.data/postgres` unless CARECAST_DATA_DIR says where. */
  root?: string
  onLog?: (line: string) => void
}

/**
 * DATABASE_URL set → use that server as it is. Unset → start (or reuse) the embedded cluster
 * under .data/postgres (or $CARECAST_DATA_DIR/postgres), on EMBEDDED_POSTGRES_PORT or a free port.
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
  const running = await startEmbeddedPostgres({
    dataDir: location,
    database: 'carecast',
    port,
    onLog: options.onLog,
  })
  return { url: running.url, kind: 'embedded', location, stop: running.stop }
}
