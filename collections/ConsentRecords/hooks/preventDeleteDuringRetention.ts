import { APIError, type CollectionBeforeDeleteHook } from 'payload'

import { slugs } from '../../../src/slugs'
import { RETENTION_YEARS, retentionEnds } from '../retention'

export const preventDeleteDuringRetention: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const record = await req.payload.findByID({
    collection: slugs.consentRecords,
    id,
    depth: 0,
    overrideAccess: true,
    req,
    context: { audit: false },
  })
  const until = retentionEnds({
    createdAt: record.createdAt,
    expiresOn: record.expiry?.expiresOn,
    revokedAt: record.revocation?.receivedAt,
  })
  if (until.getTime() > Date.now()) {
    throw new APIError(
      `This consent record must be kept until ${until.toISOString().slice(0, 10)} (${RETENTION_YEARS} years after it was last in effect, as HIPAA requires), so it cannot be deleted.`,
      403,
      null,
      true,
    )
  }
}
