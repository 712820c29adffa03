import type { Access } from 'payload'

import { consentHoldsWhere } from '../consent/consentHolds'
import { roleOf } from '../roles'

/**
 * A patient story's version history (`/versions`, GraphQL `versionsPatientStories`): staff only —
 * an API client or an anonymous caller reads no drafts — and, once the consent the story or that
 * version relies on is revoked or expired, consent officers and admins only. (Payload's default
 * for versions is any signed-in user, API keys included.)
 */
export const isStaffWhileConsentHolds: Access = ({ req }) => {
  const role = roleOf(req.user)
  if (role === 'admin' || role === 'consent-officer') return true
  if (role === 'marketer' || role === 'approver')
    return {
      and: [consentHoldsWhere('version.consentRecord'), consentHoldsWhere('parent.consentRecord')],
    }
  return false
}
