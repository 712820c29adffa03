import type { CollectionConfig } from 'payload'

import { isAuthor } from '../../src/access/isAuthor'
import { isAuthorOrConsentOfficerWhileConsentHolds } from '../../src/access/isAuthorOrConsentOfficerWhileConsentHolds'
import { isAuthorWhileConsentHolds } from '../../src/access/isAuthorWhileConsentHolds'
import { isConsentOfficerOrAdminField } from '../../src/access/isConsentOfficerOrAdmin'
import { isStaffField } from '../../src/access/isStaffField'
import { isStaffWhileConsentHolds } from '../../src/access/isStaffWhileConsentHolds'
import { publishedForApiClientsWhileConsentHolds } from '../../src/access/publishedForApiClientsWhileConsentHolds'
import { auditChanges, auditDeletes } from '../../src/audit/auditHooks'
import { draftCheckField, withDraftWarning } from '../../src/fields/draftWarnings'
import { slugField } from '../../src/fields/slugField'
import { consentUseOptions } from '../../src/lib/consent/options'
import { slugs } from '../../src/slugs'
import { deriveConsentUses } from './hooks/deriveConsentUses'
import { requireConsentInForce } from './hooks/requireConsentInForce'

const INITIALS = /^(\p{Lu}\.\s?){1,4}$/u

/** A patient's story, told only with their written consent (the consent record it relies on). */
export const PatientStories: CollectionConfig = {
  slug: slugs.patientStories,
  admin: {
    group: 'Content',
    useAsTitle: 'title',
    defaultColumns: ['title', 'displayNamePolicy', 'consentUsesNeeded', '_status'],
  },
  access: {
    // Once the consent the story relies on is revoked or expired, only consent officers and
    // admins read it (and its versions) — through every API, lists filtered, by id refused.
    read: publishedForApiClientsWhileConsentHolds,
    readVersions: isStaffWhileConsentHolds,
    create: isAuthor,
    update: isAuthorOrConsentOfficerWhileConsentHolds,
    delete: isAuthorWhileConsentHolds,
  },
  versions: { drafts: true, maxPerDoc: 50 },
  // A story carries a patient's health information: who changed or published what is kept.
  hooks: {
    afterChange: [auditChanges(slugs.patientStories)],
    afterDelete: [auditDeletes(slugs.patientStories)],
  },
  fields: [
    draftCheckField,
    { name: 'title', type: 'text', required: true, localized: true, maxLength: 160 },
    slugField(),
    {
      name: 'displayNamePolicy',
      type: 'select',
      required: true,
      defaultValue: 'first-name',
      options: [
        { value: 'full-name', label: 'Full name' },
        { value: 'first-name', label: 'First name only' },
        { value: 'initials', label: 'Initials' },
        { value: 'anonymous', label: 'Anonymous' },
      ],
    },
    {
      name: 'displayName',
      type: 'text',
      maxLength: 80,
      admin: withDraftWarning({
        description:
          'The name shown with the story, as the policy allows: "Maria", "M. G.", or empty when anonymous.',
      }),
      validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
        const policy = siblingData?.displayNamePolicy
        const name = typeof value === 'string' ? value.trim() : ''
        if (policy === 'anonymous')
          return name ? 'An anonymous story shows no name: leave the display name empty.' : true
        if (!name) return 'Give the name to show, or choose "Anonymous".'
        if (policy === 'initials' && !INITIALS.test(name))
          return 'With the "Initials" policy the display name must be initials, e.g. "M. G.".'
        if (policy === 'first-name' && /\s/.test(name))
          return 'With the "First name only" policy the display name is one word.'
        return true
      },
    },
    { name: 'narrative', type: 'richText', required: true, localized: true },
    { name: 'pullQuote', type: 'textarea', localized: true, maxLength: 280 },
    { name: 'serviceLines', type: 'relationship', relationTo: slugs.serviceLines, hasMany: true },
    { name: 'campaigns', type: 'relationship', relationTo: slugs.campaigns, hasMany: true },
    { name: 'photos', type: 'upload', relationTo: slugs.media, hasMany: true },
    { name: 'videos', type: 'relationship', relationTo: slugs.videoAssets, hasMany: true },
    {
      name: 'consentRecord',
      type: 'relationship',
      relationTo: slugs.consentRecords,
      // Linked by consent officers, who can see the record; marketers see only that one is linked.
      access: {
        read: isStaffField,
        create: isConsentOfficerOrAdminField,
        update: isConsentOfficerOrAdminField,
      },
      admin: {
        position: 'sidebar',
        description:
          'The signed authorization this story relies on. Required before it can be published.',
      },
      validate: (
        value: unknown,
        {
          siblingData,
          data,
        }: { siblingData: Record<string, unknown>; data: Record<string, unknown> },
      ) =>
        (siblingData?._status ?? data?._status) === 'published' && !value
          ? 'A story can be published only once a consent officer has linked the consent record it relies on.'
          : true,
    },
    {
      type: 'collapsible',
      label: 'About the patient (staff only)',
      fields: [
        { name: 'patientAge', type: 'number', min: 0, max: 130, access: { read: isStaffField } },
        { name: 'patientHometown', type: 'text', maxLength: 120, access: { read: isStaffField } },
      ],
    },
    {
      name: 'consentUsesNeeded',
      type: 'json',
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: 'Worked out from the story on every save: what its consent must allow.',
        components: {
          Field: {
            path: '/src/fields/ReadOnlyList#ReadOnlyList',
            clientProps: {
              lead: 'Its consent must allow:',
              empty: 'Nothing yet: the story names, shows or describes no patient detail.',
              labels: Object.fromEntries(consentUseOptions.map((use) => [use.value, use.label])),
            },
          },
        },
      },
      access: { read: isStaffField },
      hooks: { beforeChange: [deriveConsentUses, requireConsentInForce] },
    },
  ],
}
