import type { PayloadRequest } from 'payload'

import type { CachePolicy } from './api/respond'
import type { JsonLdOptions } from './jsonLd'
import type { DeliveryHandlerOptions, DeliveryLocalization, DeliveryPluginOptions } from './types'

/** Every default the plugin has, written once. */
export const deliveryDefaults = {
  slug: 'delivery-items',
  adminGroup: 'Publishing',
  basePath: '/delivery/v1',
  defaultLimit: 20,
  maxLimit: 100,
  cache: { maxAge: 60, staleWhileRevalidate: 300 } satisfies CachePolicy,
  calendarName: 'Events',
} as const

export type SanitizedDeliveryConfig = {
  slug: string
  adminGroup: string
  canRead: (req: PayloadRequest) => boolean
  basePath: string
  jsonLd: JsonLdOptions
  /** Locale codes from Payload's localization config, the default first. */
  locales: readonly string[]
  defaultLocale: string
}

/** Locale codes and the default, read from Payload's `localization` (which takes codes or `{ code }`s). */
export const localesOf = (
  localization: DeliveryLocalization | undefined,
): { locales: string[]; defaultLocale: string } => {
  if (!localization) return { locales: ['en'], defaultLocale: 'en' }
  const codes = localization.locales.map((locale) =>
    typeof locale === 'string' ? locale : locale.code,
  )
  const defaultLocale = localization.defaultLocale ?? codes[0]
  return {
    locales: [defaultLocale, ...codes.filter((code) => code !== defaultLocale)],
    defaultLocale,
  }
}

export const sanitizeDeliveryOptions = (
  options: DeliveryPluginOptions,
  localization: DeliveryLocalization | undefined,
): SanitizedDeliveryConfig => ({
  slug: options.slug ?? deliveryDefaults.slug,
  adminGroup: options.adminGroup ?? deliveryDefaults.adminGroup,
  canRead: options.canRead ?? (() => false),
  basePath: (options.basePath ?? deliveryDefaults.basePath).replace(/\/$/, ''),
  jsonLd: options.jsonLd ?? {},
  ...localesOf(localization),
})

export type SanitizedHandlerOptions = Required<
  Omit<DeliveryHandlerOptions, 'rateLimit' | 'localization'>
> &
  Pick<DeliveryHandlerOptions, 'rateLimit'> & { locales: readonly string[]; defaultLocale: string }

export const sanitizeHandlerOptions = (
  options: DeliveryHandlerOptions,
): SanitizedHandlerOptions => ({
  ...options,
  slug: options.slug ?? deliveryDefaults.slug,
  basePath: (options.basePath ?? deliveryDefaults.basePath).replace(/\/$/, ''),
  defaultLimit: options.defaultLimit ?? deliveryDefaults.defaultLimit,
  maxLimit: options.maxLimit ?? deliveryDefaults.maxLimit,
  cache: options.cache ?? deliveryDefaults.cache,
  calendarName: options.calendarName ?? deliveryDefaults.calendarName,
  onError: options.onError ?? ((error: unknown) => console.error('delivery API:', error)),
  ...localesOf(options.localization),
})
