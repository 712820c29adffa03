import type { CollectionConfig } from 'payload'

import { jsonTextAdmin } from '../../plugins/scheduler'
import { isAuditReader } from '../../src/access/isAuditReader'
import { nobody } from '../../src/access/nobody'
import { auditActions } from '../../src/audit/actions'
import { slugs } from '../../src/slugs'

/**
 * Append-only: who read or changed a consent record, who revoked one and what its takedown did,
 * who read a takedown report and ticked a consent task done or undid it; who submitted, approved,
 * rejected, withdrew, cancelled, retried or unpublished a publication (and why), which one the
 * dispatcher gave up on; who paused or resumed dispatching and why; which fields of a channel
 * account changed (names only, never a secret). With before/after of changed fields. No API caller — admin included — can create, change or delete
 * an event; only server code writes them, inside the transaction of the change they record.
 */
export const AuditEvents: CollectionConfig = {
  slug: slugs.auditEvents,
  admin: {
    group: 'Compliance',
    useAsTitle: 'action',
    defaultColumns: ['createdAt', 'action', 'collectionSlug', 'documentId', 'actorEmail'],
    description:
      'Append-only record of consent-record reads and changes, revocations and takedowns, takedown-report reads, consent tasks, publication approvals, rejections and other moves, failures, pauses and resumes, and channel-account changes (field names only).',
  },
  access: { read: isAuditReader, create: nobody, update: nobody, delete: nobody },
  timestamps: true,
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: [...auditActions],
    },
    { name: 'collectionSlug', type: 'text', required: true, index: true },
    { name: 'documentId', type: 'text', required: true, index: true },
    { name: 'user', type: 'relationship', relationTo: slugs.users },
    // Kept as text too: the trail must still say who acted after their account is deleted.
    { name: 'actorEmail', type: 'text' },
    { name: 'changes', type: 'json', admin: jsonTextAdmin },
    { name: 'note', type: 'text' },
  ],
}
