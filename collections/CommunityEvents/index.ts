import type { CollectionConfig, TextFieldSingleValidation } from 'payload'

import { validateRRule } from '../../plugins/calendar'
import { wallClockAdmin } from '../../plugins/scheduler'

import { isAuthor } from '../../src/access/isAuthor'
import { publishedOrStaff } from '../../src/access/publishedOrStaff'
import { draftCheckField, withDraftWarning } from '../../src/fields/draftWarnings'
import { slugField } from '../../src/fields/slugField'
import { timeZoneField } from '../../src/fields/timeZoneField'
import { validateEndAfterStart } from '../../src/fields/validateEndAfterStart'
import { slugs } from '../../src/slugs'
import { eventRecurrence } from './recurrence'

const httpsUrl: TextFieldSingleValidation = (value) => {
  if (!value) return true
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? true
      : 'Give a web address starting with https://.'
  } catch {
    return `"${value}" is not a web address; give one starting with https://.`
  }
}

const needsJoinUrl: TextFieldSingleValidation = (value, options) => {
  const format = (options.siblingData as { format?: string } | undefined)?.format
  if (!value && (format === 'online' || format === 'mixed'))
    return 'An online or mixed event needs the address people join at.'
  return httpsUrl(value, options)
}

/** A health fair, support group, screening day or webinar — one-off or recurring. */
export const CommunityEvents: CollectionConfig = {
  slug: slugs.communityEvents,
  admin: {
    group: 'Content',
    useAsTitle: 'title',
    defaultColumns: ['title', 'startsAt', 'format', 'eventStatus', '_status'],
  },
  access: { read: publishedOrStaff, create: isAuthor, update: isAuthor, delete: isAuthor },
  versions: { drafts: true, maxPerDoc: 50 },
  fields: [
    draftCheckField,
    { name: 'title', type: 'text', required: true, localized: true, maxLength: 160 },
    slugField(),
    { name: 'description', type: 'richText', localized: true },
    {
      type: 'row',
      fields: [
        {
          name: 'startsAt',
          type: 'date',
          required: true,
          admin: wallClockAdmin(),
        },
        {
          name: 'endsAt',
          type: 'date',
          required: true,
          admin: withDraftWarning(wallClockAdmin()),
          validate: validateEndAfterStart,
        },
      ],
    },
    timeZoneField(),
    {
      name: 'recurrence',
      type: 'group',
      admin: { description: 'Leave empty for a one-off event.' },
      fields: [
        {
          name: 'rrule',
          type: 'text',
          maxLength: 300,
          admin: withDraftWarning({
            description:
              'RFC 5545 rule, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=8 (every Tuesday, 8 times). Times repeat in the event time zone.',
          }),
          validate: ((value) => {
            if (!value) return true
            const result = validateRRule(value, eventRecurrence)
            return result.ok ? true : result.message
          }) as TextFieldSingleValidation,
        },
        {
          name: 'exceptions',
          type: 'array',
          labels: { singular: 'Skipped occurrence', plural: 'Skipped occurrences' },
          fields: [
            {
              name: 'startsAt',
              type: 'date',
              required: true,
              admin: wallClockAdmin(),
            },
          ],
        },
      ],
    },
    {
      name: 'format',
      type: 'select',
      required: true,
      defaultValue: 'in-person',
      options: [
        { value: 'in-person', label: 'In person' },
        { value: 'online', label: 'Online' },
        { value: 'mixed', label: 'In person and online' },
      ],
    },
    {
      name: 'venue',
      type: 'group',
      admin: { condition: (_, s) => s?.format !== 'online' },
      fields: [
        { name: 'name', type: 'text', maxLength: 160 },
        { name: 'street', type: 'text', maxLength: 200 },
        { name: 'city', type: 'text', maxLength: 100 },
        { name: 'region', type: 'text', maxLength: 100 },
        { name: 'postalCode', type: 'text', maxLength: 20 },
        {
          name: 'country',
          type: 'text',
          maxLength: 2,
          defaultValue: 'US',
          admin: { description: 'ISO 3166 code, e.g. US' },
        },
      ],
    },
    {
      name: 'joinUrl',
      type: 'text',
      maxLength: 500,
      validate: needsJoinUrl,
      admin: withDraftWarning({
        condition: (_: unknown, s: { format?: string }) => s?.format !== 'in-person',
      }),
    },
    { name: 'organizer', type: 'text', maxLength: 160 },
    { name: 'capacity', type: 'number', min: 1 },
    {
      name: 'registrationUrl',
      type: 'text',
      maxLength: 500,
      validate: httpsUrl,
      admin: withDraftWarning(),
    },
    {
      name: 'signUps',
      type: 'number',
      min: 0,
      admin: {
        condition: (data) => Boolean(data?.registrationUrl),
        description:
          "Sign-ups so far, from the registration page's own system (typed in, or sent through the API); counted toward the campaign's sign-up KPI.",
      },
    },
    {
      name: 'cost',
      type: 'group',
      fields: [
        { name: 'isFree', type: 'checkbox', defaultValue: true },
        { name: 'amount', type: 'number', min: 0, admin: { condition: (_, s) => !s?.isFree } },
        {
          name: 'currency',
          type: 'select',
          defaultValue: 'USD',
          options: ['USD', 'EUR', 'GBP', 'CAD', 'MXN'],
          admin: { condition: (_, s) => !s?.isFree },
        },
      ],
    },
    { name: 'accessibilityNotes', type: 'textarea', localized: true, maxLength: 1000 },
    {
      name: 'language',
      type: 'select',
      defaultValue: 'en',
      options: [
        { value: 'en', label: 'English' },
        { value: 'es', label: 'Spanish' },
        { value: 'bilingual', label: 'English and Spanish' },
      ],
    },
    {
      name: 'eventStatus',
      type: 'select',
      required: true,
      defaultValue: 'scheduled',
      options: [
        { value: 'scheduled', label: 'Scheduled' },
        { value: 'cancelled', label: 'Cancelled' },
        { value: 'postponed', label: 'Postponed' },
        { value: 'rescheduled', label: 'Rescheduled' },
        { value: 'moved-online', label: 'Moved online' },
      ],
    },
    { name: 'campaign', type: 'relationship', relationTo: slugs.campaigns },
    { name: 'image', type: 'upload', relationTo: slugs.media },
  ],
}
