import type { SQL } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'

import { tableName } from '../../scheduler/defaults'
import { ident, param, sql } from '../cascade/txSql'
import type { SanitizedConsentConfig } from '../defaults'

/**
 * The rows of the outbox that rely on a consent record: through the document they publish or the
 * media they attach (any of `documents`), or the reliance stored at approval. A condition on the
 * publications table aliased `p`, shared by the cascade (in its transaction), the sweep and the report.
 */
export const relyingPublicationsWhere = (config: SanitizedConsentConfig, consentRecordId: number | string, documents: { collection: string; id: number | string }[]): SQL => {
  const byColumn = new Map<string, number[]>()
  for (const { collection, id } of documents) {
    const column = `${tableName(collection)}_id`
    byColumn.set(column, [...(byColumn.get(column) ?? []), Number(id)])
  }
  const matches = [...byColumn].map(([column, ids]) => sql`(r.path IN ('document', 'media') AND r.${ident(column)} = ANY(${param(ids)}::int[]))`)
  matches.push(sql`(r.path = 'reliesOnConsent' AND r.${ident(`${tableName(config.consentRecordsSlug)}_id`)} = ${Number(consentRecordId)})`)
  return sql`p.id IN (SELECT r.parent_id FROM ${ident(`${tableName(config.publicationsSlug)}_rels`)} r WHERE ${sql.join(matches, sql` OR `)})`
}

const dialect = new PgDialect()

/** A drizzle SQL as node-postgres's text and values, for the queries that run on the pool. */
export const toQuery = (query: SQL): { text: string; values: unknown[] } => {
  const { sql: text, params } = dialect.sqlToQuery(query)
  return { text, values: params }
}

export { ident, sql }
