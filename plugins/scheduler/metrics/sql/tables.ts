import type { SanitizedSchedulerConfig } from '../../defaults'
import { tableName } from '../../defaults'

/** The tables a metrics pass reads and writes, by their Postgres names. */
export const metricTables = (config: SanitizedSchedulerConfig) => ({
  watches: tableName(config.metrics.watchesSlug),
  snapshots: tableName(config.metrics.snapshotsSlug),
  days: tableName(config.metrics.daysSlug),
  budgets: tableName(config.metrics.budgetsSlug),
  publications: tableName(config.publicationsSlug),
  accounts: tableName(config.channelAccountsSlug),
})
