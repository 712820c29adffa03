import type { ConsentPluginOptions } from '../../plugins/consent'
import { isConsentOfficerOrAdmin } from '../access/isConsentOfficerOrAdmin'
import { slugs } from '../slugs'
import { accessibility } from './accessibility'
import { onConsentEvent } from './onEvent'
import { consentRecordColumns, readConsent } from './readConsent'
import { reliance } from './reliance'
import { relyingDocuments } from './relyingDocuments'

/** Carecast's consent wiring, shared by the consent plugin and the scheduler's guards. */
export const consentOptions: ConsentPluginOptions = {
  consentRecordsSlug: slugs.consentRecords,
  readConsent,
  recordColumns: consentRecordColumns,
  publicationsSlug: slugs.publications,
  deliveryItemsSlug: slugs.deliveryItems,
  usersCollection: slugs.users,
  tasksSlug: slugs.consentTasks,
  reliance,
  relyingDocuments,
  accessibility,
  canManage: (req) => isConsentOfficerOrAdmin({ req } as never) === true,
  onEvent: onConsentEvent,
}
