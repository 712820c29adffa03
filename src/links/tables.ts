import { tableName } from '../../plugins/postgres'
import type { LinkTables, ViewTables } from '../../plugins/links'
import { slugs } from '../slugs'

export const linkTables: LinkTables = {
  links: tableName(slugs.shortLinks),
  clicks: tableName(slugs.linkClicks),
  publications: tableName(slugs.publications),
}

export const viewTables: ViewTables = {
  views: tableName(slugs.itemViews),
  items: tableName(slugs.deliveryItems),
}
