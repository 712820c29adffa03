import type { CollectionConfig } from 'payload'

import { isConsentOfficerOrAdmin } from '../../src/access/isConsentOfficerOrAdmin'
import { maxFileSize } from '../../src/fields/maxFileSize'
import { uploadDir } from '../../src/lib/uploadDir'
import { slugs } from '../../src/slugs'

/** Scans or PDFs of signed authorizations. Private: served only to consent officers and admins. */
export const ConsentForms: CollectionConfig = {
  slug: slugs.consentForms,
  admin: {
    group: 'Compliance',
    useAsTitle: 'filename',
    description: 'Signed authorization forms. Visible to consent officers and admins only.',
  },
  access: {
    read: isConsentOfficerOrAdmin,
    create: isConsentOfficerOrAdmin,
    update: isConsentOfficerOrAdmin,
    delete: isConsentOfficerOrAdmin,
  },
  upload: {
    staticDir: uploadDir(slugs.consentForms),
    mimeTypes: ['application/pdf', 'image/jpeg', 'image/png'],
    // A signed form is evidence: keep the original only — no imageSizes, so no resized copies lying
    // around (an empty imageSizes list would also give GraphQL an empty type and break its schema).
    focalPoint: false,
  },
  hooks: { beforeOperation: [maxFileSize(20 * 1024 * 1024)] },
  fields: [{ name: 'description', type: 'text', maxLength: 200 }],
}
