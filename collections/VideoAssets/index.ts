import type { CollectionConfig, TextFieldSingleValidation } from 'payload'

import { isAuthor } from '../../src/access/isAuthor'
import { isAuthorWhilePatientConsentHolds } from '../../src/access/isAuthorWhilePatientConsentHolds'
import { notShowingPatientsOrStaffWhileConsentHolds } from '../../src/access/notShowingPatientsOrStaffWhileConsentHolds'
import { patientConsentFields } from '../../src/fields/consentRecordsField'
import { maxFileSize } from '../../src/fields/maxFileSize'
import { uploadDir } from '../../src/lib/uploadDir'
import { parseExternalVideoUrl } from '../../src/lib/video/externalVideoUrl'
import { slugField } from '../../src/fields/slugField'
import { slugs } from '../../src/slugs'
import { captionsField, validateVtt } from './captions'
import { probeUploadedVideo } from './hooks/probeUploadedVideo'
import { signedFileEndpoint } from '../Media/endpoints/signedFile'

const validateExternalUrl: TextFieldSingleValidation = (value, { siblingData, req }) => {
  const hasFile =
    Boolean((siblingData as { filename?: string } | undefined)?.filename) || Boolean(req.file)
  if (value && hasFile) return 'Give either an uploaded file or an external address, not both.'
  if (!value)
    return hasFile ? true : 'Upload an mp4 or webm file, or give a YouTube or Vimeo address.'
  return parseExternalVideoUrl(value) ? true : `"${value}" is not a YouTube or Vimeo video address.`
}

/** An explainer, a patient story on film, an event recording: uploaded or hosted on YouTube/Vimeo. */
export const VideoAssets: CollectionConfig = {
  slug: slugs.videoAssets,
  admin: {
    group: 'Assets',
    useAsTitle: 'title',
    defaultColumns: ['title', 'durationSeconds', 'showsPatient', 'updatedAt'],
  },
  access: {
    read: notShowingPatientsOrStaffWhileConsentHolds(slugs.videoAssets),
    create: isAuthor,
    update: isAuthorWhilePatientConsentHolds(slugs.videoAssets),
    delete: isAuthorWhilePatientConsentHolds(slugs.videoAssets),
  },
  // Instagram fetches a Reel's `video_url` itself: the same signed, consent-checked link as images.
  endpoints: [signedFileEndpoint(slugs.videoAssets)],
  upload: {
    staticDir: uploadDir(slugs.videoAssets),
    mimeTypes: ['video/mp4', 'video/webm'],
    filesRequiredOnCreate: false,
    // No imageSizes: sharp cannot resize video, and an empty list would give GraphQL an empty type.
    focalPoint: false,
  },
  hooks: { beforeOperation: [maxFileSize(500 * 1024 * 1024)], beforeChange: [probeUploadedVideo] },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, maxLength: 160 },
    // Its address on the web (the delivery API's /videos/{slug}); made from the title when empty.
    slugField(),
    { name: 'description', type: 'textarea', localized: true, maxLength: 2000 },
    { name: 'externalUrl', type: 'text', maxLength: 500, validate: validateExternalUrl },
    captionsField,
    {
      name: 'transcript',
      type: 'textarea',
      localized: true,
      admin: {
        description: 'Full text of what is said and shown, for people who cannot watch or listen.',
      },
    },
    {
      name: 'audioDescription',
      type: 'group',
      fields: [
        {
          name: 'available',
          type: 'checkbox',
          defaultValue: false,
          label: 'Audio description available',
        },
        {
          name: 'track',
          type: 'textarea',
          admin: {
            condition: (_, s) => Boolean(s?.available),
            description: 'WebVTT "descriptions" track.',
          },
          validate: ((value, options) =>
            value ? validateVtt(value, options) : true) as typeof validateVtt,
        },
      ],
    },
    {
      name: 'durationSeconds',
      type: 'number',
      admin: { readOnly: true, position: 'sidebar', description: 'Read from the file.' },
    },
    { name: 'width', type: 'number', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'height', type: 'number', admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'poster',
      type: 'upload',
      relationTo: slugs.media,
      admin: { position: 'sidebar', description: 'Taken from the file; replace it if you like.' },
    },
    {
      name: 'patientVoiceHeard',
      type: 'checkbox',
      defaultValue: false,
      admin: { position: 'sidebar', description: 'A patient is heard speaking.' },
    },
    ...patientConsentFields,
  ],
}
