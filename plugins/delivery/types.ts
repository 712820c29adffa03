/**
 * The delivery plugin's options and shapes.
 *
 * Glossary
 * - projection   what the web channel writes when a document is published to the web: its public
 *                fields only, per locale, parsed with the strict response schemas. One row per item
 *                and locale in the delivery table; the delivery API reads nothing else.
 * - item key     `type/slug` (e.g. `stories/maria-heart`): the row's identity and the web
 *                publication's remote id, so a retraction deletes exactly what the publish wrote.
 * - embed        a related item copied into another item's projection in summary form (a campaign's
 *                stories); removing an item strips it from every item that embeds it.
 * - handler      `/delivery/v1` as a plain `(request) => Promise<Response>` on its own pg pool,
 *                mounted by the host outside Payload's routes (Payload's `find` would cost most of
 *                its speed).
 */
import type { Config, PayloadRequest } from 'payload'
import type { Pool } from 'pg'

import type { JsonLdOptions } from './jsonLd'
import type { Tier } from './api/rateLimit'
import type { CachePolicy } from './api/respond'

export type DeliveryPluginOptions = {
  /** Slug of the projection collection. @default 'delivery-items' */
  slug?: string
  /** @default 'Publishing' */
  adminGroup?: string
  /** Who may look at the projection in the admin (staff checking what is live). @default nobody */
  canRead?: (req: PayloadRequest) => boolean
  /** Where the handler is mounted; item paths and caption URLs are built under it. @default '/delivery/v1' */
  basePath?: string
  /** Publisher and site details for each item's schema.org JSON-LD. @default {} */
  jsonLd?: JsonLdOptions
}

/** Payload's `localization` config, as the delivery plugin reads it (false: one locale, `en`). */
export type DeliveryLocalization = Config['localization']

export type DeliveryHandlerOptions = Pick<DeliveryPluginOptions, 'slug' | 'basePath'> & {
  /** One pool per process (DATABASE_URL); the handler never goes through Payload. */
  pool: Pool
  /** The host's Payload `localization` config, the same object `buildConfig` gets. @default one locale, 'en' */
  localization?: DeliveryLocalization
  /** @default 20 */
  defaultLimit?: number
  /** @default 100 */
  maxLimit?: number
  /** For a CDN: fresh for a minute, then served stale while it refetches. @default { maxAge: 60, staleWhileRevalidate: 300 } */
  cache?: CachePolicy
  /** @default 'Events' */
  calendarName?: string
  /** Told about an unexpected failure (the response says only that it failed). @default console.error */
  onError?: (error: unknown) => void
  /**
   * Rate-limit tiers; absent, nothing is limited. A request with `Authorization: <users> API-Key <key>`
   * whose key `checkApiKey` accepts is counted per key at `withKey`; any other per client address
   * (`clientOf`) at `anonymous`.
   */
  rateLimit?: {
    anonymous: Tier
    withKey: Tier
    checkApiKey: (apiKey: string) => Promise<boolean>
    /** @default the `x-carecast-client` header the server sets, else 'unknown' */
    clientOf?: (request: Request) => string
    /** The prefix before ` API-Key ` in the Authorization header. @default 'users' */
    usersSlug?: string
  }
}
