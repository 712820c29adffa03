import type { Access, FieldAccess } from 'payload'

import { roleOf } from '../roles'

/** Consent records and signed forms are personal health information: these two roles only. */
export const isConsentOfficerOrAdmin: Access = ({ req }) => {
  const role = roleOf(req.user)
  return role === 'admin' || role === 'consent-officer'
}

export const isConsentOfficerOrAdminField: FieldAccess = ({ req }) => {
  const role = roleOf(req.user)
  return role === 'admin' || role === 'consent-officer'
}
