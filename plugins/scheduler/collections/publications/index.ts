import type { CollectionConfig, Field } from 'payload'

import { accessFrom } from '../../access/fromCheck'
import type { SanitizedSchedulerConfig } from '../../defaults'
import { calendarEndpoints } from '../../endpoints/calendar'
import { gateEndpoint } from '../../endpoints/gate'
import { rescheduleEndpoint } from '../../endpoints/reschedule'
import { transitionEndpoints } from '../../endpoints/transitions'
import { channelKinds, publicationStates } from '../../types'
import { wallClockAdmin } from '../../fields/wallClock'
import { accountsThatCanSend } from '../channelAccounts/credentialsNeeded'
import { assignChannelAndKey } from './hooks/assignChannelAndKey'
import { emitTransition } from './hooks/emitTransition'
import { enforceTransitions } from './hooks/enforceTransitions'
import { copyValidator } from './copyValidator'
import { dispatchFields } from './dispatchFields'
import { validateRRuleField, validateTimeZone, validateUnpublishAt } from './validators'

/**
 * The outbox: one row per "this document, on that account, at that time", with its own copy.
 * People move a row through draft → awaiting-approval → scheduled (or cancel it); only workers
 * move it on from there (dispatching, published, failed, retracting, retracted).
 */
export const publicationsCollection = (config: SanitizedSchedulerConfig): CollectionConfig => ({
  slug: config.publicationsSlug,
  labels: { singular: 'Publication', plural: 'Publications' },
  admin: {
    group: config.adminGroup,
    useAsTitle: 'title',
    defaultColumns: ['title', 'channel', 'dueAt', 'state', 'attempts', 'remoteUrl'],
    listSearchableFields: ['text', 'title'],
  },
  access: {
    read: accessFrom(config.canRead),
    create: accessFrom(config.canAuthor),
    // Approvers update too: approving and rejecting are state changes, checked by enforceTransitions.
    update: accessFrom((req) => config.canAuthor(req) || config.canApprove(req)),
    delete: accessFrom(config.canAuthor),
  },
  indexes: [{ fields: ['state', 'dueAt'] }],
  hooks: {
    beforeValidate: [assignChannelAndKey(config)],
    beforeChange: [enforceTransitions(config)],
    afterChange: [emitTransition(config)],
  },
  endpoints: [
    ...calendarEndpoints(config),
    ...transitionEndpoints(config),
    rescheduleEndpoint(config),
    gateEndpoint(config),
  ],
  fields: [
    {
      name: 'title',
      type: 'text',
      maxLength: 200,
      validate: copyValidator(config, 'title'),
      admin: { description: 'For the calendar; YouTube uses it as the video title.' },
    },
    {
      name: 'document',
      type: 'relationship',
      relationTo: config.collections,
      required: true,
      index: true,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'channelAccount',
          type: 'relationship',
          relationTo: config.channelAccountsSlug,
          required: true,
          index: true,
          filterOptions: () => accountsThatCanSend,
          admin: {
            description:
              'Only accounts that can send are listed: a network account needs its access token, a webhook its signing secret (set on the channel account).',
          },
        },
        {
          name: 'channel',
          type: 'select',
          options: [...channelKinds],
          index: true,
          admin: { readOnly: true, description: 'Taken from the account.' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'dueAt',
          type: 'date',
          required: true,
          index: true,
          admin: wallClockAdmin(),
        },
        {
          name: 'timeZone',
          type: 'text',
          required: true,
          defaultValue: 'America/New_York',
          validate: validateTimeZone,
        },
      ],
    },
    {
      name: 'text',
      type: 'textarea',
      maxLength: 63_206,
      validate: copyValidator(config, 'text'),
      admin: { description: "The post's copy, checked against the network's limits as you type." },
    },
    {
      name: 'hashtags',
      type: 'text',
      maxLength: 500,
      validate: copyValidator(config, 'hashtags'),
      admin: { description: 'Space-separated, with or without #.' },
    },
    {
      name: 'link',
      type: 'text',
      maxLength: 2000,
      validate: copyValidator(config, 'link'),
      admin: { description: "Gets the document's UTM tags when sent." },
    },
    // Payload refuses an upload field with no collection: a host without uploads gets no media field.
    ...(config.mediaCollections.length
      ? [
          {
            name: 'media',
            type: 'upload',
            relationTo: config.mediaCollections.map((entry) => entry.slug),
            hasMany: true,
            validate: copyValidator(config, 'media'),
          } satisfies Field,
        ]
      : []),
    {
      name: 'repeat',
      type: 'text',
      maxLength: 300,
      validate: validateRRuleField,
      admin: {
        description:
          'Evergreen re-share: an RRULE, e.g. FREQ=MONTHLY;COUNT=6. Each occurrence keeps the wall-clock time in the time zone.',
      },
    },
    {
      name: 'repeatOf',
      type: 'relationship',
      relationTo: config.publicationsSlug,
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'unpublishAt',
      type: 'date',
      validate: validateUnpublishAt(config),
      admin: {
        ...wallClockAdmin(),
        description: 'Take the post down at this time (e.g. the campaign end).',
      },
    },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: [...publicationStates],
      admin: {
        position: 'sidebar',
        description:
          'Send for approval, approve, cancel or retry here; the rest is set by the dispatcher.',
      },
    },
    { name: 'rejectionReason', type: 'textarea', maxLength: 1000, admin: { position: 'sidebar' } },
    {
      name: 'cancelReason',
      type: 'text',
      maxLength: 500,
      admin: { position: 'sidebar', readOnly: true },
    },
    ...dispatchFields(config),
  ],
})
