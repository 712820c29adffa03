import type { FieldHook, TextField } from 'payload'

import { slugify } from '../lib/slugify'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Fills an empty slug from the title, so authors rarely type one. */
const fromTitle =
  (source: string): FieldHook =>
  ({ value, siblingData }) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
    const title = siblingData?.[source]
    return typeof title === 'string' ? slugify(title) : value
  }

/**
 * A URL slug: unique per collection (a clash is a 400 naming `slug`), lower-case words joined by
 * hyphens, generated from `source` when left empty.
 */
export const slugField = (source = 'title'): TextField => ({
  name: 'slug',
  type: 'text',
  required: true,
  unique: true,
  index: true,
  maxLength: 120,
  admin: {
    position: 'sidebar',
    description: `Used in web addresses. Left empty, it is made from the ${source}.`,
  },
  hooks: { beforeValidate: [fromTitle(source)] },
  validate: (value: unknown) =>
    typeof value === 'string' && SLUG_PATTERN.test(value)
      ? true
      : 'Slug must be lower-case letters and digits in words joined by single hyphens, e.g. "heart-month-2026".',
})
