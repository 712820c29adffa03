import type { CollectionConfig } from 'payload'

import { wallClockAdmin } from '../../plugins/scheduler'

import { isAuthor } from '../../src/access/isAuthor'
import { publishedOrStaff } from '../../src/access/publishedOrStaff'
import { draftCheckField, withDraftWarning } from '../../src/fields/draftWarnings'
import { slugField } from '../../src/fields/slugField'
import { timeZoneField } from '../../src/fields/timeZoneField'
import { utmGroup } from '../../src/fields/utmGroup'
import { validateEndAfterStart } from '../../src/fields/validateEndAfterStart'
import { behindTargetEndpoint, resultsEndpoint } from './endpoints/results'
import { kpiMeasureOptions } from '../../src/results/measures'
import { slugs } from '../../src/slugs'

/** An awareness campaign: what the team wants to achieve, for whom, when, and with what content. */
export const Campaigns: CollectionConfig = {
  slug: slugs.campaigns,
  admin: {
    group: 'Content',
    useAsTitle: 'title',
    defaultColumns: ['title', 'observance', 'startsAt', 'endsAt', '_status'],
    components: {
      views: {
        edit: {
          // KPI progress, charts, best and worst posts, CSV (issue 18); beside the scheduler's Schedule tab.
          results: {
            Component: '/src/results/admin/ResultsTab#ResultsTab',
            path: '/results',
            tab: { label: 'Results', href: '/results', order: 160 },
          },
        },
      },
    },
  },
  access: { read: publishedOrStaff, create: isAuthor, update: isAuthor, delete: isAuthor },
  versions: { drafts: true, maxPerDoc: 50 },
  endpoints: [behindTargetEndpoint, resultsEndpoint],
  fields: [
    draftCheckField,
    { name: 'title', type: 'text', required: true, localized: true, maxLength: 160 },
    slugField(),
    { name: 'summary', type: 'textarea', localized: true, maxLength: 600 },
    { name: 'body', type: 'richText', localized: true },
    { name: 'goal', type: 'textarea', localized: true, maxLength: 600 },
    {
      name: 'kpis',
      type: 'array',
      labels: { singular: 'KPI', plural: 'KPIs' },
      fields: [
        { name: 'metric', type: 'text', required: true, maxLength: 120 },
        {
          name: 'measure',
          type: 'select',
          required: true,
          defaultValue: 'manual',
          options: kpiMeasureOptions,
          admin: {
            description:
              'What the target is compared with on the Results tab. "Entered by hand" is for what no channel counts (screenings booked).',
          },
        },
        { name: 'target', type: 'number', required: true, min: 0 },
        {
          name: 'actual',
          type: 'number',
          min: 0,
          admin: {
            condition: (_, sibling) => sibling?.measure === 'manual',
            description: 'The figure so far, entered by the team.',
          },
        },
        {
          name: 'unit',
          type: 'text',
          maxLength: 40,
          admin: { description: 'e.g. screenings booked, %, sign-ups' },
        },
      ],
    },
    {
      name: 'audienceSegments',
      type: 'relationship',
      relationTo: slugs.audienceSegments,
      hasMany: true,
    },
    { name: 'serviceLines', type: 'relationship', relationTo: slugs.serviceLines, hasMany: true },
    { name: 'observance', type: 'relationship', relationTo: slugs.healthObservances },
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
    { name: 'owner', type: 'relationship', relationTo: slugs.users },
    {
      name: 'budget',
      type: 'group',
      fields: [
        { name: 'planned', type: 'number', min: 0 },
        { name: 'spent', type: 'number', min: 0 },
        {
          name: 'currency',
          type: 'select',
          defaultValue: 'USD',
          options: ['USD', 'EUR', 'GBP', 'CAD', 'MXN'],
        },
      ],
    },
    { name: 'heroImage', type: 'upload', relationTo: slugs.media },
    {
      name: 'relatedStories',
      type: 'relationship',
      relationTo: slugs.patientStories,
      hasMany: true,
    },
    {
      name: 'relatedEvents',
      type: 'relationship',
      relationTo: slugs.communityEvents,
      hasMany: true,
    },
    { name: 'relatedVideos', type: 'relationship', relationTo: slugs.videoAssets, hasMany: true },
    utmGroup,
  ],
}
