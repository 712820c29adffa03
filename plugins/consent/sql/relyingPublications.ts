import { type Executor, ident, param, type SQL, sql, tableName } from '../../postgres'
import type { SanitizedConsentConfig } from '../defaults'

/**
 * The rows of the outbox that rely on a consent record: through the document they publish or the
 * media they attach (any of `documents`), or the reliance stored at approval (`reliesOnConsent`,
 * the field this plugin adds to publications). A condition on the publications table aliased `p`,
 * shared by the cascade (in its transaction), the sweep and the report. It only reads the outbox:
 * changes go through the scheduler's operations.
 */
export const relyingPublicationsWhere = (
  config: SanitizedConsentConfig,
  consentRecordId: number | string,
  documents: { collection: string; id: number | string }[],
): SQL => {
  const byColumn = new Map<string, number[]>()
  for (const { collection, id } of documents) {
    const column = `${tableName(collection)}_id`
    byColumn.set(column, [...(byColumn.get(column) ?? []), Number(id)])
  }
  const matches = [...byColumn].map(
    ([column, ids]) =>
      sql`(r.path IN ('document', 'media') AND r.${ident(column)} = ANY(${param(ids)}::int[]))`,
  )
  matches.push(
    sql`(r.path = 'reliesOnConsent' AND r.${ident(`${tableName(config.consentRecordsSlug)}_id`)} = ${Number(consentRecordId)})`,
  )
  return sql`p.id IN (SELECT r.parent_id FROM ${ident(`${tableName(config.publicationsSlug)}_rels`)} r WHERE ${sql.join(matches, sql` OR `)})`
}

/** The relying rows' ids, locked for the rest of the caller's transaction (a cascade in progress). */
export const lockRelyingPublications = async (
  execute: Executor,
  config: SanitizedConsentConfig,
  consentRecordId: number | string,
  documents: { collection: string; id: number | string }[],
): Promise<number[]> => {
  const rows = await execute(
    sql`SELECT p.id FROM ${ident(tableName(config.publicationsSlug))} p WHERE ${relyingPublicationsWhere(config, consentRecordId, documents)} ORDER BY p.id FOR UPDATE OF p`,
  )
  return rows.map((row) => Number(row.id))
}
