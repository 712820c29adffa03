import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { startEmbeddedPostgres } from '../../src/db/embeddedPostgres'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server on which each test file may create (and drop) its own database. */
    postgresAdminUrl: string
  }
}

/**
 * One Postgres for the whole run: DATABASE_URL's server when set, else a throw-away embedded
 * cluster (fsync off) in a temp directory that is deleted afterwards.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('postgresAdminUrl', process.env.DATABASE_URL)
    return
  }
  const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'carecast-test-'))
  // As root the cluster runs as the postgres user, which must be able to enter the directory.
  await fs.chmod(parent, 0o755)
  const server = await startEmbeddedPostgres({
    dataDir: path.join(parent, 'pg'),
    database: 'postgres',
    ephemeral: true,
  })
  project.provide('postgresAdminUrl', server.url)
  return async () => {
    await server.stop()
    await fs.rm(parent, { recursive: true, force: true })
  }
}
