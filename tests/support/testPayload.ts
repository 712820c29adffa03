import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { configToSchema } from '@payloadcms/graphql'
// The CommonJS build, the one Payload's schema is made with under Node (two copies of graphql can't
// share a schema); a bare 'graphql' would resolve to the ESM build in Vitest.
import { graphql } from 'graphql/index.js'
import { createPayloadRequest, getPayload, handleEndpoints, type Payload } from 'payload'

import { committedMigrations } from '../../src/db/committedMigrations'
import { createTestDatabase } from './testDatabase'

/** `raw` sends a body exactly as given, as JSON — for malformed-input tests. */
export type RestOptions = {
  body?: unknown
  raw?: string
  form?: FormData
  token?: string
  apiKey?: string
  /** More request headers, e.g. the browser's `Cookie` on an OAuth callback. */
  headers?: Record<string, string>
}

export type TestApp = {
  payload: Payload
  /** Calls the REST API through Payload's own routing (what /api/* runs), without Next. */
  rest: (method: string, path: string, options?: RestOptions) => Promise<Response>
  /** Runs a GraphQL operation with the schema and request context /api/graphql uses. */
  graphql: (
    query: string,
    options?: RestOptions,
  ) => Promise<{ body: { data?: unknown; errors?: { message: string }[] } }>
  close: () => Promise<void>
}

// One per test process: the config (and so every upload directory) is read once per process.
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carecast-files-'))

/**
 * Boots Carecast's real config on a fresh, migrated database of its own. Call once per test
 * file (in beforeAll) and `close()` in afterAll: it destroys Payload and drops the database.
 */
export const startTestApp = async (label: string): Promise<TestApp> => {
  const database = await createTestDatabase(label)
  process.env.DATABASE_URL = database.url
  // Uploads go to a directory of this test process, never the developer's data dir: a file left
  // there by another run would make Payload rename the next upload of that name ("x-1.jpg").
  process.env.CARECAST_DATA_DIR = filesDir
  const { default: config } = await import('../../payload.config')
  // Keyed per database so a file may boot more than one app one after another.
  const key = database.name
  const payload = await getPayload({ config, key })
  await payload.db.migrate({ migrations: committedMigrations })

  const authHeaders = (options: RestOptions) => {
    const headers = new Headers()
    if (options.token) headers.set('Authorization', `JWT ${options.token}`)
    if (options.apiKey) headers.set('Authorization', `users API-Key ${options.apiKey}`)
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value)
    return headers
  }

  const rest: TestApp['rest'] = async (method, path, options = {}) => {
    const headers = authHeaders(options)
    if (options.body !== undefined || options.raw !== undefined)
      headers.set('Content-Type', 'application/json')
    const request = new Request(`http://localhost/api${path}`, {
      method,
      headers,
      body:
        options.form ??
        options.raw ??
        (options.body === undefined ? undefined : JSON.stringify(options.body)),
    })
    return handleEndpoints({ config, request, payloadInstanceCacheKey: key })
  }

  let schema: ReturnType<typeof configToSchema> | undefined
  const runGraphql: TestApp['graphql'] = async (query, options = {}) => {
    schema ??= configToSchema(payload.config)
    const request = new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: authHeaders(options),
    })
    const req = await createPayloadRequest({ config, request, payloadInstanceCacheKey: key })
    const result = await graphql({
      schema: schema.schema,
      source: query,
      contextValue: { req, headers: {} },
    })
    return { body: JSON.parse(JSON.stringify(result)) }
  }

  return {
    payload,
    rest,
    graphql: runGraphql,
    close: async () => {
      await payload.destroy()
      await database.drop()
      fs.rmSync(filesDir, { recursive: true, force: true })
    },
  }
}

/** Logs in through the REST API and returns the JWT. */
export const login = async (app: TestApp, email: string, password: string): Promise<string> => {
  const response = await app.rest('POST', '/users/login', { body: { email, password } })
  const body = (await response.json()) as { token?: string }
  if (!response.ok || !body.token)
    throw new Error(`login failed for ${email}: HTTP ${response.status}`)
  return body.token
}
