import type { PayloadRequest } from 'payload'

import { roleOf } from '../roles'

/**
 * A signed-in person (not a front-end API client): the only callers allowed into the admin
 * panel. Admin-panel access must be a plain boolean, so this is not a query-returning Access.
 */
export const isStaff = ({ req }: { req: PayloadRequest }): boolean => {
  const role = roleOf(req.user)
  return role !== undefined && role !== 'front-end'
}
