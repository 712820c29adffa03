import type { ConsentFacts } from '../../src/lib/consent/consentStatus'

import type { ConsentRecord } from '../../src/payload-types'

/** A saved record, or one being saved (any part of it may be missing). */
type Doc = Partial<ConsentRecord>

/** The facts the status rules need, read off a consent record (as saved or about to be saved). */
export const consentFacts = (doc: Doc): ConsentFacts => ({
  signedAt: doc.signature?.signedAt ?? null,
  signatureMethod: doc.signature?.method ?? null,
  signedFormUploaded: Boolean(doc.signature?.signedForm),
  signerType: doc.signer?.type ?? null,
  representativeAuthority: doc.signer?.authority ?? null,
  usesAllowed: doc.usesAllowed ?? [],
  channelsAllowed: doc.channelsAllowed ?? [],
  purposes: doc.purposes ?? [],
  recipients: doc.recipients ?? null,
  expiresOn: doc.expiry?.expiresOn ?? null,
  expiryEvent: doc.expiry?.event ?? null,
  statements: {
    rightToRevoke: Boolean(doc.statements?.rightToRevoke),
    treatmentNotConditioned: Boolean(doc.statements?.treatmentNotConditioned),
    redisclosure: Boolean(doc.statements?.redisclosure),
  },
  revokedAt: doc.revocation?.receivedAt ?? null,
})
