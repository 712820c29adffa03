import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
/** 12 base62 characters: about 71 bits, so no one finds a campaign's links by trying codes. */
export const CODE_LENGTH = 12

/**
 * A new link code, from the operating system's CSPRNG. Bytes at or above 248 are dropped (not
 * folded with `%`), so every one of the 62 characters is equally likely.
 */
export const newCode = (length = CODE_LENGTH): string => {
  let code = ''
  while (code.length < length)
    for (const byte of randomBytes(length * 2)) {
      if (byte >= 248) continue
      code += ALPHABET[byte % 62]
      if (code.length === length) break
    }
  return code
}

export const isCode = (value: string): boolean =>
  value.length === CODE_LENGTH && /^[0-9A-Za-z]+$/.test(value)
