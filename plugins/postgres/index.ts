/**
 * How Carecast's plugins run SQL of their own on Payload's Postgres adapter, written once.
 *
 * Glossary
 * - executor   runs one drizzle `SQL` and returns its rows. A plugin operation that writes its own
 *              table takes one, so the caller decides whether it runs inside a Payload transaction
 *              (`transactionExecutor(req)`: commits or rolls back with the change that caused it) or
 *              on the pool (`poolExecutor(pool)`).
 * - table name Payload's Postgres adapter names a collection's table after its slug, hyphens
 *              turned into underscores; `tableName` is the one place that rule is written.
 */
import { param, type SQL, sql } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import type { Payload, PayloadRequest } from 'payload'
import type { Pool } from 'pg'

export type Row = Record<string, unknown>
export type Executor = (query: SQL) => Promise<Row[]>

type DrizzleLike = { execute: (query: SQL) => Promise<{ rows: Row[] }> }
type AdapterSessions = {
  sessions?: Record<string | number, { db: DrizzleLike }>
  drizzle: DrizzleLike
  pool?: Pool
}

/** Payload's Postgres adapter names a collection's table after its slug, with underscores. */
export const tableName = (slug: string): string => slug.replace(/-/g, '_')

/** A quoted identifier (table or column) built from a slug or column name. */
export const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '')}"`)

const dialect = new PgDialect()

/** A drizzle SQL as node-postgres's text and values, for queries that run on a pg pool. */
export const toQuery = (query: SQL): { text: string; values: unknown[] } => {
  const { sql: text, params } = dialect.sqlToQuery(query)
  return { text, values: params }
}

/**
 * Runs SQL inside the request's Payload transaction (or on the adapter's connection when there is
 * none), so bulk statements commit or roll back together with the change that caused them.
 */
export const transactionExecutor =
  (req: PayloadRequest): Executor =>
  async (query) => {
    const adapter = req.payload.db as unknown as AdapterSessions
    const id = req.transactionID ? await req.transactionID : undefined
    const db = (id !== undefined && adapter.sessions?.[id]?.db) || adapter.drizzle
    return (await db.execute(query)).rows
  }

/** Runs SQL on a pg pool, outside any transaction. */
export const poolExecutor =
  (pool: Pool): Executor =>
  async (query) =>
    (await pool.query(toQuery(query))).rows

/** The pg pool Payload's Postgres adapter holds. */
export const poolOf = (payload: Payload): Pool => {
  const pool = (payload.db as unknown as AdapterSessions).pool
  if (!pool)
    throw new Error(
      'this Payload instance has no Postgres pool (the plugins need @payloadcms/db-postgres)',
    )
  return pool
}

// `param` passes a JS array as one Postgres array parameter (a bare array would be spread into a list).
export { param, sql, type SQL }
