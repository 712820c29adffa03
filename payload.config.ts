import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Users } from './collections/Users'
import { keepPoolAlive } from './src/db/keepPoolAlive'
import { health } from './src/endpoints/health'
import { payloadSecret } from './src/lib/payloadSecret'
import { slugs } from './src/slugs'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: process.env.SERVER_URL ?? '',
  secret: payloadSecret(),
  telemetry: false,
  logger: { options: { level: process.env.LOG_LEVEL ?? 'info' } },
  admin: {
    user: slugs.users,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' — Carecast' },
  },
  localization: {
    locales: [
      { code: 'en', label: 'English' },
      { code: 'es', label: 'Español' },
    ],
    defaultLocale: 'en',
    fallback: true,
  },
  collections: [Users],
  endpoints: [health],
  editor: lexicalEditor(),
  db: postgresAdapter({
    pool: { connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_MAX ?? 10) },
    migrationDir: path.resolve(dirname, 'src/migrations'),
    // Schema changes ship as committed migrations; never let drizzle push behind our back.
    push: false,
  }),
  sharp,
  onInit: async (payload) => keepPoolAlive(payload),
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  graphQL: { disablePlaygroundInProduction: true },
})
