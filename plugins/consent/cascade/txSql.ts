import { param, type SQL, sql } from 'drizzle-orm'
import type { PayloadRequest } from 'payload'

type Sessions = { sessions?: Record<string | number, { db: { execute: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }> } }>; drizzle: { execute: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }> } }

/**
 * Runs SQL inside the request's Payload transaction (or on the pool when there is none), so the
 * cascade's bulk statements commit or roll back together with the change that caused them.
 */
export const txExecute = async (req: PayloadRequest, query: SQL): Promise<Record<string, unknown>[]> => {
  const adapter = req.payload.db as unknown as Sessions
  const id = req.transactionID ? await req.transactionID : undefined
  const db = (id !== undefined && adapter.sessions?.[id]?.db) || adapter.drizzle
  const result = await db.execute(query)
  return result.rows
}

export const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '')}"`)

// `param` passes a JS array as one Postgres array parameter (a bare array would be spread into a list).
export { param, sql }
