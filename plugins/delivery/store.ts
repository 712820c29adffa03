import type { Payload } from 'payload'

import type { WebProjection, WebStore } from '../channels'
import { deliveryPaths } from './api/paths'
import { prepareRows } from './prepare'
import { ProjectionInput } from './schemas/projection'
import { liveRelated } from './sql/liveRelated'
import { poolExecutor, poolOf } from '../postgres'
import { deliveryConfigOf } from './config'
import { removeItems } from './operations/removeItems'
import { upsertItems } from './sql/upsertItems'

/** An error the web channel does not retry: the same document would be refused again. */
const permanent = (message: string) => Object.assign(new Error(message), { permanent: true })

export type DeliveryStoreOptions = {
  /** @default () => new Date() */
  now?: () => Date
}

/**
 * The web channel's store: plain SQL on the delivery table — this is the write half of the fast
 * path, and Payload's create/update would add hooks and versions the projection does not need.
 */
export const deliveryStore = (payload: Payload, options: DeliveryStoreOptions = {}): WebStore => {
  const config = deliveryConfigOf(payload)
  const { slug } = config
  const pool = poolOf(payload)
  const paths = deliveryPaths(config.basePath)
  return {
    async put(projection: WebProjection) {
      const parsed = ProjectionInput.safeParse(projection.data)
      if (!parsed.success)
        throw permanent(
          `the serialized document is not a delivery projection: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`,
        )
      const input = parsed.data
      if (input.withheld) throw permanent(input.withheld)
      const unknown = Object.keys(input.locales).find((locale) => !config.locales.includes(locale))
      if (unknown)
        throw permanent(
          `the serialized document has a "${unknown}" locale, which is not one of the configured locales (${config.locales.join(', ')})`,
        )
      if (!input.locales[config.defaultLocale])
        throw permanent(
          `the serialized document has no ${config.defaultLocale} (default locale) fields`,
        )
      const key = `${input.type}/${input.slug}`
      const relatedKeys = Object.entries(input.related ?? {}).flatMap(([type, slugs]) =>
        (slugs ?? []).map((related) => `${type}/${related}`),
      )
      const live = await liveRelated(pool, slug, relatedKeys)
      let rows
      try {
        rows = prepareRows(input, live, paths, config.jsonLd, (options.now ?? (() => new Date()))())
      } catch (error) {
        throw permanent((error as Error).message)
      }
      await upsertItems(pool, slug, key, projection.publicationId, rows)
      return { key, path: paths.item(input.type, input.slug) }
    },
    async remove(key: string) {
      return (await removeItems(poolExecutor(pool), slug, [key])) > 0
    },
  }
}
