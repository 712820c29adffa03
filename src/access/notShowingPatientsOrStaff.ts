import type { Access } from 'payload'

import { roleOf } from '../roles'

/**
 * Media and videos: a file that shows a patient is served only to staff; the public (and
 * front-end builds) see it only once the web channel publishes it through the consent-checked
 * delivery projection. Everything else (logos, event photos, explainers) is public.
 */
export const notShowingPatientsOrStaff: Access = ({ req }) => {
  const role = roleOf(req.user)
  if (role !== undefined && role !== 'front-end') return true
  return { showsPatient: { not_equals: true } }
}
