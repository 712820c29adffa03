import type { PayloadRequest, Where } from 'payload'

import { earliestExpiryInForceAt } from '../../plugins/consent'
import { slugs } from '../slugs'

/*
 * Why the access rules read the consent record's own fields and not a flag kept by the cascade:
 * an access rule returns a `Where` (so lists are filtered and a findByID is refused, over REST,
 * GraphQL and the Local API alike), and no function can run per row inside it. Whether a consent
 * still holds depends on only two stored facts — a recorded revocation (`revocation.receivedAt`,
 * which can't be undone) and the expiry date — plus the clock; the clock part of the consent
 * plugin's one rule (`consentEndsAt`) is turned into a boundary computed once per request
 * (`earliestExpiryInForceAt`). So the rule holds the moment a revocation commits or the expiry
 * day ends, with no sweep or cascade in between and nothing to keep in sync. (The stored
 * `status` column is not used: it is written at save time and goes stale when a consent expires.)
 * A flag the cascade sets would lag an expiry by the sweep's interval and is a second copy of the
 * rule that another code path could forget to update.
 */

const now = () => new Date()

/**
 * Where the consent record at `path` (a relationship, e.g. `consentRecord`) still holds: no
 * revocation recorded and no expiry date, or an expiry on or after today (UTC) — a consent holds
 * through its whole expiry day. A document whose relationship is empty matches (it relies on no
 * consent yet: a draft the gate will stop at publish time).
 */
export const consentHoldsWhere = (path: string, at: Date = now()): Where => ({
  and: [
    { [`${path}.revocation.receivedAt`]: { exists: false } },
    {
      or: [
        { [`${path}.expiry.expiresOn`]: { exists: false } },
        {
          [`${path}.expiry.expiresOn`]: {
            greater_than_equal: earliestExpiryInForceAt(at).toISOString(),
          },
        },
      ],
    },
  ],
})

/** Where the consent record at `path` no longer holds: revoked, or past its last day. */
const consentGoneWhere = (path: string, at: Date): Where => ({
  or: [
    { [`${path}.revocation.receivedAt`]: { exists: true } },
    {
      [`${path}.expiry.expiresOn`]: { less_than: earliestExpiryInForceAt(at).toISOString() },
    },
  ],
})

const lookups = new WeakMap<PayloadRequest, Map<string, Promise<Where | true>>>()

/**
 * Where a photo or video is not a patient file whose consent is gone. A file may be linked to
 * several consent records (everyone it shows) and one gone consent is enough to withhold it; a
 * query on a has-many relationship matches when *any* linked record matches and `Where` has no
 * "not", so "every linked consent holds" can't be written as a query on the join. The ids of
 * the files to withhold are looked up instead — those matching "shows a patient and some linked
 * consent is gone", the same fields and boundary as above — one indexed query per request.
 */
export const patientConsentHoldsWhere = (
  req: PayloadRequest,
  collection: typeof slugs.media | typeof slugs.videoAssets,
): Promise<Where | true> => {
  // Once per request and collection (a request sees the state at its first check): populating a
  // document's photos runs this rule for each one.
  const cached = lookups.get(req) ?? new Map<string, Promise<Where | true>>()
  lookups.set(req, cached)
  let lookup = cached.get(collection)
  if (!lookup) {
    lookup = withheldFiles(req, collection, now())
    cached.set(collection, lookup)
  }
  return lookup
}

const withheldFiles = async (
  req: PayloadRequest,
  collection: typeof slugs.media | typeof slugs.videoAssets,
  at: Date,
): Promise<Where | true> => {
  const { docs } = await req.payload.find({
    collection,
    where: { and: [{ showsPatient: { equals: true } }, consentGoneWhere('consentRecords', at)] },
    select: { showsPatient: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  if (docs.length === 0) return true
  return { id: { not_in: docs.map((doc) => doc.id) } }
}
