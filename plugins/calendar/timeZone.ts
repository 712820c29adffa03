// Validation runs on every save and constructing a formatter is slow; the cap keeps arbitrary
// input from growing the cache without bound.
const known = new Map<string, boolean>()
const CACHE_LIMIT = 1000

/**
 * True for an IANA zone name the runtime's Intl accepts (America/Chicago, Europe/Madrid, UTC).
 * Names with surrounding spaces are refused rather than trimmed, so what is stored is what was
 * checked. UTC offsets ("+01:00"), which newer engines also accept, are refused: an offset does
 * not follow daylight-saving changes, so a schedule written in one would drift.
 */
export const isValidTimeZone = (zone: string): boolean => {
  if (typeof zone !== 'string' || zone === '' || zone !== zone.trim()) return false
  const cached = known.get(zone)
  if (cached !== undefined) return cached
  let valid: boolean
  try {
    valid =
      !/^[+\-\u2212]/.test(zone) &&
      Boolean(new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone)
  } catch {
    valid = false
  }
  if (known.size >= CACHE_LIMIT) known.clear()
  known.set(zone, valid)
  return valid
}

/** Every zone the runtime can name, sorted, for pickers. Some runtimes leave 'UTC' out of the list. */
export const timeZoneOptions = (): string[] => {
  const zones = new Set(Intl.supportedValuesOf('timeZone'))
  zones.add('UTC')
  return [...zones].sort()
}
