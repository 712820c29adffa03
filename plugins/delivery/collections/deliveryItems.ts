import type { CollectionConfig, PayloadRequest } from 'payload'

/**
 * The public projection: what the web channel published, as front-end-ready JSON. Nobody reads
 * or writes it through Payload's API — the web channel writes it and the delivery endpoints read
 * it with one indexed query — so private data can't leak through what the public API reads.
 */
export const deliveryItemsCollection = (slug: string, adminGroup: string, canRead: (req: PayloadRequest) => boolean): CollectionConfig => ({
  slug,
  labels: { singular: 'Published web item', plural: 'Published web items' },
  admin: { group: adminGroup, useAsTitle: 'key', defaultColumns: ['key', 'type', 'publishedAt'], description: 'Written by the web channel; read-only here.' },
  access: {
    read: ({ req }) => canRead(req),
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  indexes: [{ fields: ['type', 'publishedAt'] }],
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true, admin: { description: 'type/slug' } },
    { name: 'type', type: 'text', required: true },
    { name: 'slug', type: 'text', required: true },
    { name: 'data', type: 'json', required: true },
    { name: 'etag', type: 'text', required: true },
    { name: 'publicationId', type: 'text' },
    { name: 'publishedAt', type: 'date', required: true },
  ],
})
