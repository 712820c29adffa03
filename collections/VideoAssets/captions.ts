import type { ArrayField, TextareaFieldValidation } from 'payload'

import { validateWebVTT } from '../../src/lib/webvtt/validateWebVTT'

export const validateVtt: TextareaFieldValidation = (value) => {
  if (!value) return 'Paste the WebVTT captions file.'
  const result = validateWebVTT(value)
  return result.ok ? true : `WebVTT line ${result.line}: ${result.message}`
}

/** One WebVTT track per language, validated cue by cue; the line at fault is named. */
export const captionsField: ArrayField = {
  name: 'captions',
  type: 'array',
  labels: { singular: 'Caption track', plural: 'Caption tracks' },
  admin: {
    description: 'Closed captions (WCAG 2.1 SC 1.2.2) in each language the video is published in.',
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'language',
          type: 'select',
          required: true,
          options: [
            { value: 'en', label: 'English' },
            { value: 'es', label: 'Spanish' },
          ],
        },
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'captions',
          options: ['captions', 'subtitles'],
        },
        { name: 'label', type: 'text', maxLength: 60 },
      ],
    },
    { name: 'vtt', type: 'textarea', required: true, validate: validateVtt, admin: { rows: 10 } },
  ],
  validate: (rows: unknown) => {
    const languages = (Array.isArray(rows) ? rows : []).map(
      (row) => (row as { language?: string }).language,
    )
    const repeated = languages.find(
      (language, index) => language && languages.indexOf(language) !== index,
    )
    return repeated
      ? `There are two caption tracks for "${repeated}"; keep one per language.`
      : true
  },
}
