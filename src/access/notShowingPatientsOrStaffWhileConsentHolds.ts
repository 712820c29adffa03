import type { Access, PayloadRequest } from 'payload'

import { referencesFile } from '../../plugins/delivery'
import { poolExecutor, poolOf } from '../../plugins/postgres'
import { patientConsentHoldsWhere } from '../consent/consentHolds'
import { roleOf } from '../roles'
import { slugs } from '../slugs'

/** Whether live web content references the file: the delivery plugin's answer, from its own table. */
const inPublicProjection = (req: PayloadRequest, filename: string): Promise<boolean> =>
  referencesFile(poolExecutor(poolOf(req.payload)), slugs.deliveryItems, filename)

/**
 * Media and videos: a file that shows a patient is served only to staff — and to the public once
 * the web channel has published it through the consent-checked delivery projection (and only while
 * it stays there). Everything else (logos, event photos, explainers) is public. Once a consent a
 * patient file is linked to is revoked or past its last day, only consent officers and admins
 * read it, whatever the projection still says (the expiry sweep takes it down within 30 s).
 * Made per collection: the rule looks up that collection's files.
 */
export const notShowingPatientsOrStaffWhileConsentHolds =
  (slug: typeof slugs.media | typeof slugs.videoAssets): Access =>
  async ({ req, data, isReadingStaticFile }) => {
    const role = roleOf(req.user)
    if (role === 'admin' || role === 'consent-officer') return true
    if (role === 'marketer' || role === 'approver') return patientConsentHoldsWhere(req, slug)
    const filename = (data as { filename?: unknown } | undefined)?.filename
    if (
      isReadingStaticFile &&
      typeof filename === 'string' &&
      (await inPublicProjection(req, filename))
    )
      return patientConsentHoldsWhere(req, slug)
    return { showsPatient: { not_equals: true } }
  }
