import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { recordAuditEvent } from '../../../src/audit/recordAuditEvent'
import { slugs } from '../../../src/slugs'

/**
 * A revocation can't be undone or rewritten (a new consent record is needed instead), and is
 * recorded whole — when it was received and how; recording one stamps who recorded it and adds a
 * `revoke` event to the audit trail.
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
  const revocation = { ...originalDoc?.revocation, ...data?.revocation }
  if (!before && !after && (revocation.method || revocation.notes)) {
    throw new ValidationError({
      collection: slugs.consentRecords,
      errors: [
        {
          path: 'revocation.receivedAt',
          message:
            'When the revocation was received is required: without the date nothing about a revocation is recorded.',
        },
      ],
    })
  }
  if (!before && after) {
    // How it came in is part of the record a patient or an auditor may ask for (164.508(b)(5): in writing).
    if (!revocation.method) {
      throw new ValidationError({
        collection: slugs.consentRecords,
        errors: [
          {
            path: 'revocation.method',
            message:
              'How the revocation was received is required: choose the letter, email, portal message or in-person form it came in.',
          },
        ],
      })
    }
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
