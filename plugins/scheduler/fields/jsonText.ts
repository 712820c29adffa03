/**
 * A JSON field's admin without Payload's CDN-loaded editor (see admin/JsonText); exported so the
 * host's and other plugins' JSON fields use the same input.
 */
export const jsonTextAdmin = {
  components: { Field: '/plugins/scheduler/admin/JsonText#JsonText' },
} as const

/** A settings object, or nothing: text that is not a JSON object is refused by name. */
export const validateJsonObject = (value: unknown, { path }: { path: (string | number)[] }) =>
  value === null || value === undefined || (typeof value === 'object' && !Array.isArray(value))
    ? true
    : `${path.join('.')}: must be a JSON object, such as {"visibility":"unlisted"}.`
