import type { Access } from 'payload'

import { patientConsentHoldsWhere } from '../consent/consentHolds'
import { roleOf } from '../roles'
import { slugs } from '../slugs'

/**
 * Changing or deleting a photo or video: marketers and admins — but a marketer can't touch a
 * patient file whose consent is revoked or expired (the answer would hand back the file it may no
 * longer read); an admin deletes it. Made per collection.
 */
export const isAuthorWhilePatientConsentHolds =
  (slug: typeof slugs.media | typeof slugs.videoAssets): Access =>
  ({ req }) => {
    const role = roleOf(req.user)
    if (role === 'admin') return true
    if (role !== 'marketer') return false
    return patientConsentHoldsWhere(req, slug)
  }
