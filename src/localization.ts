import type { LocalizationConfig } from 'payload'

/**
 * Carecast's languages, written once: Payload's `localization` (payload.config.ts), the delivery
 * API outside Payload (src/delivery/handler.ts), the serializers and the example site read this.
 */
export const localeCodes = ['en', 'es'] as const
export type LocaleCode = (typeof localeCodes)[number]
export const defaultLocale: LocaleCode = 'en'

const labels: Record<LocaleCode, string> = { en: 'English', es: 'Español' }

export const localization: LocalizationConfig = {
  locales: localeCodes.map((code) => ({ code, label: labels[code] })),
  defaultLocale,
  fallback: true,
}

/** A locale asked for (a query parameter), or the default when it is not one of ours. */
export const localeOr = (value: unknown): LocaleCode =>
  (localeCodes as readonly unknown[]).includes(value) ? (value as LocaleCode) : defaultLocale
