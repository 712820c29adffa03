import type { PayloadRequest } from 'payload'

import { relationId } from '../collections/publications/relationId'
import type { SanitizedSchedulerConfig } from '../defaults'
import { runGuards } from '../dispatch/runGuards'
import type { GuardResult, PublicationRecord } from '../types'

/**
 * The guards' answer for a publication as it would be (its document as it is now): asked at
 * approval, and before a move on the calendar is written, so a person hears the reason — the
 * consent window, a draft document — before anything changes.
 */
export const checkGuards = async (
  config: SanitizedSchedulerConfig,
  publication: PublicationRecord,
  req: PayloadRequest,
): Promise<GuardResult> => {
  const collection = publication.document?.relationTo
  const id = relationId(publication.document?.value)
  if (!collection || id === undefined)
    return {
      ok: false,
      field: 'document',
      reason: 'document: a publication needs the document it publishes.',
    }
  const document = await req.payload.findByID({
    collection: collection as never,
    id,
    depth: 1,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!document)
    return {
      ok: false,
      field: 'document',
      reason: `document: ${collection} ${id} no longer exists.`,
    }
  return runGuards(config, {
    publication,
    document: document as unknown as Record<string, unknown>,
    collection,
    phase: 'approval',
    payload: req.payload,
    req,
  })
}
