import type { Field, FieldAccess } from 'payload'

import type { SanitizedSchedulerConfig } from '../../defaults'
import { jsonTextAdmin } from '../../fields/jsonText'

/** Only the plugin's own code (approval stamps, the dispatcher) writes these. */
const internalOnly: FieldAccess = ({ req }) => Boolean(req.context?.schedulerInternal)

const stamp = (field: Field): Field =>
  ({
    ...field,
    access: { create: internalOnly, update: internalOnly },
    admin: { ...field.admin, readOnly: true, position: 'sidebar' },
  }) as Field

/** Who asked, who approved, and everything the dispatcher records about its attempts. */
export const dispatchFields = (config: SanitizedSchedulerConfig): Field[] => [
  stamp({ name: 'createdBy', type: 'relationship', relationTo: config.usersCollection }),
  // Everyone who changed its copy, media, time or account, in any state: none of them may approve it.
  stamp({
    name: 'editors',
    type: 'relationship',
    relationTo: config.usersCollection,
    hasMany: true,
  }),
  stamp({ name: 'submittedBy', type: 'relationship', relationTo: config.usersCollection }),
  stamp({ name: 'submittedAt', type: 'date' }),
  stamp({ name: 'approvedBy', type: 'relationship', relationTo: config.usersCollection }),
  stamp({ name: 'approvedAt', type: 'date' }),
  stamp({ name: 'attempts', type: 'number', defaultValue: 0 }),
  stamp({ name: 'lastError', type: 'textarea' }),
  stamp({
    name: 'nextAttemptAt',
    type: 'date',
    admin: { date: { pickerAppearance: 'dayAndTime' } },
  }),
  stamp({ name: 'remoteId', type: 'text' }),
  stamp({ name: 'remoteUrl', type: 'text' }),
  stamp({ name: 'publishedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } }),
  stamp({ name: 'retractedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } }),
  // Set when the live document changed: a channel whose copy is the document (the web) is sent
  // again through the guards; on the others the post stays as it went out.
  stamp({ name: 'refreshRequestedAt', type: 'date', admin: { hidden: true } }),
  stamp({
    name: 'documentChangedAt',
    type: 'date',
    admin: {
      date: { pickerAppearance: 'dayAndTime' },
      description:
        'Live with an older copy: the document changed after this post went out, and the network keeps the post as it was sent.',
    },
  }),
  stamp({ name: 'idempotencyKey', type: 'text', unique: true, index: true }),
  stamp({ name: 'leaseOwner', type: 'text' }),
  stamp({ name: 'leaseExpiresAt', type: 'date' }),
  stamp({ name: 'fencingToken', type: 'number', defaultValue: 0 }),
  stamp({
    name: 'attemptLog',
    type: 'json',
    admin: {
      ...jsonTextAdmin,
      description: 'Each attempt: when, what, outcome, HTTP status, error.',
    },
  }),
]
