import type { Access } from 'payload'

import { roleOf } from '../roles'

/** Patient stories: authored by marketers; consent officers edit them to link the consent record. */
export const isAuthorOrConsentOfficer: Access = ({ req }) => {
  const role = roleOf(req.user)
  return role === 'admin' || role === 'marketer' || role === 'consent-officer'
}
