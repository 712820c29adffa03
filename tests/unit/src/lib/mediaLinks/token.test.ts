import { createHmac } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import {
  mediaLinkKey,
  secondsLeft,
  signMediaLink,
  verifyMediaLink,
} from '../../../../../src/lib/mediaLinks/token'

const key = mediaLinkKey('a-payload-secret-of-more-than-thirty-two-characters')
const NOW = Date.UTC(2026, 2, 1, 9, 0, 0)
const claims = { mediaId: 42, filename: 'maria-garden-1080x1080.jpg', expiresAt: NOW + 15 * 60_000 }

/** The token with one character of its MAC (not the last, whose low bits base64url ignores) changed. */
const withMacChanged = (token: string): string => {
  const at = token.length - 10
  const swapped = token[at] === 'A' ? 'B' : 'A'
  return `${token.slice(0, at)}${swapped}${token.slice(at + 1)}`
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('media link tokens', () => {
  it('round-trips: the claims come back until the expiry, to the second', () => {
    const token = signMediaLink(claims, key)
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    expect(verifyMediaLink(token, key, NOW)).toEqual(claims)
    expect(verifyMediaLink(token, key, claims.expiresAt - 1)).toEqual(claims)
  })

  it('refuses a token from its expiry on', () => {
    const token = signMediaLink(claims, key)
    expect(verifyMediaLink(token, key, claims.expiresAt)).toBeUndefined()
    expect(verifyMediaLink(token, key, claims.expiresAt + 60_000)).toBeUndefined()
  })

  it('refuses a token signed with another secret', () => {
    const other = mediaLinkKey('another-payload-secret-of-more-than-thirty-two-chars')
    expect(verifyMediaLink(signMediaLink(claims, other), key, NOW)).toBeUndefined()
  })

  it('derives its own key: an HMAC keyed with the raw secret does not pass', () => {
    const secret = 'a-payload-secret-of-more-than-thirty-two-characters'
    expect(mediaLinkKey(secret)).toHaveLength(32)
    expect(mediaLinkKey(secret).equals(Buffer.from(secret))).toBe(false)
    expect(verifyMediaLink(signMediaLink(claims, Buffer.from(secret)), key, NOW)).toBeUndefined()
  })

  it('refuses a changed MAC, in any spelling', () => {
    const token = signMediaLink(claims, key)
    expect(verifyMediaLink(withMacChanged(token), key, NOW)).toBeUndefined()
    // The last character carries two unused bits: another spelling of the same MAC is refused too.
    const last = token.at(-1)!
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const sameBits = alphabet[(alphabet.indexOf(last) & ~3) | ((alphabet.indexOf(last) + 1) & 3)]!
    const respelled = `${token.slice(0, -1)}${sameBits}`
    expect(Buffer.from(respelled.split('.')[1]!, 'base64url')).toEqual(
      Buffer.from(token.split('.')[1]!, 'base64url'),
    )
    expect(verifyMediaLink(respelled, key, NOW)).toBeUndefined()
  })

  it('refuses changed claims: another file, another document, a later expiry', () => {
    const [, mac] = signMediaLink(claims, key).split('.')
    for (const forged of [
      { m: 42, f: 'staff-only.png', e: claims.expiresAt / 1000 },
      { m: 43, f: claims.filename, e: claims.expiresAt / 1000 },
      { m: 42, f: claims.filename, e: claims.expiresAt / 1000 + 86_400 },
    ])
      expect(verifyMediaLink(`${encode(forged)}.${mac}`, key, NOW)).toBeUndefined()
  })

  it('refuses what is not a token at all, without throwing', () => {
    const token = signMediaLink(claims, key)
    for (const junk of [
      undefined,
      42,
      '',
      '.',
      'abc',
      token.replace('.', ''),
      `${token}.extra`,
      `${token.split('.')[0]}.${'A'.repeat(42)}`,
      `../${token}`,
      'x'.repeat(5000),
      `${'%'.repeat(10)}.${token.split('.')[1]}`,
    ])
      expect(verifyMediaLink(junk, key, NOW)).toBeUndefined()
  })

  it('refuses well-signed claims of the wrong shape', () => {
    for (const value of [
      null,
      [],
      { m: '42', f: claims.filename, e: 2_000_000_000 },
      { m: 0, f: claims.filename, e: 2_000_000_000 },
      { m: 1.5, f: claims.filename, e: 2_000_000_000 },
      { m: 42, f: '', e: 2_000_000_000 },
      { m: 42, f: claims.filename, e: '2000000000' },
    ]) {
      // MAC'd with the real key, as signMediaLink would, so only the shape check can refuse them.
      const body = encode(value)
      const mac = createHmac('sha256', key).update(body).digest('base64url')
      expect(verifyMediaLink(`${body}.${mac}`, key, NOW)).toBeUndefined()
    }
  })

  it('refuses to sign what it could not verify', () => {
    expect(() => signMediaLink({ ...claims, mediaId: 0 }, key)).toThrow(/positive integer/)
    expect(() => signMediaLink({ ...claims, filename: '' }, key)).toThrow(/filename/)
    expect(() => signMediaLink({ ...claims, expiresAt: Number.NaN }, key)).toThrow(/expiry/)
    expect(() => mediaLinkKey('')).toThrow(/secret/)
  })

  it('counts the whole seconds left, never below zero', () => {
    expect(secondsLeft(claims, NOW)).toBe(900)
    expect(secondsLeft(claims, NOW + 1500)).toBe(898)
    expect(secondsLeft(claims, claims.expiresAt + 5000)).toBe(0)
  })
})
