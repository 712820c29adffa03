import { randomBytes } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import {
  decryptSecret,
  encryptSecret,
  isEncrypted,
  parseSecretsKey,
} from '../../../../plugins/scheduler/lib/secrets'

const raw = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex')
const key = raw
const otherKey = randomBytes(32)

/** The stored value with one byte of one part flipped, re-encoded so the format stays valid. */
const tamper = (stored: string, part: 1 | 2 | 3) => {
  const parts = stored.split('.')
  const bytes = Buffer.from(parts[part], 'base64url')
  bytes[0] ^= 0x01
  parts[part] = bytes.toString('base64url')
  return parts.join('.')
}

describe('parseSecretsKey', () => {
  it('accepts 64 hex characters, base64 and base64url of 32 bytes, with surrounding whitespace', () => {
    expect(parseSecretsKey(raw.toString('hex'))).toEqual(raw)
    expect(parseSecretsKey(raw.toString('hex').toUpperCase())).toEqual(raw)
    expect(parseSecretsKey(raw.toString('base64'))).toEqual(raw)
    expect(parseSecretsKey(raw.toString('base64url'))).toEqual(raw)
    expect(parseSecretsKey(`${raw.toString('base64')}\n`)).toEqual(raw)
    const slashy = Buffer.alloc(32, 0xff)
    expect(parseSecretsKey(slashy.toString('base64url'))).toEqual(slashy)
  })

  it('says the variable is not set when it is missing or blank', () => {
    expect(() => parseSecretsKey(undefined)).toThrow(
      'CARECAST_SECRETS_KEY is not set; set it to 32 random bytes as 64 hex characters or base64 (e.g. the output of `openssl rand -hex 32`).',
    )
    expect(() => parseSecretsKey('   ', 'SCHEDULER_KEY')).toThrow(/^SCHEDULER_KEY is not set;/)
  })

  it.each([
    ['63 hex characters', raw.toString('hex').slice(1)],
    ['16 bytes of base64', randomBytes(16).toString('base64')],
    ['48 bytes of base64', randomBytes(48).toString('base64')],
    ['base64 with a typo in the last character', `${raw.toString('base64url').slice(0, 42)}B`],
    ['a passphrase', 'correct horse battery staple'],
  ])('refuses %s, naming the variable and not echoing the value', (_, value) => {
    let message = ''
    try {
      parseSecretsKey(value, 'CARECAST_SECRETS_KEY')
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/^CARECAST_SECRETS_KEY is not a valid key; /)
    expect(message).not.toContain(value.trim())
  })
})

describe('encryptSecret / decryptSecret', () => {
  it('round-trips, including empty and non-ASCII secrets', () => {
    for (const plain of ['EAAG-page-token-123', '', 'mot de passe: é😀'])
      expect(decryptSecret(encryptSecret(plain, key), key)).toBe(plain)
  })

  it('writes v1.<iv>.<tag>.<ciphertext> in base64url with a 12-byte IV and a fresh IV each time', () => {
    const a = encryptSecret('same secret', key)
    const b = encryptSecret('same secret', key)
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/)
    expect(Buffer.from(a.split('.')[1], 'base64url')).toHaveLength(12)
    expect(Buffer.from(a.split('.')[2], 'base64url')).toHaveLength(16)
    expect(a).not.toBe(b)
    expect(a).not.toContain('same secret')
  })

  it('refuses a wrong key or an altered IV, tag or ciphertext, without echoing anything', () => {
    const plain = 'whsec_supersecretvalue'
    const stored = encryptSecret(plain, key)
    const attempts = [
      () => decryptSecret(stored, otherKey),
      () => decryptSecret(tamper(stored, 1), key),
      () => decryptSecret(tamper(stored, 2), key),
      () => decryptSecret(tamper(stored, 3), key),
    ]
    for (const attempt of attempts) {
      expect(attempt).toThrow(
        'The stored secret could not be decrypted: the key is wrong, the value was altered, or it belongs to another account or field.',
      )
      try {
        attempt()
      } catch (error) {
        const message = (error as Error).message
        expect(message).not.toContain(plain)
        expect(message).not.toContain(key.toString('hex'))
        expect(message).not.toContain(stored)
      }
    }
  })

  it('binds the ciphertext to its AAD, so it cannot move to another account or field', () => {
    const stored = encryptSecret('token', key, 'acct_1:accessToken')
    expect(decryptSecret(stored, key, 'acct_1:accessToken')).toBe('token')
    expect(() => decryptSecret(stored, key, 'acct_2:accessToken')).toThrow(/could not be decrypted/)
    expect(() => decryptSecret(stored, key)).toThrow(/could not be decrypted/)
    expect(() => decryptSecret(encryptSecret('token', key), key, 'acct_1:accessToken')).toThrow(
      /could not be decrypted/,
    )
  })

  it('refuses values that are not in the v1 format, and keys that are not 32 bytes', () => {
    expect(() => decryptSecret('plain-token', key)).toThrow(
      'The stored secret is not in the v1.<iv>.<tag>.<ciphertext> format; it may be plain text that was never encrypted.',
    )
    const stored = encryptSecret('x', key)
    expect(() => decryptSecret(stored.replace(/^v1/, 'v2'), key)).toThrow(/not in the v1/)
    // A truncated tag must not be accepted (GCM would verify fewer bits).
    const parts = stored.split('.')
    expect(() =>
      decryptSecret([parts[0], parts[1], parts[2].slice(0, 11), parts[3]].join('.'), key),
    ).toThrow(/not in the v1/)
    expect(() => encryptSecret('x', randomBytes(16))).toThrow(
      'The secrets key must be 32 bytes; read it with parseSecretsKey.',
    )
  })
})

describe('isEncrypted', () => {
  it('tells sealed values from plain ones', () => {
    expect(isEncrypted(encryptSecret('x', key))).toBe(true)
    expect(isEncrypted(encryptSecret('', key))).toBe(true)
    expect(isEncrypted('EAAGm0PX4ZCpsBA')).toBe(false)
    expect(isEncrypted('v1.abc.def.ghi')).toBe(false)
    expect(isEncrypted(undefined)).toBe(false)
    expect(isEncrypted(42)).toBe(false)
  })
})
