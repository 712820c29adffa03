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
 * The delivery side of "the web is a channel": the projection table the web channel writes
 * (through `deliveryStore`) and `/delivery/v1` reads (through `createDeliveryHandler`, a plain
 * fetch handler on its own pg pool, mounted by the host outside Payload's routes: going through
 * Payload's `find` would cost the API most of its speed).
 */
export const deliveryPlugin =
  (options: DeliveryPluginOptions = {}) =>
  (config: Config): Config => ({
    ...config,
    collections: [...(config.collections ?? []), deliveryItemsCollection(options.slug ?? defaultDeliverySlug, options.adminGroup ?? 'Publishing', options.canRead ?? (() => false))],
  })

export { deliveryStore, type DeliveryStoreOptions } from './store'
export { apiKeyResolver } from './api/apiKeys'
export { createDeliveryHandler, type DeliveryHandlerOptions } from './api/handler'
export { liveRelated } from './sql/liveRelated'
export { removeItems } from './operations/removeItems'
export type { CaptionInput, ProjectionInput } from './schemas/projection'
export { deliveryClient, DeliveryError, type ListOptions } from './client'
