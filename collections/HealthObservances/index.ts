import type { CollectionConfig } from 'payload'

import { anyone } from '../../src/access/anyone'
import { isAuthor } from '../../src/access/isAuthor'
import { slugField } from '../../src/fields/slugField'
import { dayOnly } from '../../src/fields/dayOnly'
import { validateEndAfterStart } from '../../src/fields/validateEndAfterStart'
import { slugs } from '../../src/slugs'

/** National health observances (American Heart Month, Breast Cancer Awareness Month…) campaigns tie to. */
export const HealthObservances: CollectionConfig = {
  slug: slugs.healthObservances,
  admin: {
    group: 'Taxonomies',
    useAsTitle: 'name',
    defaultColumns: ['name', 'startsAt', 'endsAt', 'kind'],
  },
  access: { read: anyone, create: isAuthor, update: isAuthor, delete: isAuthor },
  defaultSort: 'startsAt',
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, maxLength: 160 },
    slugField('name'),
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'month',
      options: ['month', 'week', 'day'],
    },
    {
      name: 'startsAt',
      type: 'date',
      required: true,
      admin: dayOnly,
    },
    {
      name: 'endsAt',
      type: 'date',
      required: true,
      admin: dayOnly,
      validate: validateEndAfterStart,
    },
    {
      name: 'sponsor',
      type: 'text',
      admin: { description: 'Who promotes it nationally, e.g. "American Heart Association".' },
    },
    { name: 'url', type: 'text' },
  ],
}
