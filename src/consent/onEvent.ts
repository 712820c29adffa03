import type { ConsentEventHandler } from '../../plugins/consent'
import { auditConsentEvent } from '../audit/fromEvents'
import { notifyConsentEvent } from '../notifications/handlers'

/** The audit trail, then the people to tell (a takedown task's owner, the consent officers). */
export const onConsentEvent: ConsentEventHandler = async (event, context) => {
  await auditConsentEvent(event, context)
  await notifyConsentEvent(event, context)
}
