import { relationId } from './relationId'

/** One comparable form for what the admin, REST and Local API variously send for a field. */
const normalize = (value: unknown): unknown => {
  if (value === undefined || value === null || value === '') return null
  if (value instanceof Date) return value.getTime()
  if (Array.isArray(value)) return value.map(normalize)
  if (typeof value === 'object') {
    const record = value as { relationTo?: unknown; value?: unknown; id?: unknown }
    if (typeof record.relationTo === 'string')
      return `${record.relationTo}:${String(relationId(record.value))}`
    if ('id' in record) return String(relationId(record))
    return JSON.stringify(value)
  }
  if (typeof value === 'string') {
    const trimmed = value.trim()
    if (/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
      const time = Date.parse(trimmed)
      if (!Number.isNaN(time)) return time
    }
    return trimmed === '' ? null : trimmed
  }
  return typeof value === 'number' ? String(value) : value
}

export const sameValue = (a: unknown, b: unknown): boolean =>
  JSON.stringify(normalize(a)) === JSON.stringify(normalize(b))
