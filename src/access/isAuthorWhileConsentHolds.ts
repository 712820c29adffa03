import type { Access } from 'payload'

import { consentHoldsWhere } from '../consent/consentHolds'
import { roleOf } from '../roles'

/**
 * Deleting a patient story: marketers while its consent holds (a delete answers with the
 * document), admins always. A story whose consent is gone is deleted by an admin.
 */
export const isAuthorWhileConsentHolds: Access = ({ req }) => {
  const role = roleOf(req.user)
  if (role === 'admin') return true
  if (role === 'marketer') return consentHoldsWhere('consentRecord')
  return false
}
