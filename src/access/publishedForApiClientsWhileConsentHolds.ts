import type { Access } from 'payload'

import { consentHoldsWhere } from '../consent/consentHolds'
import { roleOf } from '../roles'

/**
 * Patient stories. Anonymous callers read nothing — the public reads stories only through the
 * consent-filtered delivery API, never through Payload's REST or GraphQL. Once the consent a story
 * relies on is revoked or past its last day, only consent officers and admins read it (they
 * handle the takedown and the record); marketers and approvers lose it from lists and by id, like
 * API clients, which besides read only published stories.
 */
export const publishedForApiClientsWhileConsentHolds: Access = ({ req }) => {
  const role = roleOf(req.user)
  if (role === undefined) return false
  if (role === 'admin' || role === 'consent-officer') return true
  const holds = consentHoldsWhere('consentRecord')
  if (role === 'front-end') return { and: [{ _status: { equals: 'published' } }, holds] }
  return holds
}
