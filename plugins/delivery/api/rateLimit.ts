/**
 * Rate-limit tiers for the public API: a token bucket per client. Anonymous callers are counted
 * per address; a caller sending a front-end API key is counted per key, with a larger allowance
 * (a site build or an app behind many users). In memory, per process: with several servers each
 * enforces its own share, which is what an origin behind a CDN needs — the CDN absorbs the rest.
 */
export type Tier = { perMinute: number; burst?: number }

export type RateDecision = {
  ok: boolean
  limit: number
  remaining: number
  retryAfterSeconds: number
  resetSeconds: number
}

type Bucket = { tokens: number; updatedAt: number }

export const createRateLimiter = ({
  maxClients = 50_000,
  now = Date.now,
}: { maxClients?: number; now?: () => number } = {}) => {
  const buckets = new Map<string, Bucket>()
  return (client: string, tier: Tier): RateDecision => {
    const capacity = tier.burst ?? tier.perMinute
    const perMs = tier.perMinute / 60_000
    const at = now()
    let bucket = buckets.get(client)
    if (!bucket) {
      // Oldest first out: a flood of new addresses can't grow memory without bound.
      if (buckets.size >= maxClients) buckets.delete(buckets.keys().next().value as string)
      bucket = { tokens: capacity, updatedAt: at }
      buckets.set(client, bucket)
    } else {
      bucket.tokens = Math.min(capacity, bucket.tokens + (at - bucket.updatedAt) * perMs)
      bucket.updatedAt = at
    }
    const ok = bucket.tokens >= 1
    if (ok) bucket.tokens -= 1
    const missing = Math.max(0, 1 - bucket.tokens)
    return {
      ok,
      limit: capacity,
      remaining: Math.floor(bucket.tokens),
      retryAfterSeconds: ok ? 0 : Math.max(1, Math.ceil(missing / perMs / 1000)),
      resetSeconds: Math.ceil((capacity - bucket.tokens) / perMs / 1000),
    }
  }
}
