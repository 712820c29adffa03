import type { Access } from 'payload'

import { roleOf } from '../roles'

/** Marketers author content; admins can do anything. */
export const isAuthor: Access = ({ req }) => {
  const role = roleOf(req.user)
  return role === 'admin' || role === 'marketer'
}
