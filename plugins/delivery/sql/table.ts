import { tableName } from '../../postgres'

/** The quoted table name, for the handler's hand-written statements. */
export const tableOf = (slug: string) => `"${tableName(slug)}"`
