export type FieldChange = { before: unknown; after: unknown }

// Bookkeeping Payload changes on every save, and values derived on read: recording them would
// bury the real changes. (_status stays: who published what is part of the trail.)
const IGNORED = new Set([
  'updatedAt',
  'createdAt',
  'id',
  'sizes',
  'status',
  'missingElements',
  'retentionUntil',
])

/**
 * The document before a change is read at depth 0 and the one after may be populated, so a
 * related document (recognisable by its timestamps) is compared, and recorded, as its id.
 */
const normalize = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(normalize)
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if ('id' in record && 'createdAt' in record && 'updatedAt' in record) return record.id
    return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, normalize(inner)]))
  }
  return value ?? null
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** The top-level fields whose value differs between two versions of a document. */
export const diffFields = (
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
): Record<string, FieldChange> => {
  const changes: Record<string, FieldChange> = {}
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)])
  for (const key of keys) {
    if (IGNORED.has(key)) continue
    const from = normalize(before?.[key])
    const to = normalize(after[key])
    if (!same(from, to)) changes[key] = { before: from, after: to }
  }
  return changes
}
