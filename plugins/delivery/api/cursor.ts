/**
 * The keyset cursor: the sort value and id of a page's last row, opaque to clients (base64url
 * JSON) so its shape can change without breaking them.
 */
export type Cursor = { sortAt: string; id: number }

export const encodeCursor = (cursor: Cursor) =>
  Buffer.from(JSON.stringify([cursor.sortAt, cursor.id])).toString('base64url')

export const decodeCursor = (text: string): Cursor | null => {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown
    if (!Array.isArray(value) || value.length !== 2) return null
    const [sortAt, id] = value
    if (
      typeof sortAt !== 'string' ||
      Number.isNaN(Date.parse(sortAt)) ||
      !Number.isInteger(id) ||
      id < 1
    )
      return null
    return { sortAt, id }
  } catch {
    return null
  }
}
