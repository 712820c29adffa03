import pg from 'pg'

import { apiKeyResolver, createDeliveryHandler } from '../../plugins/delivery'
import { payloadSecret } from '../lib/payloadSecret'
import { localization } from '../localization'
import { slugs } from '../slugs'

const perMinute = (name: string, fallback: number): number => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0)
    throw new Error(
      `${name} must be a whole number of requests per minute (0 turns limiting off), not "${raw}".`,
    )
  return value
}

type Handler = (request: Request) => Promise<Response>

// One pool and two handlers per process, kept on globalThis so Next's dev reloads don't open a
// new pool on every edit. The delivery API reads the projection table directly, never Payload.
const holder = globalThis as unknown as {
  carecastDelivery?: { public: Handler; inProcess: Handler }
}

const build = () => {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DELIVERY_POOL_MAX ?? 10),
  })
  // Without a listener, a Postgres restart that drops an idle connection would crash the process.
  pool.on('error', (error) => console.error('delivery pool:', error.message))
  const anonymous = perMinute('DELIVERY_RATE_LIMIT', 600)
  const withKey = perMinute('DELIVERY_RATE_LIMIT_KEY', 6000)
  return {
    public: createDeliveryHandler({
      pool,
      slug: slugs.deliveryItems,
      localization,
      rateLimit:
        anonymous === 0
          ? undefined
          : {
              anonymous: { perMinute: anonymous, burst: Math.max(20, Math.ceil(anonymous / 6)) },
              withKey: {
                perMinute: Math.max(withKey, anonymous),
                burst: Math.max(100, Math.ceil(withKey / 6)),
              },
              checkApiKey: apiKeyResolver({
                pool,
                usersTable: slugs.users,
                secret: payloadSecret(),
              }),
              usersSlug: slugs.users,
            },
    }),
    // The example site renders through the API in-process: its pages are ours, so the tiers (which
    // count callers over HTTP) don't apply to them.
    inProcess: createDeliveryHandler({ pool, slug: slugs.deliveryItems, localization }),
  }
}

/** The handler /delivery/v1 serves over HTTP, with the rate-limit tiers. */
export const deliveryHandler = (): Handler => (holder.carecastDelivery ??= build()).public

/** The same API without the tiers, for server-side rendering inside this app. */
export const inProcessDeliveryHandler = (): Handler =>
  (holder.carecastDelivery ??= build()).inProcess
