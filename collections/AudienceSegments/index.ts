import type { CollectionConfig } from 'payload'

import { anyone } from '../../src/access/anyone'
import { isAuthor } from '../../src/access/isAuthor'
import { slugField } from '../../src/fields/slugField'
import { slugs } from '../../src/slugs'

/** Who a campaign speaks to: "Women 40+", "New parents", "Spanish-speaking families". */
export const AudienceSegments: CollectionConfig = {
  slug: slugs.audienceSegments,
  admin: { group: 'Taxonomies', useAsTitle: 'name' },
  access: { read: anyone, create: isAuthor, update: isAuthor, delete: isAuthor },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, maxLength: 120 },
    slugField('name'),
    { name: 'description', type: 'textarea', localized: true },
  ],
}
