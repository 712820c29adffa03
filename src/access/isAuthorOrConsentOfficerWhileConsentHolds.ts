import type { Access } from 'payload'

import { consentHoldsWhere } from '../consent/consentHolds'
import { roleOf } from '../roles'

/**
 * Patient stories: authored by marketers; consent officers edit them to link the consent record.
 * A marketer can't change a story whose consent is revoked or expired (the response would hand
 * back the story it may no longer read); consent officers and admins still can.
 */
export const isAuthorOrConsentOfficerWhileConsentHolds: Access = ({ req }) => {
  const role = roleOf(req.user)
  if (role === 'admin' || role === 'consent-officer') return true
  if (role === 'marketer') return consentHoldsWhere('consentRecord')
  return false
}
