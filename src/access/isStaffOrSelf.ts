import type { Access } from 'payload'

import { isStaff } from './isStaff'

/**
 * Staff see their colleagues (an approver has to see who wrote a post, by name, not as
 * "Untitled - ID: 2"); a front-end API client sees only its own user document.
 */
export const isStaffOrSelf: Access = ({ req }) => {
  if (!req.user) return false
  if (isStaff({ req })) return true
  return { id: { equals: req.user.id } }
}
