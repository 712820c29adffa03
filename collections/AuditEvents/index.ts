import type { CollectionConfig } from 'payload'

import { isAuditReader } from '../../src/access/isAuditReader'
import { nobody } from '../../src/access/nobody'
import { slugs } from '../../src/slugs'

/**
 * Append-only: who read or changed a consent record, who approved or revoked anything, with
 * before/after of changed fields. No API caller — admin included — can create, change or delete
 * an event; only server code writes them, inside the transaction of the change they record.
 */
export const AuditEvents: CollectionConfig = {
  slug: slugs.auditEvents,
  admin: {
    group: 'Compliance',
    useAsTitle: 'action',
    defaultColumns: ['createdAt', 'action', 'collectionSlug', 'documentId', 'actorEmail'],
    description:
      'Append-only record of reads and changes of consent records and of approvals and revocations.',
  },
  access: { read: isAuditReader, create: nobody, update: nobody, delete: nobody },
  timestamps: true,
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: ['create', 'update', 'delete', 'read', 'revoke', 'approve', 'reject'],
    },
    { name: 'collectionSlug', type: 'text', required: true, index: true },
    { name: 'documentId', type: 'text', required: true, index: true },
    { name: 'user', type: 'relationship', relationTo: slugs.users },
    // Kept as text too: the trail must still say who acted after their account is deleted.
    { name: 'actorEmail', type: 'text' },
    { name: 'changes', type: 'json' },
    { name: 'note', type: 'text' },
  ],
}
