import type { CollectionConfig, PayloadRequest } from 'payload'

type Check = (req: PayloadRequest) => boolean

const readOnly = {
  create: () => false,
  update: () => false,
  delete: () => false,
}

/**
 * The short links a publication's link goes out as (issue 18), and their clicks per day. Both are
 * written only by the plugin's own code (the dispatcher makes the link, the redirect counts), and
 * nothing about the person who clicked is kept: no cookie, no IP address, no user agent — a count
 * per link, day and channel (HHS OCR's guidance on tracking technologies, README).
 */
export const shortLinksCollection = (
  slug: string,
  publicationsSlug: string,
  adminGroup: string,
  canRead: Check,
): CollectionConfig => ({
  slug,
  labels: { singular: 'Short link', plural: 'Short links' },
  admin: {
    group: adminGroup,
    useAsTitle: 'code',
    defaultColumns: ['code', 'channel', 'destination', 'publication', 'createdAt'],
  },
  access: { read: ({ req }) => canRead(req), ...readOnly },
  fields: [
    { name: 'code', type: 'text', required: true, unique: true, index: true },
    { name: 'destination', type: 'text', required: true },
    { name: 'channel', type: 'text', required: true },
    {
      name: 'publication',
      type: 'relationship',
      relationTo: publicationsSlug as never,
      index: true,
    },
  ],
})

export const linkClicksCollection = (
  slug: string,
  linksSlug: string,
  adminGroup: string,
  canRead: Check,
): CollectionConfig => ({
  slug,
  labels: { singular: 'Link clicks', plural: 'Link clicks' },
  admin: { group: adminGroup, defaultColumns: ['link', 'day', 'channel', 'clicks'] },
  access: { read: ({ req }) => canRead(req), ...readOnly },
  // One row per link and day, counted up in place: exact under concurrent clicks (ON CONFLICT).
  indexes: [{ fields: ['link', 'day'], unique: true }],
  fields: [
    { name: 'link', type: 'relationship', relationTo: linksSlug as never, required: true },
    { name: 'day', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
    { name: 'channel', type: 'text', required: true },
    { name: 'clicks', type: 'number', required: true, defaultValue: 0 },
  ],
})

/** Web views per delivery item and day, from the example site's beacon: a count, nothing else. */
export const itemViewsCollection = (
  slug: string,
  adminGroup: string,
  canRead: Check,
): CollectionConfig => ({
  slug,
  labels: { singular: 'Web views', plural: 'Web views' },
  admin: { group: adminGroup, defaultColumns: ['item', 'type', 'day', 'views'] },
  access: { read: ({ req }) => canRead(req), ...readOnly },
  indexes: [{ fields: ['item', 'day'], unique: true }],
  fields: [
    // The delivery item's key (its projection row), e.g. `patient-stories:12`.
    { name: 'item', type: 'text', required: true },
    { name: 'type', type: 'text', required: true },
    { name: 'day', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
    { name: 'views', type: 'number', required: true, defaultValue: 0 },
  ],
})
