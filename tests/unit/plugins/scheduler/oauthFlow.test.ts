import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import {
  accountIdOf,
  cookieValue,
  flowCookie,
  flowMismatch,
  redirectUriOf,
  stateFor,
} from '../../../../plugins/scheduler/oauth/flow'
import { codeChallenge, codeVerifier, hashOf } from '../../../../plugins/scheduler/oauth/pkce'

describe('PKCE (RFC 7636)', () => {
  it('makes a 43-character verifier of the unreserved set, different each time', () => {
    const verifier = codeVerifier()
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(codeVerifier()).not.toBe(verifier)
  })

  it("computes the S256 challenge of the RFC's own example", () => {
    // RFC 7636, Appendix B.
    expect(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    )
  })
})

describe('the connection flow', () => {
  const now = new Date('2026-12-04T12:00:00Z')
  const pending = {
    stateHash: hashOf('7.abc'),
    nonceHash: hashOf('nonce-1'),
    by: 3,
    at: new Date(now.getTime() - 60_000).toISOString(),
  }

  it('carries the account in the state and finds it again', () => {
    expect(stateFor(7, 'abc')).toBe('7.abc')
    expect(accountIdOf('7.abc')).toBe('7')
    expect(accountIdOf('abc')).toBeNull()
    expect(accountIdOf('../7.abc')).toBeNull()
  })

  it('accepts the callback of the same state, browser and person within ten minutes', () => {
    expect(flowMismatch(pending, { state: '7.abc', nonce: 'nonce-1', userId: 3, now })).toBeNull()
  })

  it('refuses another state, browser, person, a late answer, or no flow at all', () => {
    const ok = { state: '7.abc', nonce: 'nonce-1', userId: 3, now }
    expect(flowMismatch(pending, { ...ok, state: '7.abd' })).toMatch(/does not belong/)
    expect(flowMismatch(pending, { ...ok, nonce: null })).toMatch(/another browser/)
    expect(flowMismatch(pending, { ...ok, nonce: 'nonce-2' })).toMatch(/another browser/)
    expect(flowMismatch(pending, { ...ok, userId: 4 })).toMatch(/someone else/)
    expect(flowMismatch(pending, { ...ok, userId: undefined })).toMatch(/someone else/)
    expect(flowMismatch(pending, { ...ok, now: new Date(now.getTime() + 10 * 60_000) })).toMatch(
      /longer than 10 minutes/,
    )
    expect(flowMismatch(null, ok)).toMatch(/no connection was started/)
  })

  it('keeps only hashes of the state and nonce', () => {
    expect(hashOf('x')).toBe(createHash('sha256').update('x').digest('hex'))
  })

  it('binds the cookie to the callback path, HttpOnly and Lax, Secure on https', () => {
    expect(flowCookie('n', 'channel-accounts', true)).toBe(
      'carecast-oauth=n; Path=/api/channel-accounts/oauth; HttpOnly; SameSite=Lax; Max-Age=600; Secure',
    )
    expect(flowCookie('n', 'channel-accounts', false)).not.toContain('Secure')
    expect(cookieValue('a=1; carecast-oauth=n2; b=2')).toBe('n2')
    expect(cookieValue(null)).toBeNull()
  })

  it('sends the network back to the callback on the public origin', () => {
    expect(redirectUriOf('https://carecast.example/', 'channel-accounts')).toBe(
      'https://carecast.example/api/channel-accounts/oauth/callback',
    )
  })
})
