import type { PayloadRequest } from 'payload'

import type { SanitizedConsentConfig } from '../defaults'

const refuse = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status })

/**
 * The consent record a consent officer's endpoint (`/:id/…`) is about, read at depth 0 with the
 * host's hooks, or the answer refusing the request: only people the host's `canManage` accepts
 * (consent officers and admins) get past it, and only for a record that exists. Written once for
 * the takedown report and its preview, so both answer the same people the same way.
 */
export const managedRecord = async (
  config: SanitizedConsentConfig,
  req: PayloadRequest,
  what: string,
): Promise<{ id: number; doc: Record<string, unknown> & { id: number } } | Response> => {
  if (!req.user || !config.canManage(req))
    return refuse(req.user ? 403 : 401, `Only consent officers and admins can ${what}.`)
  const id = Number(req.routeParams?.id)
  if (!Number.isInteger(id) || id < 1) return refuse(404, 'id: not a consent record id.')
  const doc = await req.payload.findByID({
    collection: config.consentRecordsSlug,
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!doc) return refuse(404, `There is no consent record ${id}.`)
  return { id, doc: doc as unknown as Record<string, unknown> & { id: number } }
}
