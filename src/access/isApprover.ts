import type { PayloadRequest } from 'payload'

import { roleOf } from '../roles'

/** Approvers approve or reject publications; admins can too. */
export const isApprover = ({ req }: { req: PayloadRequest }): boolean => {
  const role = roleOf(req.user)
  return role === 'admin' || role === 'approver'
}
