import type { SanitizedDeliveryConfig } from './defaults'

export const DELIVERY_CUSTOM_KEY = 'carecastDelivery'

/** The plugin's resolved options, from a booted Payload. */
export const deliveryConfigOf = (payload: {
  config: { custom?: Record<string, unknown> }
}): SanitizedDeliveryConfig => {
  const config = payload.config.custom?.[DELIVERY_CUSTOM_KEY] as SanitizedDeliveryConfig | undefined
  if (!config) throw new Error('deliveryPlugin is not installed in this Payload config')
  return config
}
