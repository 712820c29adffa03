import type { FieldAccess } from 'payload'

import { roleOf } from '../roles'

/**
 * Field-level: a signed-in person. Personal fields (a patient's age, home town, the consent
 * record a story relies on) are hidden from anonymous callers and front-end API clients, and a
 * field hidden from a role can't be used in that role's `where` either (Payload enforces that).
 */
export const isStaffField: FieldAccess = ({ req }) => {
  const role = roleOf(req.user)
  return role !== undefined && role !== 'front-end'
}
