import type { GlobalConfig } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'
import { actorOf } from '../events'

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
    {
      name: 'reason',
      type: 'text',
      maxLength: 300,
      admin: { description: 'Why it was paused, or resumed.' },
    },
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
    // Whether through /api/scheduler/pause or the admin, a flip of the switch is told to the host.
    afterChange: [
      async ({ doc, previousDoc, req }) => {
        if (Boolean(previousDoc?.paused) === Boolean(doc.paused)) return doc
        await config.onEvent(
          {
            type: doc.paused ? 'dispatch.paused' : 'dispatch.resumed',
            scope: 'everything',
            actor: actorOf(req),
            // A resume's reason is one given with it, not the pause's left standing.
            reason: doc.paused || doc.reason !== previousDoc?.reason ? (doc.reason ?? null) : null,
          },
          { payload: req.payload, req },
        )
        return doc
      },
    ],
  },
})
