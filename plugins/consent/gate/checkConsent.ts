import { consentEndsAt } from '../rules/inForce'

/**
 * What the consent plugin reads of one consent record: its contract with the host, which maps its
 * own record to this shape (`readConsent`), with the status the host derives on read.
 */
export type ConsentView = {
  reference: string
  status: string
  missingElements: string[]
  usesAllowed: string[]
  channelsAllowed: string[]
  purposes: string[]
  /** The last day it is in force (it holds through that whole UTC day). */
  expiresOn: Date | null
  signerType: string | null
  patientDateOfBirth: Date | null
  revokedAt: Date | null
}

export type ConsentNeed = {
  uses: string[]
  channel: string
  purpose: string
  /** From the publication's time to when it comes down (unpublish, campaign end, or its own time). */
  window: { from: Date; until: Date; untilField: 'unpublishAt' | 'document' | 'dueAt' }
  what: string
}

export type GateRefusal = {
  rule: 'status' | 'channel' | 'purpose' | 'use' | 'expiry' | 'guardian'
  /** The publication field a person would change to fix it. */
  field: string
  message: string
}

const day = (date: Date) => date.toISOString().slice(0, 10)
const list = (values: string[]) => (values.length ? values.join(', ') : 'none')

/** When a parent's or guardian's authority ends: the patient's 18th birthday. */
export const guardianAuthorityEnds = (dateOfBirth: Date): Date =>
  new Date(
    Date.UTC(
      dateOfBirth.getUTCFullYear() + 18,
      dateOfBirth.getUTCMonth(),
      dateOfBirth.getUTCDate(),
    ),
  )

/**
 * The gate for one reliance: the first rule the consent breaks, or null. Rules in the order a
 * privacy officer reads them: is it in force at all, does it cover this channel, this purpose,
 * every use, and the whole time the content will be live.
 */
/** Why a consent that is not active does not hold, in words: "was revoked on 2026-11-02". */
export const whyNotInForce = (consent: ConsentView): string =>
  consent.status === 'revoked'
    ? `was revoked${consent.revokedAt ? ` on ${day(consent.revokedAt)}` : ''}`
    : consent.status === 'expired'
      ? `expired${consent.expiresOn ? ` on ${day(consent.expiresOn)}` : ''}`
      : consent.status === 'incomplete'
        ? `is incomplete (missing: ${list(consent.missingElements)})`
        : 'is not signed yet'

export const checkConsent = (consent: ConsentView, need: ConsentNeed): GateRefusal | null => {
  const named = `consent record ${consent.reference} (for ${need.what})`
  if (consent.status !== 'active') {
    const why = whyNotInForce(consent)
    return {
      rule: 'status',
      field: 'document',
      message: `${named} ${why}; nothing relying on it can be published.`,
    }
  }
  if (!consent.channelsAllowed.includes(need.channel)) {
    return {
      rule: 'channel',
      field: 'channelAccount',
      message: `${named} does not allow the ${need.channel} channel (it allows: ${list(consent.channelsAllowed)}).`,
    }
  }
  if (!consent.purposes.includes(need.purpose)) {
    return {
      rule: 'purpose',
      field: 'document',
      message: `${named} does not allow the purpose "${need.purpose}" (it allows: ${list(consent.purposes)}).`,
    }
  }
  const missingUses = need.uses.filter((use) => !consent.usesAllowed.includes(use))
  if (missingUses.length) {
    return {
      rule: 'use',
      field: 'document',
      message: `${named} does not allow ${missingUses.map((use) => `"${use}"`).join(', ')}, which the content uses (it allows: ${list(consent.usesAllowed)}).`,
    }
  }
  if (consent.expiresOn) {
    const inForceUntil = consentEndsAt(consent.expiresOn)
    if (
      need.window.until.getTime() > inForceUntil.getTime() ||
      need.window.from.getTime() >= inForceUntil.getTime()
    ) {
      return {
        rule: 'expiry',
        field: need.window.untilField === 'unpublishAt' ? 'unpublishAt' : 'dueAt',
        message: `${named} expires on ${day(consent.expiresOn)}, but the content would be live until ${day(need.window.until)}${need.window.untilField === 'document' ? " (the campaign's end)" : ''}; unpublish it by ${day(consent.expiresOn)} or get a renewed consent.`,
      }
    }
  }
  if (consent.signerType === 'parent-guardian') {
    if (!consent.patientDateOfBirth) {
      return {
        rule: 'guardian',
        field: 'document',
        message: `${named} was signed by a parent or guardian, and the patient's date of birth is not recorded, so when that authority ends (at 18) is unknown.`,
      }
    }
    const ends = guardianAuthorityEnds(consent.patientDateOfBirth)
    if (need.window.until.getTime() > ends.getTime()) {
      return {
        rule: 'guardian',
        field: need.window.untilField === 'unpublishAt' ? 'unpublishAt' : 'dueAt',
        message: `${named} was signed by a parent or guardian, whose authority ends when the patient turns 18 on ${day(ends)}; the content would be live until ${day(need.window.until)}. The patient must sign their own consent.`,
      }
    }
  }
  return null
}
