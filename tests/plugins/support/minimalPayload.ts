import { postgresAdapter } from '@payloadcms/db-postgres'
import type { Pool } from 'pg'
import {
  buildConfig,
  type CollectionConfig,
  type Config,
  getPayload,
  handleEndpoints,
  type Payload,
  type Plugin,
} from 'payload'

import { quietPool } from '../../../src/db/quietPool'
import { createTestDatabase } from '../../support/testDatabase'

/** `token` signs the request in as that user (a JWT from `login`). */
export type MinimalRestOptions = { body?: unknown; token?: string }

export type MinimalApp = {
  payload: Payload
  /** Calls the REST API through Payload's own routing (what /api/* runs), without Next. */
  rest: (method: string, path: string, options?: MinimalRestOptions) => Promise<Response>
  /** Logs in through the REST API and returns the JWT. */
  login: (email: string, password: string) => Promise<string>
  close: () => Promise<void>
}

/** Staff with a `role`, so a plugin's access checks have something to look at. */
export const users: CollectionConfig = {
  slug: 'users',
  auth: true,
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'role',
      type: 'select',
      options: ['author', 'editor', 'viewer'],
      defaultValue: 'viewer',
    },
  ],
}

/** The one content collection: nothing like Carecast's, with drafts like most real ones. */
export const notes: CollectionConfig = {
  slug: 'notes',
  versions: { drafts: true },
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'slug', type: 'text', required: true, unique: true },
  ],
}

/**
 * Boots Payload on a config with a `users` collection, the `notes` collection and the plugins
 * under test — none of Carecast's collections, hooks or options — on a fresh database of its own.
 * There are no committed migrations for this config, so drizzle pushes its schema. `collections`
 * adds to it what a plugin can't do without (say so where it is passed: it is a finding); one with
 * the slug of `users` or `notes` replaces that one (a variant with a field the test needs).
 */
export const startMinimalPayload = async (
  label: string,
  plugins: Plugin[],
  {
    collections = [],
    localization,
  }: { collections?: CollectionConfig[]; localization?: Config['localization'] } = {},
): Promise<MinimalApp> => {
  const database = await createTestDatabase(label)
  // Drizzle skips a push whose schema equals the previous one of this process; a file that boots
  // a second app (on a second, empty database) must get its tables too.
  process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
  const config = await buildConfig({
    secret: `minimal-${database.name}`,
    telemetry: false,
    // No `payload generate:types` child per boot (it would load Carecast's config from the cwd).
    typescript: { autoGenerate: false },
    logger: { options: { level: process.env.LOG_LEVEL ?? 'error' } },
    admin: { user: users.slug },
    collections: [
      ...[users, notes].filter((base) => !collections.some((own) => own.slug === base.slug)),
      ...collections,
    ],
    ...(localization ? { localization } : {}),
    db: postgresAdapter({ pool: { connectionString: database.url, max: 5 }, push: true }),
    plugins,
  })
  const key = database.name
  const payload = await getPayload({ config, key })

  const rest: MinimalApp['rest'] = async (method, path, options = {}) => {
    const headers = new Headers()
    if (options.token) headers.set('Authorization', `JWT ${options.token}`)
    if (options.body !== undefined) headers.set('Content-Type', 'application/json')
    const request = new Request(`http://localhost/api${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    return handleEndpoints({ config, request, payloadInstanceCacheKey: key })
  }

  const login: MinimalApp['login'] = async (email, password) => {
    const response = await rest('POST', `/${users.slug}/login`, { body: { email, password } })
    const body = (await response.json()) as { token?: string }
    if (!response.ok || !body.token)
      throw new Error(`login failed for ${email}: HTTP ${response.status}`)
    return body.token
  }

  return {
    payload,
    rest,
    login,
    close: async () => {
      await payload.destroy()
      // destroy() leaves the adapter's pool open; dropping the database cuts its connections, and
      // an 'error' without a listener would be an uncaught exception in the test process.
      quietPool((payload.db as unknown as { pool?: Pool }).pool)
      await database.drop()
    },
  }
}
