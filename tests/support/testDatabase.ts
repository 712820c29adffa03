import { randomBytes } from 'node:crypto'

import pg from 'pg'
import { inject } from 'vitest'

/** The same server as `adminUrl`, another database. */
export const withDatabase = (adminUrl: string, database: string): string => {
  const url = new URL(adminUrl)
  url.pathname = `/${database}`
  return url.toString()
}

const adminQuery = async (sql: string) => {
  const client = new pg.Client({ connectionString: inject('postgresAdminUrl') })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Creates an empty database named for this test file; returns its URL and a dropper. */
export const createTestDatabase = async (label = 'file') => {
  const name =
    `carecast_t_${label.replace(/\W/g, '_').slice(0, 20)}_${randomBytes(4).toString('hex')}`.toLowerCase()
  await adminQuery(`CREATE DATABASE "${name}"`)
  return {
    name,
    url: withDatabase(inject('postgresAdminUrl'), name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  }
}
