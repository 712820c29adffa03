export type IdempotencyParts = {
  collection: string
  id: string | number
  channel: string
  dueAt: Date
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

// The key is split on ":" when read back, and the ISO time has colons of its own, so the three
// leading parts must not; Payload slugs and ids never do, so this only catches a programming error.
const checkPart = (name: string, value: string) => {
  if (value === '' || value.includes(':'))
    throw new Error(
      `Idempotency key: ${name} must be non-empty and contain no ":" (got ${JSON.stringify(value)}).`,
    )
}

/**
 * The stable key of one "publish this document on this channel at this time":
 * `collection:id:channel:<dueAt as ISO UTC>`. Every retry of the same publication sends the same
 * key, so a network that honours one (Mastodon's Idempotency-Key, a webhook-id) drops duplicates;
 * a re-share at another time is another key.
 */
export const idempotencyKey = ({ collection, id, channel, dueAt }: IdempotencyParts): string => {
  checkPart('collection', collection)
  checkPart('id', String(id))
  checkPart('channel', channel)
  if (!(dueAt instanceof Date) || Number.isNaN(dueAt.getTime()))
    throw new Error('Idempotency key: dueAt is not a valid date.')
  return `${collection}:${id}:${channel}:${dueAt.toISOString()}`
}

/** The parts of a key made by idempotencyKey (the id comes back as a string), or null for anything else. */
export const parseIdempotencyKey = (
  key: string,
): (Omit<IdempotencyParts, 'id'> & { id: string }) | null => {
  const [collection, id, channel, ...time] = key.split(':')
  const iso = time.join(':')
  if (!collection || !id || !channel || !ISO_UTC.test(iso)) return null
  const dueAt = new Date(iso)
  // Rejects well-formed but impossible times such as 2026-02-30T…, which Date would roll over.
  if (Number.isNaN(dueAt.getTime()) || dueAt.toISOString() !== iso) return null
  return { collection, id, channel, dueAt }
}
