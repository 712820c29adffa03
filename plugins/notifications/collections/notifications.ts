import type { CollectionConfig, FieldAccess, PayloadRequest, Where } from 'payload'

import type { SanitizedNotificationsConfig } from '../defaults'

const userId = (req: PayloadRequest) => (req.user as { id?: number | string } | null)?.id

const nobody: FieldAccess = () => false

/**
 * Who was told what, and when: one row per recipient and notice. The recipient reads theirs and
 * ticks "read"; whoever `canReadAll` allows (admins) reads everyone's. Only server code writes
 * them (`notify`, the timed notices, the digest's stamps): the API creates and deletes none, and a
 * recipient can change nothing but "read".
 */
export const notificationsCollection = (config: SanitizedNotificationsConfig): CollectionConfig => {
  const own = ({ req }: { req: PayloadRequest }): boolean | Where => {
    const id = userId(req)
    return id === undefined ? false : { recipient: { equals: id } }
  }
  return {
    slug: config.slug,
    labels: { singular: 'Notification', plural: 'Notifications' },
    admin: {
      group: config.adminGroup,
      useAsTitle: 'subject',
      defaultColumns: ['subject', 'kind', 'recipient', 'createdAt', 'read', 'sentAt'],
      description: config.notifier
        ? 'What you were told; mailed as a digest, at most one an hour.'
        : 'What you were told. No email is configured: this list is the only place it appears.',
    },
    access: {
      read: ({ req }) => (config.canReadAll(req) ? true : own({ req })),
      update: own,
      create: () => false,
      delete: () => false,
    },
    indexes: [
      // A timed notice is recorded once per key and recipient, whichever worker gets there first.
      { fields: ['key', 'recipient'], unique: true },
      // The digest: a person's unmailed notifications, and when they were last mailed.
      { fields: ['recipient', 'sentAt'] },
    ],
    hooks: {
      beforeChange: [
        ({ data, originalDoc }) => {
          if (data.read && !originalDoc?.read) return { ...data, readAt: new Date().toISOString() }
          if (data.read === false && originalDoc?.read) return { ...data, readAt: null }
          return data
        },
      ],
    },
    fields: [
      {
        name: 'recipient',
        type: 'relationship',
        relationTo: config.usersCollection,
        // Not required in the schema: deleting a user keeps the record ("someone was told") with
        // no recipient, where a NOT NULL column would make the user impossible to delete.
        // `notify` never writes one without a recipient.
        index: true,
        access: { update: nobody },
      },
      { name: 'kind', type: 'text', required: true, index: true, access: { update: nobody } },
      { name: 'subject', type: 'text', required: true, access: { update: nobody } },
      { name: 'text', type: 'textarea', required: true, access: { update: nobody } },
      {
        name: 'link',
        type: 'text',
        access: { update: nobody },
        admin: { description: 'The admin screen this is about.' },
      },
      { name: 'read', type: 'checkbox', defaultValue: false, index: true },
      {
        name: 'readAt',
        type: 'date',
        // Field access is checked before the hook above stamps it: only the stamp sets it.
        access: { update: nobody },
        admin: { readOnly: true, position: 'sidebar' },
      },
      {
        name: 'sentAt',
        type: 'date',
        access: { update: nobody },
        admin: {
          readOnly: true,
          position: 'sidebar',
          description: 'When it went out in an email digest; empty if it was not mailed.',
        },
      },
      {
        name: 'digestId',
        type: 'text',
        access: { update: nobody },
        admin: { readOnly: true, position: 'sidebar' },
      },
      {
        name: 'key',
        type: 'text',
        access: { update: nobody },
        admin: { hidden: true },
      },
    ],
  }
}
