import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'

/**
 * Signed media links: a token that names exactly one file of one media document and the instant
 * it stops working, with an HMAC-SHA256 over both. Instagram and Facebook fetch a post's image
 * themselves from a URL; a patient photo is not publicly readable, so they get a link that opens
 * that one file for a few minutes and nothing else.
 *
 * Token: `<claims>.<mac>`, both base64url; claims are `{ m: media id, f: filename, e: expiry in
 * Unix seconds }` as JSON. Only the characters of base64url and one dot, so it sits in a URL path
 * as is.
 */
export type MediaLinkClaims = {
  /** The media document's id (a Postgres integer id). */
  mediaId: number
  /** The file's name as the document stores it: the original or one of its sizes. */
  filename: string
  /** When the link stops working, in ms since the epoch (stored to the second). */
  expiresAt: number
}

// Its own label: PAYLOAD_SECRET also signs sessions and API keys, and a MAC made for one of those
// must never pass as a media link (or the other way round).
const KEY_LABEL = 'carecast/media-links/v1'
const MAC_LENGTH = 32
const MAC_CHARS = 43 // 32 bytes in base64url without padding
/** Far longer than any real token (a filename is at most 255 characters); refuses junk before any work. */
const MAX_TOKEN_LENGTH = 1024
const TOKEN_SHAPE = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/

/**
 * The HMAC key for media links, derived (HKDF-SHA256) from the app secret, one per upload
 * collection: a token names a document by id, and image 5's link must not open video 5.
 */
export const mediaLinkKey = (secret: string, collection = 'media'): Buffer => {
  if (!secret) throw new Error('media links need a non-empty secret to derive their key from')
  const label = collection === 'media' ? KEY_LABEL : `${KEY_LABEL}/${collection}`
  return Buffer.from(hkdfSync('sha256', secret, '', label, 32))
}

const mac = (key: Buffer, claims: string): Buffer =>
  createHmac('sha256', key).update(claims).digest()

export const signMediaLink = (claims: MediaLinkClaims, key: Buffer): string => {
  if (!Number.isSafeInteger(claims.mediaId) || claims.mediaId < 1)
    throw new Error(`a media link needs a positive integer media id, not ${claims.mediaId}`)
  if (!claims.filename) throw new Error('a media link needs a filename')
  if (!Number.isFinite(claims.expiresAt)) throw new Error('a media link needs an expiry')
  const body = Buffer.from(
    JSON.stringify({
      m: claims.mediaId,
      f: claims.filename,
      e: Math.floor(claims.expiresAt / 1000),
    }),
  ).toString('base64url')
  return `${body}.${mac(key, body).toString('base64url')}`
}

const parseClaims = (body: string): MediaLinkClaims | undefined => {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined
  const { m, f, e } = parsed as Record<string, unknown>
  if (typeof m !== 'number' || !Number.isSafeInteger(m) || m < 1) return undefined
  if (typeof f !== 'string' || !f) return undefined
  if (typeof e !== 'number' || !Number.isSafeInteger(e)) return undefined
  return { mediaId: m, filename: f, expiresAt: e * 1000 }
}

/**
 * The claims of a token that this key signed and that has not expired at `now`; `undefined` for
 * anything else (malformed, tampered, signed with another key, expired) — the caller answers all
 * of them the same way, so nothing tells a prober which it was.
 */
export const verifyMediaLink = (
  token: unknown,
  key: Buffer,
  now: number,
): MediaLinkClaims | undefined => {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return undefined
  const shape = TOKEN_SHAPE.exec(token)
  if (!shape || shape[2]!.length !== MAC_CHARS) return undefined
  const [, body, given] = shape as unknown as [string, string, string]
  const givenMac = Buffer.from(given, 'base64url')
  // Base64url's last character carries two unused bits: without this, four spellings of one MAC
  // would all pass, and "the token was changed" would not always mean "the token is refused".
  if (givenMac.toString('base64url') !== given) return undefined
  // Constant-time: a byte-by-byte compare would let a prober find a valid MAC one byte at a time.
  if (givenMac.length !== MAC_LENGTH || !timingSafeEqual(givenMac, mac(key, body))) return undefined
  const claims = parseClaims(body)
  return claims && now < claims.expiresAt ? claims : undefined
}

/** Whole seconds the link still works at `now` (at least 0), for `Cache-Control: max-age`. */
export const secondsLeft = (claims: MediaLinkClaims, now: number): number =>
  Math.max(0, Math.floor((claims.expiresAt - now) / 1000))
