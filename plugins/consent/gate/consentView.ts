import type { Payload, PayloadRequest } from 'payload'

import type { ConsentView } from './checkConsent'

const date = (value: unknown): Date | null => {
  if (!value) return null
  const parsed = new Date(value as string)
  return Number.isNaN(parsed.getTime()) ? null : parsed
}

/** A consent record as the gate reads it; the host's afterRead derives status and what is missing. */
export const toConsentView = (doc: Record<string, any>): ConsentView => ({
  reference: String(doc.reference ?? doc.id),
  status: String(doc.status ?? 'incomplete'),
  missingElements: Array.isArray(doc.missingElements) ? doc.missingElements : [],
  usesAllowed: doc.usesAllowed ?? [],
  channelsAllowed: doc.channelsAllowed ?? [],
  purposes: doc.purposes ?? [],
  expiresOn: date(doc.expiry?.expiresOn),
  signerType: doc.signer?.type ?? null,
  patientDateOfBirth: date(doc.person?.dateOfBirth),
  revokedAt: date(doc.revocation?.receivedAt),
})

export const loadConsentView = async (payload: Payload, slug: string, id: number | string, req?: PayloadRequest): Promise<ConsentView | null> => {
  const doc = await payload.findByID({ collection: slug as never, id, depth: 0, overrideAccess: true, disableErrors: true, ...(req ? { req } : {}) })
  return doc ? toConsentView(doc as Record<string, unknown>) : null
}
