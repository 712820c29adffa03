import type { Guard } from '../../scheduler'
import type { SanitizedConsentConfig } from '../defaults'
import { checkAccessibility } from './checkAccessibility'
import { checkConsent } from './checkConsent'
import { loadConsentView } from './consentView'

/**
 * The consent gate, for the scheduler's `guards`: every consent record the content relies on must
 * be in force for this channel, purpose and every use, for the whole time it will be live.
 */
export const consentGuard =
  (config: SanitizedConsentConfig): Guard =>
  async ({ publication, document, collection, channel, window, payload, req }) => {
    const { reliances, liveUntil, purpose } = await config.reliance({
      collection,
      doc: document,
      publication,
      payload,
      req,
    })
    const until = window.until ?? liveUntil ?? window.from
    const untilField = window.until ? 'unpublishAt' : liveUntil ? 'document' : 'dueAt'
    for (const reliance of reliances) {
      if (reliance.consentRecordId === null) {
        return {
          ok: false,
          field: 'document',
          reason: `${reliance.what} shows a patient but no consent record is linked to it; a consent officer must link one first.`,
        }
      }
      const consent = await loadConsentView(payload, config, reliance.consentRecordId)
      if (!consent)
        return {
          ok: false,
          field: 'document',
          reason: `the consent record ${reliance.consentRecordId} that ${reliance.what} relies on no longer exists.`,
        }
      const refusal = checkConsent(consent, {
        uses: reliance.uses,
        channel: config.consentChannel(channel),
        purpose,
        window: {
          from: window.from,
          until: until.getTime() < window.from.getTime() ? window.from : until,
          untilField,
        },
        what: reliance.what,
      })
      if (refusal)
        return {
          ok: false,
          field: refusal.field,
          reason: refusal.message,
          source: 'consent',
          sourceId: reliance.consentRecordId,
        }
    }
    return { ok: true }
  }

/** Captions for every published language on web and YouTube, and alt text on every image. */
export const accessibilityGuard =
  (config: SanitizedConsentConfig): Guard =>
  async ({ publication, document, collection, channel, payload, req }) => {
    const needs = await config.accessibility({
      collection,
      doc: document,
      publication,
      payload,
      req,
    })
    const problem = checkAccessibility(channel, needs)
    return problem ? { ok: false, field: problem.field, reason: problem.message } : { ok: true }
  }
