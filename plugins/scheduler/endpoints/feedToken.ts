import { createHmac, timingSafeEqual } from 'node:crypto'

import type { PayloadRequest, TypedUser } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'

/**
 * Calendar apps subscribe to a URL and send no headers, so the iCalendar feed also accepts a
 * personal token in the URL: `<user id>.<HMAC of the id and the user's password salt>`. It reads
 * only what that person may read, and changing the password (a new salt) revokes every old link.
 */
const signature = (secret: string, userId: string, salt: string) =>
  createHmac('sha256', secret).update(`calendar-feed:${userId}:${salt}`).digest('base64url')

const saltOf = async (req: PayloadRequest, config: SanitizedSchedulerConfig, id: string) => {
  const user = (await req.payload.findByID({
    collection: config.usersCollection,
    id,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    disableErrors: true,
  })) as (Record<string, unknown> & { salt?: string }) | null
  return user && typeof user.salt === 'string' && user.salt ? { user, salt: user.salt } : null
}

export const feedTokenFor = async (
  req: PayloadRequest,
  config: SanitizedSchedulerConfig,
  userId: string | number,
): Promise<string | null> => {
  const found = await saltOf(req, config, String(userId))
  return found ? `${userId}.${signature(req.payload.secret, String(userId), found.salt)}` : null
}

/** The user a feed token stands for, or null when it is malformed, forged or revoked. */
export const userFromFeedToken = async (
  req: PayloadRequest,
  config: SanitizedSchedulerConfig,
  token: string,
): Promise<TypedUser | null> => {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) return null
  const found = await saltOf(req, config, match[1])
  if (!found) return null
  const expected = Buffer.from(signature(req.payload.secret, match[1], found.salt))
  const given = Buffer.from(match[2])
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  const { salt: _salt, hash: _hash, ...user } = found.user
  return { ...user, collection: config.usersCollection } as unknown as TypedUser
}
