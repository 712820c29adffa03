import { createHash, createHmac } from 'node:crypto'

import type { Pool } from 'pg'

/**
 * Checks a Payload API key the way Payload does (HMAC-SHA256 of the key with Payload's derived
 * secret, looked up in the users table), without booting Payload on the fast path. Answers are
 * cached for a minute, so a key costs one query per minute, not one per request.
 */
export const apiKeyResolver = ({
  pool,
  usersTable,
  secret,
  ttlMs = 60_000,
  now = Date.now,
}: {
  pool: Pool
  usersTable: string
  secret: string
  ttlMs?: number
  now?: () => number
}) => {
  // Payload keys its HMAC with the first 32 hex characters of sha256(config.secret).
  const derived = createHash('sha256').update(secret).digest('hex').slice(0, 32)
  const cache = new Map<string, { valid: boolean; until: number }>()
  return async (apiKey: string): Promise<boolean> => {
    const index = createHmac('sha256', derived).update(apiKey).digest('hex')
    const hit = cache.get(index)
    if (hit && hit.until > now()) return hit.valid
    const { rowCount } = await pool.query({
      name: `delivery-api-key-${usersTable}`,
      text: `SELECT 1 FROM "${usersTable}" WHERE api_key_index = $1 AND enable_a_p_i_key IS TRUE LIMIT 1`,
      values: [index],
    })
    const valid = (rowCount ?? 0) > 0
    if (cache.size > 10_000) cache.clear()
    cache.set(index, { valid, until: now() + ttlMs })
    return valid
  }
}
