import { describe, expect, it } from 'vitest'

import { createRateLimiter } from '../../../../plugins/delivery/api/rateLimit'

describe('delivery rate limiter (token bucket)', () => {
  it('allows a burst, then refills at the per-minute rate', () => {
    let now = 0
    const take = createRateLimiter({ now: () => now })
    const tier = { perMinute: 60, burst: 2 }
    expect([take('a', tier).ok, take('a', tier).ok, take('a', tier).ok]).toEqual([
      true,
      true,
      false,
    ])
    expect(take('a', tier).retryAfterSeconds).toBe(1)
    now += 1000
    expect(take('a', tier)).toMatchObject({ ok: true, remaining: 0 })
    expect(take('b', tier).ok).toBe(true)
  })

  it('forgets the oldest client first when it holds too many', () => {
    const take = createRateLimiter({ maxClients: 2, now: () => 0 })
    const tier = { perMinute: 60, burst: 1 }
    take('a', tier)
    take('b', tier)
    take('c', tier)
    // "a" was dropped, so it starts with a full bucket again; "b" is still spent.
    expect(take('a', tier).ok).toBe(true)
    expect(take('c', tier).ok).toBe(false)
  })
})
