import type { CollectionConfig, PayloadRequest } from 'payload'

import { jsonTextAdmin } from '../../scheduler'

/**
 * The public projection: what the web channel published, as front-end-ready JSON, one row per
 * item and locale. Nobody reads or writes it through Payload's API — the web channel writes it
 * and the delivery endpoints read it with one indexed query — so private data can't leak through
 * what the public API reads.
 */
export const deliveryItemsCollection = (
  slug: string,
  adminGroup: string,
  canRead: (req: PayloadRequest) => boolean,
): CollectionConfig => ({
  slug,
  labels: { singular: 'Published web item', plural: 'Published web items' },
  admin: {
    group: adminGroup,
    useAsTitle: 'key',
    defaultColumns: ['key', 'language', 'type', 'publishedAt'],
    description: 'Written by the web channel; read-only here.',
  },
  access: {
    read: ({ req }) => canRead(req),
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  indexes: [
    // The upsert's conflict target and the item read (type/slug + locale).
    { fields: ['key', 'language'], unique: true },
    // Every list: one type in one locale, in order, read from the index for the keyset cursor.
    { fields: ['type', 'language', 'sortAt'] },
  ],
  fields: [
    { name: 'key', type: 'text', required: true, index: true, admin: { description: 'type/slug' } },
    { name: 'type', type: 'text', required: true },
    { name: 'slug', type: 'text', required: true },
    {
      name: 'language',
      type: 'text',
      required: true,
      admin: { description: 'The locale this row is in (en, es).' },
    },
    {
      name: 'data',
      type: 'json',
      required: true,
      admin: {
        ...jsonTextAdmin,
        description: 'The item as GET /delivery/v1/{type}/{slug} returns it.',
      },
    },
    {
      name: 'summary',
      type: 'json',
      required: true,
      admin: {
        ...jsonTextAdmin,
        description: 'The item as lists return it and other items embed it.',
      },
    },
    {
      name: 'files',
      type: 'json',
      admin: { ...jsonTextAdmin, description: 'Caption files (WebVTT) served under the item.' },
    },
    { name: 'etag', type: 'text', required: true },
    { name: 'publicationId', type: 'text' },
    { name: 'publishedAt', type: 'date', required: true },
    { name: 'sortAt', type: 'date', required: true },
    { name: 'startsAt', type: 'date' },
    {
      name: 'endsAt',
      type: 'date',
      admin: { description: 'When the last occurrence ends; empty for a series without end.' },
    },
    {
      name: 'filters',
      type: 'json',
      admin: {
        ...jsonTextAdmin,
        description: 'Campaign, service line and observance slugs the list filters on.',
      },
    },
  ],
})
