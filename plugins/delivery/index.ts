import type { Config, PayloadRequest } from 'payload'

import { deliveryItemsCollection } from './collections/deliveryItems'

export type DeliveryPluginOptions = {
  /** Slug of the projection collection. @default 'delivery-items' */
  slug?: string
  /** @default 'Publishing' */
  adminGroup?: string
  /** Who may look at the projection in the admin (staff checking what is live). @default nobody */
  canRead?: (req: PayloadRequest) => boolean
}

export const defaultDeliverySlug = 'delivery-items'

/**
 * The delivery side of "the web is a channel": the projection table the web channel writes.
 * (The read endpoints are the delivery API's own issue; this plugin owns the table they read.)
 */
export const deliveryPlugin =
  (options: DeliveryPluginOptions = {}) =>
  (config: Config): Config => ({
    ...config,
    collections: [...(config.collections ?? []), deliveryItemsCollection(options.slug ?? defaultDeliverySlug, options.adminGroup ?? 'Publishing', options.canRead ?? (() => false))],
  })

export { deliveryStore } from './store'
