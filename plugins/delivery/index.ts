import type { Config } from 'payload'

import { deliveryItemsCollection } from './collections/deliveryItems'
import { DELIVERY_CUSTOM_KEY } from './config'
import { sanitizeDeliveryOptions } from './defaults'
import type { DeliveryPluginOptions } from './types'

/**
 * The delivery side of "the web is a channel": the projection table the web channel writes
 * (through `deliveryStore`) and `/delivery/v1` reads (through `createDeliveryHandler`, a plain
 * fetch handler on its own pg pool, mounted by the host outside Payload's routes: going through
 * Payload's `find` would cost the API most of its speed). Its locales are Payload's own
 * (`localization`), resolved once with the other options.
 */
export const deliveryPlugin =
  (options: DeliveryPluginOptions = {}) =>
  (incoming: Config): Config => {
    const config = sanitizeDeliveryOptions(options, incoming.localization)
    return {
      ...incoming,
      collections: [
        ...(incoming.collections ?? []),
        deliveryItemsCollection(config.slug, config.adminGroup, config.canRead),
      ],
      custom: { ...incoming.custom, [DELIVERY_CUSTOM_KEY]: config },
    }
  }

export { deliveryConfigOf } from './config'
export { deliveryDefaults, type SanitizedDeliveryConfig } from './defaults'
export type { DeliveryHandlerOptions, DeliveryLocalization, DeliveryPluginOptions } from './types'
export { deliveryStore, type DeliveryStoreOptions } from './store'
export { apiKeyResolver } from './api/apiKeys'
export { createDeliveryHandler } from './api/handler'
export { liveRelated } from './sql/liveRelated'
export { removeItems } from './operations/removeItems'
export { referencesFile } from './sql/referencesFile'
export type { CaptionInput, ProjectionInput } from './schemas/projection'
