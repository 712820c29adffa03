import pg from 'pg'

import { createDeliveryHandler } from '../../plugins/delivery'
import { slugs } from '../slugs'

// One pool and one handler per process, kept on globalThis so Next's dev reloads don't open a
// new pool on every edit. The delivery API reads the projection table directly, never Payload.
const holder = globalThis as unknown as { carecastDelivery?: (request: Request) => Promise<Response> }

export const deliveryHandler = () => {
  if (!holder.carecastDelivery) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DELIVERY_POOL_MAX ?? 10) })
    // Without a listener, a Postgres restart that drops an idle connection would crash the process.
    pool.on('error', (error) => console.error('delivery pool:', error.message))
    holder.carecastDelivery = createDeliveryHandler({ pool, slug: slugs.deliveryItems })
  }
  return holder.carecastDelivery
}
