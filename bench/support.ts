import { execSync } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { randomBytes } from 'node:crypto'

import { getPayload } from 'payload'
import pg from 'pg'

import { committedMigrations } from '../src/db/committedMigrations'

import { startEmbeddedPostgres } from '../src/db/embeddedPostgres'

/** p50/p95/max of a list of milliseconds, rounded to 0.1 ms. */
export const percentiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN
  const round = (value: number) => Math.round(value * 10) / 10
  return {
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  }
}

/**
 * A Postgres for a benchmark: DATABASE_URL's server when set, else an embedded cluster in a temp
 * directory with its durability settings left on (fsync and synchronous commit, as production),
 * so commit costs are in the figures. Each call makes a fresh database on it.
 */
export const benchDatabase = async (label: string) => {
  let stopServer = async () => {}
  let adminUrl = process.env.DATABASE_URL
  let parent: string | undefined
  if (!adminUrl) {
    parent = await fs.mkdtemp(path.join(os.tmpdir(), 'carecast-bench-'))
    await fs.chmod(parent, 0o755)
    const server = await startEmbeddedPostgres({
      dataDir: path.join(parent, 'pg'),
      database: 'postgres',
    })
    adminUrl = server.url
    stopServer = server.stop
  }
  const name = `carecast_bench_${label}_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    server: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded Postgres 17, fsync on',
    stop: async () => {
      const client = new pg.Client({ connectionString: adminUrl })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await client.end()
      await stopServer()
      if (parent) await fs.rm(parent, { recursive: true, force: true })
    },
  }
}

/**
 * What every benchmark starts with: a fresh database, a channel-secrets key, Carecast's own config
 * booted on it and migrated. The environment is set before the config is loaded, since it reads it.
 */
export const benchPayload = async (label: string) => {
  const secretsKey = randomBytes(32).toString('hex')
  process.env.CARECAST_SECRETS_KEY = secretsKey
  process.env.LOG_LEVEL = 'error'
  const database = await benchDatabase(label)
  process.env.DATABASE_URL = database.url
  const { default: config } = await import('../payload.config')
  const payload = await getPayload({ config })
  await payload.db.migrate({ migrations: committedMigrations })
  return { payload, pool: (payload.db as unknown as { pool: pg.Pool }).pool, database, secretsKey }
}

/**
 * What every benchmark's JSON starts with: its name, when and at which commit it was measured
 * (the README quotes both with each figure), and the machine's core count.
 */
export const benchHeader = (benchmark: string) => {
  let commit: string | undefined
  try {
    commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim()
  } catch {
    commit = undefined // not a git checkout
  }
  return { benchmark, measuredAt: new Date().toISOString(), commit, cpus: os.cpus().length }
}
