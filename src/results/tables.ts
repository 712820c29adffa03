import { tableName } from '../../plugins/postgres'
import { slugs } from '../slugs'

/** Every table the results read, by its Postgres name (all from the one slug list). */
export const resultTables = {
  campaigns: tableName(slugs.campaigns),
  stories: tableName(slugs.patientStories),
  events: tableName(slugs.communityEvents),
  videos: tableName(slugs.videoAssets),
  publications: tableName(slugs.publications),
  accounts: tableName(slugs.channelAccounts),
  snapshots: tableName(slugs.metricSnapshots),
  days: tableName(slugs.metricDays),
  links: tableName(slugs.shortLinks),
  clicks: tableName(slugs.linkClicks),
  views: tableName(slugs.itemViews),
  items: tableName(slugs.deliveryItems),
}
