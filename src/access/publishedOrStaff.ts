import type { Access } from 'payload'

import { roleOf } from '../roles'

/**
 * Staff read drafts; everyone else (anonymous callers, front-end API keys) only published
 * versions. With drafts on, `read: () => true` would show unpublished drafts to the world.
 */
export const publishedOrStaff: Access = ({ req }) => {
  const role = roleOf(req.user)
  if (role !== undefined && role !== 'front-end') return true
  return { _status: { equals: 'published' } }
}
