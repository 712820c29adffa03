import type { Access } from 'payload'

import { roleOf } from '../roles'

/**
 * Admins change any user; staff change their own account (name, password). A front-end API
 * client is read-only, even on its own user: its key must not be able to rewrite itself.
 */
export const isAdminOrStaffSelf: Access = ({ req }) => {
  const role = roleOf(req.user)
  if (!req.user || role === undefined || role === 'front-end') return false
  if (role === 'admin') return true
  return { id: { equals: req.user.id } }
}
