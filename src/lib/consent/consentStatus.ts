import { consentEndsAt } from '../../../plugins/consent'

export type ConsentStatus = 'pending' | 'active' | 'expired' | 'revoked' | 'incomplete'

export type ConsentFacts = {
  signedAt: string | Date | null
  signatureMethod: string | null
  signedFormUploaded: boolean
  signerType: 'patient' | 'parent-guardian' | 'personal-representative' | string | null
  representativeAuthority: string | null
  usesAllowed: string[]
  channelsAllowed: string[]
  purposes: string[]
  /** Who may receive the information (164.508(c)(1)(iii): the persons or class of persons). */
  recipients: string | null
  expiresOn: string | Date | null
  expiryEvent: string | null
  statements: { rightToRevoke: boolean; treatmentNotConditioned: boolean; redisclosure: boolean }
  revokedAt: string | Date | null
}

const filled = (text: string | null | undefined) => typeof text === 'string' && text.trim() !== ''

const anyFilled = (list: string[] | null | undefined) => Array.isArray(list) && list.some(filled)

// An unreadable date is treated as no date, so it shows up as missing instead of passing silently.
const toDate = (value: string | Date | null | undefined): Date | null => {
  if (value === null || value === undefined || value === '') return null
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** Midnight UTC at the start of the date's UTC day. */
const utcDay = (date: Date) =>
  Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())

type Element = { text: string; signature: boolean }

const elements = (f: ConsentFacts): Element[] => {
  const missing: Element[] = []
  const add = (text: string, signature = false) => missing.push({ text, signature })
  if (!filled(f.signerType)) add('who signed (the patient or a representative)')
  else if (f.signerType !== 'patient' && !filled(f.representativeAuthority))
    add('the representative’s authority to act for the patient')
  if (!anyFilled(f.usesAllowed)) add('the information that may be disclosed (at least one use)')
  if (!anyFilled(f.channelsAllowed)) add('at least one channel')
  if (!filled(f.recipients)) add('who may receive the information (the recipients)')
  if (!anyFilled(f.purposes)) add('at least one purpose')
  if (!toDate(f.expiresOn) && !filled(f.expiryEvent)) add('an expiry date or expiry event')
  if (!f.statements?.rightToRevoke) add('the statement of the right to revoke')
  if (!f.statements?.treatmentNotConditioned)
    add('the statement that treatment is not conditioned on signing')
  if (!f.statements?.redisclosure)
    add('the statement that disclosed information may be redisclosed')
  if (!toDate(f.signedAt)) add('the signature date', true)
  if (!filled(f.signatureMethod)) add('the signature method', true)
  if (!f.signedFormUploaded) add('the signed form', true)
  return missing
}

/**
 * What a valid HIPAA marketing authorization (45 CFR 164.508(c)) still lacks, as short phrases a
 * consent officer can act on, in a fixed order. Empty means nothing is missing.
 */
export const missingConsentElements = (f: ConsentFacts): string[] =>
  elements(f).map((element) => element.text)

/**
 * The status, from the first rule that applies:
 *   revoked     a revocation is recorded (any revokedAt, even a future one): final, whatever else
 *               is true — revocation cannot be undone;
 *   expired     the expiry date is past. The authorization holds through the whole expiry day in
 *               UTC, so it expires at 00:00 UTC the day after expiresOn. An expiry event alone
 *               never expires a record here: nobody can compute when an event has happened;
 *   incomplete  an element other than the signature (date, method, signed form) is missing —
 *               signed or not, the authorization itself is defective;
 *   pending     not signed yet: no signature date, or one after today (compared as UTC calendar
 *               days, since it is picked as a day and stored at 12:00 UTC). The signature method
 *               and signed form may still be missing too;
 *   incomplete  signed, but the signature method or the signed form is missing (it claims a
 *               signature it cannot show);
 *   active      complete, signed, in force.
 */
export const consentStatus = (f: ConsentFacts, now: Date): ConsentStatus => {
  if (f.revokedAt !== null && f.revokedAt !== undefined && f.revokedAt !== '') return 'revoked'
  const expiresOn = toDate(f.expiresOn)
  if (expiresOn && now.getTime() >= consentEndsAt(expiresOn).getTime()) return 'expired'
  const missing = elements(f)
  if (missing.some((element) => !element.signature)) return 'incomplete'
  const signedAt = toDate(f.signedAt)
  if (!signedAt || utcDay(signedAt) > utcDay(now)) return 'pending'
  return missing.length ? 'incomplete' : 'active'
}
