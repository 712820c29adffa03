import { getPayload, handleEndpoints, type Payload } from 'payload'

import { committedMigrations } from '../../src/db/committedMigrations'
import { createTestDatabase } from './testDatabase'

export type TestApp = {
  payload: Payload
  /** Calls the REST API through Payload's own routing (what /api/* runs), without Next. */
  rest: (method: string, path: string, options?: { body?: unknown; token?: string; apiKey?: string }) => Promise<Response>
  close: () => Promise<void>
}

/**
 * Boots Carecast's real config on a fresh, migrated database of its own. Call once per test
 * file (in beforeAll) and `close()` in afterAll: it destroys Payload and drops the database.
 */
export const startTestApp = async (label: string): Promise<TestApp> => {
  const database = await createTestDatabase(label)
  process.env.DATABASE_URL = database.url
  const { default: config } = await import('../../payload.config')
  // Keyed per database so a file may boot more than one app one after another.
  const key = database.name
  const payload = await getPayload({ config, key })
  await payload.db.migrate({ migrations: committedMigrations })

  const rest: TestApp['rest'] = async (method, path, options = {}) => {
    const headers = new Headers()
    if (options.body !== undefined) headers.set('Content-Type', 'application/json')
    if (options.token) headers.set('Authorization', `JWT ${options.token}`)
    if (options.apiKey) headers.set('Authorization', `users API-Key ${options.apiKey}`)
    const request = new Request(`http://localhost/api${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    return handleEndpoints({ config, request, payloadInstanceCacheKey: key })
  }

  return {
    payload,
    rest,
    close: async () => {
      await payload.destroy()
      await database.drop()
    },
  }
}

/** Logs in through the REST API and returns the JWT. */
export const login = async (app: TestApp, email: string, password: string): Promise<string> => {
  const response = await app.rest('POST', '/users/login', { body: { email, password } })
  const body = (await response.json()) as { token?: string }
  if (!response.ok || !body.token) throw new Error(`login failed for ${email}: HTTP ${response.status}`)
  return body.token
}
