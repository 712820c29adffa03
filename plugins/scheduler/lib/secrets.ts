import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

const VERSION = 'v1'
const KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16
const HEX_KEY = /^[0-9a-fA-F]{64}$/
// 32 bytes are 43 base64 characters, plus one "=" when padded; either alphabet.
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/
const B64URL = '[A-Za-z0-9_-]'
const STORED = new RegExp(`^${VERSION}\\.(${B64URL}{16})\\.(${B64URL}{22})\\.(${B64URL}*)$`)

const HOW_TO =
  'set it to 32 random bytes as 64 hex characters or base64 (e.g. the output of `openssl rand -hex 32`)'

/**
 * The 32-byte AES key from an environment value: 64 hex characters, or base64 / base64url of
 * exactly 32 bytes. The message names the variable and never repeats the value.
 */
export const parseSecretsKey = (
  value: string | undefined,
  variable = 'CARECAST_SECRETS_KEY',
): Buffer => {
  const text = value?.trim() ?? ''
  if (text === '') throw new Error(`${variable} is not set; ${HOW_TO}.`)
  if (HEX_KEY.test(text)) return Buffer.from(text, 'hex')
  if (BASE64_KEY.test(text)) {
    const standard = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=$/, '')
    const key = Buffer.from(standard, 'base64')
    // Node silently drops stray low bits of the last character; a round trip catches such typos.
    if (key.length === KEY_BYTES && key.toString('base64').replace(/=$/, '') === standard)
      return key
  }
  throw new Error(`${variable} is not a valid key; ${HOW_TO}.`)
}

const checkKey = (key: Buffer) => {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES)
    throw new Error(`The secrets key must be ${KEY_BYTES} bytes; read it with parseSecretsKey.`)
}

/** Whether a stored value is (shaped like) a secret sealed by encryptSecret. */
export const isEncrypted = (value: unknown): value is string =>
  typeof value === 'string' && STORED.test(value)

/**
 * Seals a channel-account secret for storage with AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, all
 * base64url, with a fresh random 12-byte IV each time (GCM breaks if an IV repeats under one key).
 * Pass `aad` (e.g. `${accountId}:accessToken`) to bind the ciphertext to its place, so a value
 * copied into another account or field no longer decrypts.
 */
export const encryptSecret = (plain: string, key: Buffer, aad?: string): string => {
  checkKey(key)
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  if (aad !== undefined) cipher.setAAD(Buffer.from(aad, 'utf8'))
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [
    VERSION,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    ciphertext.toString('base64url'),
  ].join('.')
}

/**
 * Opens a value sealed by encryptSecret with the same key and `aad`. Throws, without echoing the
 * value or the key, when it is not in that format or when authentication fails (wrong key, wrong
 * aad, or altered data).
 */
export const decryptSecret = (stored: string, key: Buffer, aad?: string): string => {
  checkKey(key)
  const match = typeof stored === 'string' ? STORED.exec(stored) : null
  if (!match)
    throw new Error(
      'The stored secret is not in the v1.<iv>.<tag>.<ciphertext> format; it may be plain text that was never encrypted.',
    )
  const [, iv, tag, ciphertext] = match
  // authTagLength pins the tag to 16 bytes: without it Node accepts a truncated tag, which makes forgery easier.
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
    authTagLength: TAG_BYTES,
  })
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  if (aad !== undefined) decipher.setAAD(Buffer.from(aad, 'utf8'))
  try {
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8')
  } catch {
    throw new Error(
      'The stored secret could not be decrypted: the key is wrong, the value was altered, or it belongs to another account or field.',
    )
  }
}
