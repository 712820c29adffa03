import type { CollectionAfterReadHook, FieldHook } from 'payload'

import { consentStatus, missingConsentElements } from '../../../src/lib/consent/consentStatus'
import { consentFacts } from '../consentFacts'
import { retentionEnds } from '../retention'

/** Status is derived, never typed: whatever was sent, the stored value is the computed one. */
export const deriveStatusOnSave: FieldHook = ({ data, originalDoc }) =>
  consentStatus(consentFacts({ ...(originalDoc ?? {}), ...(data ?? {}) }), new Date())

/**
 * Expiry depends on today, so the stored status may be stale by the time it is read: recompute
 * on every read, and show what is missing and how long the record must be kept.
 */
export const deriveStatusOnRead: CollectionAfterReadHook = ({ doc }) => {
  const facts = consentFacts(doc)
  doc.status = consentStatus(facts, new Date())
  doc.missingElements = missingConsentElements(facts)
  doc.retentionUntil = retentionEnds({
    createdAt: doc.createdAt,
    expiresOn: facts.expiresOn,
    revokedAt: facts.revokedAt,
  }).toISOString()
  return doc
}
