import type { Payload, PayloadRequest } from 'payload'

import type { SanitizedConsentConfig } from '../defaults'
import type { ConsentView } from './checkConsent'

/** One consent record as the plugin reads it, through the host's `readConsent`; null when gone. */
export const loadConsentView = async (
  payload: Payload,
  config: SanitizedConsentConfig,
  id: number | string,
  req?: PayloadRequest,
): Promise<ConsentView | null> => {
  const doc = await payload.findByID({
    collection: config.consentRecordsSlug,
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    ...(req ? { req } : {}),
  })
  return doc ? config.readConsent(doc as unknown as Record<string, unknown>) : null
}
