import type { Payload } from 'payload'
import type { Pool } from 'pg'

import type { WebProjection, WebStore } from '../channels'
import { deliveryPaths } from './api/paths'
import type { JsonLdOptions } from './jsonLd'
import { prepareRows } from './prepare'
import { ProjectionInput } from './schemas/projection'
import { liveRelated } from './sql/liveRelated'
import { removeItem } from './sql/removeItem'
import { upsertItems } from './sql/upsertItems'

/** An error the web channel does not retry: the same document would be refused again. */
const permanent = (message: string) => Object.assign(new Error(message), { permanent: true })

export type DeliveryStoreOptions = {
  /** @default '/delivery/v1' */
  basePath?: string
  jsonLd?: JsonLdOptions
  /** @default () => new Date() */
  now?: () => Date
}

/**
 * The web channel's store: plain SQL on the delivery table — this is the write half of the fast
 * path, and Payload's create/update would add hooks and versions the projection does not need.
 */
export const deliveryStore = (payload: Payload, slug: string, options: DeliveryStoreOptions = {}): WebStore => {
  const pool = (payload.db as unknown as { pool: Pool }).pool
  const paths = deliveryPaths(options.basePath ?? '/delivery/v1')
  return {
    async put(projection: WebProjection) {
      const parsed = ProjectionInput.safeParse(projection.data)
      if (!parsed.success) throw permanent(`the serialized document is not a delivery projection: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`)
      const input = parsed.data
      if (input.withheld) throw permanent(input.withheld)
      const key = `${input.type}/${input.slug}`
      const relatedKeys = Object.entries(input.related ?? {}).flatMap(([type, slugs]) => (slugs ?? []).map((related) => `${type}/${related}`))
      const live = await liveRelated(pool, slug, relatedKeys)
      let rows
      try {
        rows = prepareRows(input, live, paths, options.jsonLd ?? {}, (options.now ?? (() => new Date()))())
      } catch (error) {
        throw permanent((error as Error).message)
      }
      await upsertItems(pool, slug, key, projection.publicationId, rows)
      return { key, path: paths.item(input.type, input.slug) }
    },
    async remove(key: string) {
      return (await removeItem(pool, slug, key)) > 0
    },
  }
}
