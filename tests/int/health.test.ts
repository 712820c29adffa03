import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { startTestApp, type TestApp } from '../support/testPayload'

describe('GET /api/health', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp('health')
  })
  afterAll(async () => app?.close())

  it('answers 200 with the database reachable', async () => {
    const response = await app.rest('GET', '/health')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'up' })
  })

  it('answers 503, without details, when the database is unreachable', async () => {
    const database = new URL(process.env.DATABASE_URL!).pathname.slice(1)
    const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') })
    await admin.connect()
    // Refuse new connections and cut the pool's existing ones: the app now sees a dead database.
    await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`)
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    )
    await admin.end()

    const response = await app.rest('GET', '/health')
    expect(response.status).toBe(503)
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({ status: 'unavailable', database: 'down' })
    expect(text).not.toMatch(/postgres|ECONN|at \w+ \(/i)
  })
})
