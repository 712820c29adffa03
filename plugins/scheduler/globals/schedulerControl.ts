import type { GlobalConfig } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'

/**
 * The crisis switch: while `paused`, no worker sends a new post, on any channel. Takedowns
 * (retractions after a revocation or expiry, unpublishes by hand or at `unpublishAt`) still go out:
 * see `claimDue`.
 */
export const schedulerControlGlobal = (config: SanitizedSchedulerConfig): GlobalConfig => ({
  slug: config.controlSlug,
  label: 'Dispatch control',
  admin: {
    group: config.adminGroup,
    description:
      'Pause stops new posts on every channel at once (e.g. during a crisis); nothing already live is removed, and takedowns (consent revocations and expiries, unpublishes) still go out.',
  },
  access: {
    read: ({ req }) => config.canRead(req),
    update: ({ req }) => config.canOperate(req),
  },
  fields: [
    { name: 'paused', type: 'checkbox', defaultValue: false },
    { name: 'reason', type: 'text', maxLength: 300 },
    {
      name: 'changedBy',
      type: 'relationship',
      relationTo: config.usersCollection,
      admin: { readOnly: true },
    },
    {
      name: 'changedAt',
      type: 'date',
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
  hooks: {
    beforeChange: [
      ({ data, req }) => ({
        ...data,
        changedBy: (req.user as { id?: number } | null)?.id ?? null,
        changedAt: new Date().toISOString(),
      }),
    ],
  },
})
