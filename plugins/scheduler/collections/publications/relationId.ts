/** The id of a relation value, whether Payload gave it populated or as a bare id. */
export const relationId = (value: unknown): number | string | undefined => {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'object') return relationId((value as { id?: unknown }).id)
  return typeof value === 'number' || typeof value === 'string' ? value : undefined
}
