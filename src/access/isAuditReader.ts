import type { Access } from 'payload'

import { roleOf } from '../roles'

/** The audit trail is read by admins and consent (privacy) officers. */
export const isAuditReader: Access = ({ req }) => {
  const role = roleOf(req.user)
  return role === 'admin' || role === 'consent-officer'
}
