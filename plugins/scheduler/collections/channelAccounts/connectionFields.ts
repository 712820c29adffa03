import type { Field, FieldAccess } from 'payload'

import { nobody } from '../../access/nobody'
import type { SanitizedSchedulerConfig } from '../../defaults'

/** Only the plugin's OAuth flow and token keeper write these. */
const internalOnly: FieldAccess = ({ req }) => Boolean(req.context?.schedulerInternal)

const shown = (field: Field): Field =>
  ({
    ...field,
    access: { create: internalOnly, update: internalOnly },
    admin: { ...field.admin, readOnly: true, position: 'sidebar' },
  }) as Field

/**
 * What connecting an account with OAuth keeps (issue 17): whether it works, as whom, until when,
 * and the secrets of the flow. Secrets are stored encrypted and read by nobody through any API.
 */
export const connectionFields = (config: SanitizedSchedulerConfig): Field[] => [
  {
    name: 'connection',
    type: 'select',
    index: true,
    options: [
      { value: 'connected', label: 'Connected' },
      { value: 'reconnect-needed', label: 'Reconnect needed' },
    ],
    access: { create: internalOnly, update: internalOnly },
    admin: {
      readOnly: true,
      position: 'sidebar',
      description:
        'Set by "Connect": while it says "Reconnect needed", posts to this account wait (they do not fail).',
    },
  },
  shown({
    name: 'connectionProblem',
    type: 'text',
    admin: { description: 'Why it needs reconnecting.' },
  }),
  shown({
    name: 'connectedAs',
    type: 'text',
    admin: { description: 'Who the network says this account is.' },
  }),
  shown({
    name: 'tokenExpiresAt',
    type: 'date',
    admin: {
      date: { pickerAppearance: 'dayAndTime' },
      description: 'Renewed before then with the refresh token.',
    },
  }),
  shown({
    name: 'tokenCheckedAt',
    type: 'date',
    admin: { date: { pickerAppearance: 'dayAndTime' } },
  }),
  {
    name: 'owner',
    type: 'relationship',
    relationTo: config.usersCollection,
    admin: {
      position: 'sidebar',
      description:
        'Told (with the admins) when the account must be reconnected. Whoever connects it, unless set.',
    },
  },
  {
    name: 'refreshToken',
    type: 'text',
    access: { read: nobody, create: internalOnly, update: internalOnly },
    admin: { hidden: true },
  },
  // The app Carecast registered on a Mastodon instance, and a flow under way (state, verifier).
  {
    name: 'oauthClient',
    type: 'json',
    access: { read: nobody, create: internalOnly, update: internalOnly },
    admin: { hidden: true },
  },
  {
    name: 'oauthPending',
    type: 'json',
    access: { read: nobody, create: internalOnly, update: internalOnly },
    admin: { hidden: true },
  },
]
