import type { Access, PayloadRequest } from 'payload'

import { referencesFile } from '../../plugins/delivery'
import { poolExecutor, poolOf } from '../../plugins/sql'
import { roleOf } from '../roles'
import { slugs } from '../slugs'

/** Whether live web content references the file: the delivery plugin's answer, from its own table. */
const inPublicProjection = (req: PayloadRequest, filename: string): Promise<boolean> =>
  referencesFile(poolExecutor(poolOf(req.payload)), slugs.deliveryItems, filename)

/**
 * Media and videos: a file that shows a patient is served only to staff — and to the public once
 * the web channel has published it through the consent-checked delivery projection (and only while
 * it stays there). Everything else (logos, event photos, explainers) is public.
 */
export const notShowingPatientsOrStaff: Access = async ({ req, data, isReadingStaticFile }) => {
  const role = roleOf(req.user)
  if (role !== undefined && role !== 'front-end') return true
  const filename = (data as { filename?: unknown } | undefined)?.filename
  if (
    isReadingStaticFile &&
    typeof filename === 'string' &&
    (await inPublicProjection(req, filename))
  )
    return true
  return { showsPatient: { not_equals: true } }
}
