import type { CollectionConfig, ImageUploadFormatOptions } from 'payload'

import { isAuthor } from '../../src/access/isAuthor'
import { isAuthorWhilePatientConsentHolds } from '../../src/access/isAuthorWhilePatientConsentHolds'
import { notShowingPatientsOrStaffWhileConsentHolds } from '../../src/access/notShowingPatientsOrStaffWhileConsentHolds'
import { patientConsentFields } from '../../src/fields/consentRecordsField'
import { maxFileSize } from '../../src/fields/maxFileSize'
import { uploadDir } from '../../src/lib/uploadDir'
import { slugs } from '../../src/slugs'
import { signedFileEndpoint } from './endpoints/signedFile'

/** Images, cut by sharp into the sizes the web and each social network want. */
const asJpeg: ImageUploadFormatOptions = { format: 'jpeg', options: { quality: 85, mozjpeg: true } }

export const Media: CollectionConfig = {
  slug: slugs.media,
  admin: {
    group: 'Assets',
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'showsPatient', 'updatedAt'],
  },
  access: {
    read: notShowingPatientsOrStaffWhileConsentHolds(slugs.media),
    create: isAuthor,
    update: isAuthorWhilePatientConsentHolds(slugs.media),
    delete: isAuthorWhilePatientConsentHolds(slugs.media),
  },
  upload: {
    staticDir: uploadDir(slugs.media),
    // Checked against the file's bytes, not its name; SVGs with scripts or handlers are refused.
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/svg+xml'],
    focalPoint: true,
    crop: true,
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 320, position: 'centre' },
      { name: 'card', width: 768, height: 432 },
      // The sizes networks get are JPEG whatever was uploaded: Instagram takes JPEG only, and a
      // photo as PNG is several times larger than the 5 MB (X) or 8 MB (Instagram) they allow.
      { name: 'linkPreview', width: 1200, height: 630, formatOptions: asJpeg },
      { name: 'square', width: 1080, height: 1080, formatOptions: asJpeg },
      { name: 'portrait', width: 1080, height: 1350, formatOptions: asJpeg },
      { name: 'story', width: 1080, height: 1920, formatOptions: asJpeg },
    ],
    adminThumbnail: 'thumbnail',
  },
  hooks: { beforeOperation: [maxFileSize(15 * 1024 * 1024)] },
  // Instagram and Facebook fetch a post's image themselves; a patient photo reaches them through
  // a short-lived link that opens that one file while its consent holds.
  endpoints: [signedFileEndpoint(slugs.media)],
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      localized: true,
      maxLength: 300,
      admin: {
        description:
          'What the image shows, for people using screen readers. Required in every language it is published in.',
      },
    },
    { name: 'caption', type: 'text', localized: true, maxLength: 300 },
    { name: 'credit', type: 'text', maxLength: 160 },
    {
      name: 'licence',
      type: 'select',
      defaultValue: 'owned',
      options: [
        { value: 'owned', label: 'Owned by us' },
        { value: 'licensed', label: 'Licensed' },
        { value: 'cc-by', label: 'Creative Commons BY' },
        { value: 'public-domain', label: 'Public domain' },
      ],
    },
    ...patientConsentFields,
  ],
}
