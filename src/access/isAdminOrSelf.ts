import type { Access } from 'payload'

import { roleOf } from '../roles'

/** Admins see every user; anyone else signed in sees only their own user document. */
export const isAdminOrSelf: Access = ({ req }) => {
  if (!req.user) return false
  if (roleOf(req.user) === 'admin') return true
  return { id: { equals: req.user.id } }
}
