import type { CollectionConfig, Field } from 'payload'

import { accessFrom } from '../access/fromCheck'
import type { SanitizedSchedulerConfig } from '../defaults'

/** Written only by the workers (plain SQL); people read them. */
const workersOnly = (config: SanitizedSchedulerConfig) => ({
  read: accessFrom(config.canRead),
  create: () => false,
  update: () => false,
  delete: () => false,
})

const count = (name: string, description: string): Field => ({
  name,
  type: 'number',
  admin: { description },
})

/** One number per metric the networks report (`metricNames`), empty when not reported. */
const metricFields: Field[] = [
  count('impressions', 'Times shown.'),
  count('reach', 'Distinct accounts shown to.'),
  count('likes', 'Likes, favourites or reactions.'),
  count('comments', 'Replies or comments.'),
  count('shares', 'Reposts, reblogs or shares.'),
  count('saves', 'Bookmarks or saves.'),
  count('clicks', "Clicks the network counted (not Carecast's short link)."),
  count('videoViews', 'Video views.'),
]

/**
 * One row per live post whose counts are read back from its network (issue 18): when it is read
 * next, how often it has been, and the claim that lets one worker at a time read it (a lease and
 * a fencing token, as the outbox has). It ends after 90 days, when the post is taken down or the
 * network says the post is gone.
 */
export const metricWatchesCollection = (config: SanitizedSchedulerConfig): CollectionConfig => ({
  slug: config.metrics.watchesSlug,
  labels: { singular: 'Post being measured', plural: 'Posts being measured' },
  admin: {
    group: config.metrics.adminGroup,
    defaultColumns: ['publication', 'channel', 'nextAt', 'readings', 'lastError', 'endedReason'],
  },
  access: workersOnly(config),
  fields: [
    {
      name: 'publication',
      type: 'relationship',
      relationTo: config.publicationsSlug,
      // Not required: deleting a publication empties it (ON DELETE SET NULL) rather than failing.
      unique: true,
    },
    { name: 'account', type: 'relationship', relationTo: config.channelAccountsSlug },
    { name: 'channel', type: 'text', required: true },
    { name: 'publishedAt', type: 'date', required: true },
    { name: 'nextAt', type: 'date', admin: { description: 'When its counts are read next.' } },
    { name: 'readings', type: 'number', defaultValue: 0 },
    { name: 'lastReadAt', type: 'date' },
    { name: 'failures', type: 'number', defaultValue: 0 },
    { name: 'lastError', type: 'text' },
    { name: 'endedAt', type: 'date' },
    { name: 'endedReason', type: 'text' },
    { name: 'leaseOwner', type: 'text', admin: { hidden: true } },
    { name: 'leaseExpiresAt', type: 'date', admin: { hidden: true } },
    { name: 'fencingToken', type: 'number', defaultValue: 0, admin: { hidden: true } },
  ],
})

/**
 * A post's counts as its network reported them at one moment: dated and never overwritten, so a
 * curve can be drawn. A metric the network does not report stays empty (not 0).
 */
export const metricSnapshotsCollection = (config: SanitizedSchedulerConfig): CollectionConfig => ({
  slug: config.metrics.snapshotsSlug,
  labels: { singular: 'Network reading', plural: 'Network readings' },
  admin: {
    group: config.metrics.adminGroup,
    defaultColumns: ['publication', 'channel', 'takenAt', 'impressions', 'reach', 'likes'],
  },
  access: workersOnly(config),
  indexes: [{ fields: ['publication', 'takenAt'] }],
  fields: [
    // Not required, for the same reason: a deleted publication's readings stay, unattached.
    { name: 'publication', type: 'relationship', relationTo: config.publicationsSlug },
    { name: 'channel', type: 'text', required: true },
    { name: 'takenAt', type: 'date', required: true },
    ...metricFields,
  ],
})

/**
 * Each post's change per UTC day in every count, added up from its readings as they are stored
 * (a reading's change is its total less the post's previous reading): the sum of a post's days up
 * to a day is its latest total then. A campaign's day-by-day curve reads these — about 40 rows a
 * post over 90 days — rather than every one of its 85 readings.
 */
export const metricDaysCollection = (config: SanitizedSchedulerConfig): CollectionConfig => ({
  slug: config.metrics.daysSlug,
  labels: { singular: 'Daily change', plural: 'Daily changes' },
  admin: { group: config.metrics.adminGroup, hidden: true },
  access: workersOnly(config),
  indexes: [{ fields: ['publication', 'day'], unique: true }],
  fields: [
    { name: 'publication', type: 'relationship', relationTo: config.publicationsSlug },
    { name: 'day', type: 'date', required: true },
    ...metricFields,
  ],
})

/**
 * Each account's pace through its network's rate limit, shared by every worker: the earliest
 * moment the next read may start (a generic cell rate: one call every window ÷ limit). A 429 moves
 * it to when the network said to come back.
 */
export const metricBudgetsCollection = (config: SanitizedSchedulerConfig): CollectionConfig => ({
  slug: config.metrics.budgetsSlug,
  labels: { singular: 'Network read budget', plural: 'Network read budgets' },
  admin: { group: config.metrics.adminGroup, hidden: true },
  access: workersOnly(config),
  fields: [
    {
      name: 'account',
      type: 'relationship',
      relationTo: config.channelAccountsSlug,
      required: true,
      unique: true,
    },
    { name: 'allowedAt', type: 'date', required: true },
  ],
})
