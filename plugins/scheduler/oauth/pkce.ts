import { createHash, randomBytes } from 'node:crypto'

/** base64url without padding (RFC 7636 §3 / RFC 4648 §5). */
const base64url = (bytes: Buffer) => bytes.toString('base64url')

/** A code verifier: 32 random bytes, 43 characters of the unreserved set (RFC 7636 §4.1). */
export const codeVerifier = (): string => base64url(randomBytes(32))

/** The S256 challenge of a verifier: BASE64URL(SHA256(verifier)) (RFC 7636 §4.2). */
export const codeChallenge = (verifier: string): string =>
  base64url(createHash('sha256').update(verifier, 'ascii').digest())

/** An unguessable `state` or browser nonce. */
export const randomToken = (): string => base64url(randomBytes(32))

/** What is stored of a state or nonce: its hash, so a database read can't replay a flow. */
export const hashOf = (value: string): string => createHash('sha256').update(value).digest('hex')
