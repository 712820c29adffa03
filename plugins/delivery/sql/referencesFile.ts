import { type Executor, ident, sql, tableName } from '../../postgres'

const SAFE_FILENAME = /^[\w.-]+$/

/**
 * Whether any live item references an uploaded file by name (its URL ends in `/file/<name>`).
 * The web channel puts a patient's photo in the projection only after the consent gate passed,
 * and a takedown deletes the projection, so "referenced here" means "published with consent".
 */
export const referencesFile = async (
  execute: Executor,
  slug: string,
  filename: string,
): Promise<boolean> => {
  if (!SAFE_FILENAME.test(filename)) return false
  const pattern = `%/file/${filename.replace(/[\\%_]/g, (char) => `\\${char}`)}"%`
  const rows = await execute(
    sql`SELECT 1 FROM ${ident(tableName(slug))} WHERE data::text LIKE ${pattern} LIMIT 1`,
  )
  return rows.length > 0
}
