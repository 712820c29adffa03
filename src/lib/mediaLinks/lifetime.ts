/** Environment variables as read here: any subset, so tests can pass exactly what they mean. */
type Env = Record<string, string | undefined>

export const MEDIA_LINK_MINUTES_ENV = 'MEDIA_LINK_MINUTES'
/**
 * Instagram fetches an image while it creates the container and Facebook while it creates the
 * photo, both within the one request the worker makes, so a link needs to outlive only a
 * dispatch batch and its retries of that request; 15 minutes is ample and short enough that a
 * copied link soon stops working.
 */
export const DEFAULT_MEDIA_LINK_MINUTES = 15
/** Past an hour a link is no longer "short-lived": whoever holds it keeps the photo that long. */
const MAX_MEDIA_LINK_MINUTES = 60

/** How long a signed media link works, in ms, from `MEDIA_LINK_MINUTES` (README lists it). */
export const mediaLinkLifetimeMs = (env: Env = process.env): number => {
  const raw = env[MEDIA_LINK_MINUTES_ENV]
  if (raw === undefined || raw.trim() === '') return DEFAULT_MEDIA_LINK_MINUTES * 60_000
  const minutes = Number(raw)
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MEDIA_LINK_MINUTES)
    throw new Error(
      `${MEDIA_LINK_MINUTES_ENV} must be a whole number of minutes from 1 to ${MAX_MEDIA_LINK_MINUTES}, not "${raw}".`,
    )
  return minutes * 60_000
}
