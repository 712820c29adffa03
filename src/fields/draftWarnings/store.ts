/**
 * What a draft's last save left invalid, by field path. Payload skips validation when a draft is
 * saved (so a half-done campaign can be kept), which meant a bad UTM value, an end before its
 * start or a broken RRULE showed only at Publish (issue 16). The edit form's check fills this after
 * each draft save; each field's warning reads its own path. One store per browser tab: only one
 * document form is open at a time.
 */
export type DraftWarning = { message: string; value: unknown }
type FieldState = { valid?: boolean; errorMessage?: string; value?: unknown }

let current: Record<string, DraftWarning> = {}
const listeners = new Set<() => void>()

export const draftWarnings = {
  all: (): Record<string, DraftWarning> => current,
  set: (next: Record<string, DraftWarning>) => {
    current = next
    for (const listener of listeners) listener()
  },
  subscribe: (listener: () => void) => {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  },
}

/** The fields a validated form state found invalid, with the value each was judged on. */
export const invalidFields = (
  state: Record<string, FieldState | undefined>,
): Record<string, DraftWarning> =>
  Object.fromEntries(
    Object.entries(state).flatMap(([path, field]) =>
      field && field.valid === false && field.errorMessage
        ? [[path, { message: field.errorMessage, value: field.value }]]
        : [],
    ),
  )

const ACRONYMS = new Set(['utm', 'url', 'rrule', 'id'])

/** A path as a person reads it: `utm.source` → "UTM › Source", `registrationUrl` → "Registration URL". */
export const pathLabel = (path: string): string =>
  path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .map((part) => {
      const words = part
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(' ')
        .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word))
        .join(' ')
      return words.charAt(0).toUpperCase() + words.slice(1)
    })
    .join(' › ')

/** Whether a warning still applies: the person has not changed the value it was judged on. */
export const stillApplies = (warning: DraftWarning | undefined, value: unknown): boolean =>
  Boolean(warning) && JSON.stringify(warning!.value ?? null) === JSON.stringify(value ?? null)
