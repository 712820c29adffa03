/**
 * Finds a field of a collection config by its data path (`revocation.method`): groups are named
 * steps of the path; rows, collapsibles and unnamed tabs hold fields without adding one. Lets the
 * Revoke tab read the host's own options for how a revocation was received, whatever the host
 * calls its fields (the plugin's `revocationFields`).
 */
type AnyField = {
  name?: string
  type?: string
  fields?: AnyField[]
  tabs?: AnyField[]
  options?: unknown[]
}

const named = (fields: AnyField[], name: string): AnyField | undefined => {
  for (const field of fields) {
    if (field.name === name) return field
    if (!field.name) {
      const inside = named([...(field.fields ?? []), ...(field.tabs ?? [])], name)
      if (inside) return inside
    }
  }
  return undefined
}

export const fieldAt = (fields: AnyField[], path: string): AnyField | undefined => {
  let current: AnyField | undefined
  let level = fields
  for (const step of path.split('.')) {
    current = named(level, step)
    if (!current) return undefined
    level = current.fields ?? []
  }
  return current
}

/** A select field's options as value and English label (Payload allows bare strings and per-locale labels). */
export const optionsOf = (field: AnyField | undefined): { value: string; label: string }[] =>
  (field?.options ?? []).map((option) => {
    if (typeof option === 'string') return { value: option, label: option }
    const { value, label } = option as { value: string; label?: unknown }
    const text =
      typeof label === 'string'
        ? label
        : label && typeof label === 'object'
          ? String((label as Record<string, unknown>).en ?? Object.values(label)[0] ?? value)
          : value
    return { value: String(value), label: text }
  })

/** The value at a data path of a document (`revocation.receivedAt`). */
export const valueAt = (doc: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, step) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined,
      doc,
    )

/** `{ revocation: { method: 'email' } }` from `revocation.method` and a value, for a PATCH body. */
export const setAt = (target: Record<string, unknown>, path: string, value: unknown) => {
  const steps = path.split('.')
  let level = target
  for (const step of steps.slice(0, -1)) {
    if (!level[step] || typeof level[step] !== 'object') level[step] = {}
    level = level[step] as Record<string, unknown>
  }
  level[steps[steps.length - 1]] = value
  return target
}
