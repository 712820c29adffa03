import type { FieldAccess } from 'payload'

/** Write-only fields (channel secrets) are never read back through any API, by anyone. */
export const nobody: FieldAccess = () => false
