import type { CollectionConfig } from 'payload'

import { anyone } from '../../src/access/anyone'
import { isAuthor } from '../../src/access/isAuthor'
import { slugField } from '../../src/fields/slugField'
import { slugs } from '../../src/slugs'

/**
 * Service lines and the conditions they treat (Cardiology: heart failure, atrial fibrillation…).
 * The `terms` are what a story "names" when it needs diagnosis consent, and what may never
 * appear in a UTM value.
 */
export const ServiceLines: CollectionConfig = {
  slug: slugs.serviceLines,
  admin: { group: 'Taxonomies', useAsTitle: 'name', defaultColumns: ['name', 'slug'] },
  access: { read: anyone, create: isAuthor, update: isAuthor, delete: isAuthor },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, maxLength: 120 },
    slugField('name'),
    {
      name: 'terms',
      type: 'array',
      labels: { singular: 'Condition or diagnosis term', plural: 'Condition and diagnosis terms' },
      admin: {
        description:
          'Conditions, diagnoses and their common names, in every language used (e.g. "diabetes", "diabetes tipo 2").',
      },
      fields: [{ name: 'term', type: 'text', required: true, maxLength: 80 }],
    },
  ],
}
