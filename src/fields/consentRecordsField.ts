import type { Field } from 'payload'

import { isConsentOfficerOrAdminField } from '../access/isConsentOfficerOrAdmin'
import { isStaffField } from '../access/isStaffField'
import { slugs } from '../slugs'

/**
 * "This image/video shows a patient": the flag and the consent records that cover it. Only
 * consent officers and admins link records (marketers can't read them); staff see the links.
 */
export const patientConsentFields: Field[] = [
  {
    name: 'showsPatient',
    type: 'checkbox',
    defaultValue: false,
    index: true,
    admin: {
      position: 'sidebar',
      description: 'Shows an identifiable patient (face, voice, name). Needs consent to publish.',
    },
  },
  {
    name: 'consentRecords',
    type: 'relationship',
    relationTo: slugs.consentRecords,
    hasMany: true,
    access: {
      read: isStaffField,
      create: isConsentOfficerOrAdminField,
      update: isConsentOfficerOrAdminField,
    },
    admin: { position: 'sidebar', condition: (_, sibling) => Boolean(sibling?.showsPatient) },
  },
]
