import type { PayloadRequest } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'
import type { PublicationState } from '../states'
import type { PublicationRecord } from '../types'

/**
 * The publication at the route's `:id`, read as the signed-in person (their access decides: one
 * they may not read is Payload's 404, as for any other read), at depth 0.
 */
export const publicationAsUser = async (
  req: PayloadRequest,
  config: SanitizedSchedulerConfig,
): Promise<PublicationRecord & { state: PublicationState }> =>
  (await req.payload.findByID({
    collection: config.publicationsSlug,
    id: req.routeParams?.id as string,
    depth: 0,
    user: req.user,
    overrideAccess: false,
    req,
  })) as unknown as PublicationRecord & { state: PublicationState }
