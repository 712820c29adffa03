import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { recordAuditEvent } from '../../../src/audit/recordAuditEvent'
import { slugs } from '../../../src/slugs'

/**
 * A revocation can't be undone or rewritten (a new consent record is needed instead); recording
 * one stamps who recorded it and adds a `revoke` event to the audit trail.
 */
export const guardRevocation: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const before = originalDoc?.revocation?.receivedAt ?? null
  const after = data?.revocation?.receivedAt ?? null
  if (before && (!after || new Date(after).getTime() !== new Date(before).getTime())) {
    throw new ValidationError({
      collection: slugs.consentRecords,
      errors: [
        {
          path: 'revocation.receivedAt',
          message:
            'A revocation cannot be undone or changed. If the patient consents again, record a new consent record.',
        },
      ],
    })
  }
  if (!before && after) {
    if (new Date(after).getTime() > Date.now() + 60_000) {
      throw new ValidationError({
        collection: slugs.consentRecords,
        errors: [
          {
            path: 'revocation.receivedAt',
            message:
              'A revocation is recorded when it has been received: the date cannot be in the future.',
          },
        ],
      })
    }
    data.revocation = { ...data.revocation, recordedBy: req.user?.id ?? null }
    if (operation === 'update' && originalDoc) {
      await recordAuditEvent(req, {
        action: 'revoke',
        collection: slugs.consentRecords,
        documentId: originalDoc.id,
        note: data.revocation?.method ?? undefined,
      })
    }
  }
  return data
}
