import { describe, expect, it } from 'vitest'

import {
  decideRetry,
  RETRY_AFTER_CEILING_MS,
  retryDelayMs,
} from '../../../../plugins/scheduler/lib/retryPolicy'

const MINUTE = 60_000
const fixed = (value: number) => () => value

describe('retryDelayMs', () => {
  it('draws uniformly below base × 2^(attempt − 1)', () => {
    expect(retryDelayMs({ attempt: 1, random: fixed(0.5) })).toBe(500)
    expect(retryDelayMs({ attempt: 2, random: fixed(0.5) })).toBe(1000)
    expect(retryDelayMs({ attempt: 4, random: fixed(0.999) })).toBe(7992)
    expect(retryDelayMs({ attempt: 3, baseMs: 200, random: fixed(0.25) })).toBe(200)
  })

  it('can be 0 (full jitter), never negative', () => {
    expect(retryDelayMs({ attempt: 5, random: fixed(0) })).toBe(0)
    expect(retryDelayMs({ attempt: 0, random: fixed(0.5) })).toBe(500)
  })

  it('never goes past the cap, however many attempts', () => {
    expect(retryDelayMs({ attempt: 20, random: fixed(0.5) })).toBe(7.5 * MINUTE)
    expect(retryDelayMs({ attempt: 2000, random: fixed(0.999999) })).toBeLessThan(15 * MINUTE)
    expect(retryDelayMs({ attempt: 10, capMs: 10_000, random: fixed(0.5) })).toBe(5000)
  })

  it('waits at least Retry-After, even past the cap', () => {
    expect(retryDelayMs({ attempt: 1, retryAfterMs: 30_000, random: fixed(0.5) })).toBe(30_000)
    expect(retryDelayMs({ attempt: 1, retryAfterMs: 2 * 60 * MINUTE, random: fixed(0.5) })).toBe(
      2 * 60 * MINUTE,
    )
    // A jittered delay longer than Retry-After stands.
    expect(retryDelayMs({ attempt: 12, retryAfterMs: 1000, random: fixed(0.5) })).toBe(7.5 * MINUTE)
  })

  it('holds Retry-After to 24 hours and ignores one that is not a positive number', () => {
    expect(
      retryDelayMs({ attempt: 1, retryAfterMs: 3 * RETRY_AFTER_CEILING_MS, random: fixed(0) }),
    ).toBe(RETRY_AFTER_CEILING_MS)
    expect(retryDelayMs({ attempt: 1, retryAfterMs: -5, random: fixed(0.5) })).toBe(500)
    expect(retryDelayMs({ attempt: 1, retryAfterMs: Number.NaN, random: fixed(0.5) })).toBe(500)
  })

  it('uses Math.random when no random is given, staying in range', () => {
    for (let i = 0; i < 200; i++) {
      const delay = retryDelayMs({ attempt: 3 })
      expect(delay).toBeGreaterThanOrEqual(0)
      expect(delay).toBeLessThan(4000)
    }
  })
})

describe('decideRetry', () => {
  const now = new Date('2026-03-08T06:59:00.000Z')

  it('stops at once on a permanent error', () => {
    expect(
      decideRetry({
        attempts: 1,
        failure: { retryable: false, retryAfterMs: 1000 },
        now,
        random: fixed(0.5),
      }),
    ).toEqual({ action: 'fail', reason: 'permanent error' })
  })

  it('retries a retryable error at now + the backoff delay', () => {
    expect(
      decideRetry({ attempts: 3, failure: { retryable: true }, now, random: fixed(0.5) }),
    ).toEqual({ action: 'retry', at: new Date('2026-03-08T06:59:02.000Z') })
  })

  it('honours Retry-After', () => {
    expect(
      decideRetry({
        attempts: 1,
        failure: { retryable: true, retryAfterMs: 90_000 },
        now,
        random: fixed(0.1),
      }),
    ).toEqual({
      action: 'retry',
      at: new Date('2026-03-08T07:00:30.000Z'),
    })
  })

  it('gives up after maxAttempts attempts (8 by default)', () => {
    expect(
      decideRetry({ attempts: 7, failure: { retryable: true }, now, random: fixed(0) }).action,
    ).toBe('retry')
    expect(
      decideRetry({ attempts: 8, failure: { retryable: true }, now, random: fixed(0) }),
    ).toEqual({ action: 'fail', reason: 'gave up after 8 attempts' })
    expect(
      decideRetry({
        attempts: 3,
        maxAttempts: 3,
        failure: { retryable: true },
        now,
        random: fixed(0),
      }),
    ).toEqual({ action: 'fail', reason: 'gave up after 3 attempts' })
  })

  it('passes base and cap through to the delay', () => {
    const decision = decideRetry({
      attempts: 6,
      failure: { retryable: true },
      now,
      random: fixed(0.5),
      baseMs: 100,
      capMs: 1000,
    })
    expect(decision).toEqual({ action: 'retry', at: new Date(now.getTime() + 500) })
  })
})
