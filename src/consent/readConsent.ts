import type { ConsentView } from '../../plugins/consent'
import type { ConsentRecord } from '../payload-types'

const date = (value: unknown): Date | null => {
  if (!value) return null
  const parsed = new Date(value as string)
  return Number.isNaN(parsed.getTime()) ? null : parsed
}

/**
 * Carecast's consent record as the consent plugin reads it (its contract): the status and what is
 * missing come from the collection's afterRead, which derives them on every read.
 */
export const readConsent = (record: Record<string, unknown>): ConsentView => {
  const doc = record as Partial<ConsentRecord> & { missingElements?: unknown }
  return {
    reference: String(doc.reference ?? doc.id),
    status: String(doc.status ?? 'incomplete'),
    missingElements: Array.isArray(doc.missingElements) ? (doc.missingElements as string[]) : [],
    usesAllowed: doc.usesAllowed ?? [],
    channelsAllowed: doc.channelsAllowed ?? [],
    purposes: doc.purposes ?? [],
    expiresOn: date(doc.expiry?.expiresOn),
    signerType: doc.signer?.type ?? null,
    patientDateOfBirth: date(doc.person?.dateOfBirth),
    revokedAt: date(doc.revocation?.receivedAt),
  }
}

/** The consent-records columns the expiry sweep selects on (Payload names `expiry.expiresOn` `expiry_expires_on`). */
export const consentRecordColumns = {
  expiresOn: 'expiry_expires_on',
  revokedAt: 'revocation_received_at',
}
