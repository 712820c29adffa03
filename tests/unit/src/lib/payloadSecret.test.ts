import { describe, expect, it } from 'vitest'

import { StartupError } from '../../../../src/db/StartupError'
import { payloadSecret } from '../../../../src/lib/payloadSecret'

describe('payloadSecret', () => {
  it('uses PAYLOAD_SECRET when given', () => {
    expect(payloadSecret({ PAYLOAD_SECRET: 'x'.repeat(40), NODE_ENV: 'production' })).toBe(
      'x'.repeat(40),
    )
  })

  it('has a development default, but none in production', () => {
    expect(payloadSecret({ NODE_ENV: 'development' })).toMatch(/development/)
    expect(() => payloadSecret({ NODE_ENV: 'production' })).toThrow(StartupError)
    expect(() => payloadSecret({ NODE_ENV: 'production' })).toThrow(
      /PAYLOAD_SECRET is required in production/,
    )
  })

  it('rejects a short secret in production', () => {
    expect(() => payloadSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 'short' })).toThrow(
      /at least 32 characters/,
    )
  })

  it('lets `next build` evaluate the config without the runtime secret', () => {
    expect(
      payloadSecret({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }),
    ).toBeTruthy()
  })
})
