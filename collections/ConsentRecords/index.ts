import type { CollectionConfig } from 'payload'

import { isConsentOfficerOrAdmin } from '../../src/access/isConsentOfficerOrAdmin'
import {
  auditChanges,
  auditDeletes,
  auditReads,
  rememberOperation,
} from '../../src/audit/auditHooks'
import {
  consentChannelOptions,
  consentPurposeOptions,
  consentUseOptions,
} from '../../src/lib/consent/options'
import { dayOnly } from '../../src/fields/dayOnly'
import { slugs } from '../../src/slugs'
import { deriveStatusOnRead, deriveStatusOnSave } from './hooks/deriveStatus'
import { guardRevocation } from './hooks/guardRevocation'
import { preventDeleteDuringRetention } from './hooks/preventDeleteDuringRetention'

const readOnlyDerived = { readOnly: true, position: 'sidebar' as const }

/**
 * A patient's HIPAA authorization for marketing use (45 CFR 164.508(c)): what may be disclosed,
 * to whom, on which channels, for what, until when — and its revocation. Only consent officers
 * and admins can see or change one; every read and change is audited.
 */
export const ConsentRecords: CollectionConfig = {
  slug: slugs.consentRecords,
  admin: {
    group: 'Compliance',
    useAsTitle: 'reference',
    defaultColumns: ['reference', 'status', 'expiry.expiresOn', 'updatedAt'],
    description:
      'Signed patient authorizations. Status is worked out from the record, never typed.',
  },
  access: {
    read: isConsentOfficerOrAdmin,
    create: isConsentOfficerOrAdmin,
    update: isConsentOfficerOrAdmin,
    delete: isConsentOfficerOrAdmin,
  },
  hooks: {
    beforeOperation: [rememberOperation],
    beforeChange: [guardRevocation],
    beforeDelete: [preventDeleteDuringRetention],
    afterChange: [auditChanges(slugs.consentRecords)],
    afterDelete: [auditDeletes(slugs.consentRecords)],
    afterRead: [deriveStatusOnRead, auditReads(slugs.consentRecords)],
  },
  fields: [
    {
      name: 'reference',
      type: 'text',
      required: true,
      unique: true,
      maxLength: 60,
      admin: { description: 'Your form or case number, e.g. "AUTH-2026-0042".' },
    },
    {
      name: 'status',
      type: 'select',
      index: true,
      options: ['pending', 'active', 'expired', 'revoked', 'incomplete'],
      admin: readOnlyDerived,
      hooks: { beforeChange: [deriveStatusOnSave] },
    },
    {
      name: 'person',
      type: 'group',
      label: 'Patient',
      fields: [
        { name: 'legalName', type: 'text', required: true, maxLength: 160 },
        { name: 'dateOfBirth', type: 'date', admin: dayOnly },
        { name: 'email', type: 'email' },
        { name: 'phone', type: 'text', maxLength: 40 },
        { name: 'address', type: 'textarea', maxLength: 400 },
      ],
    },
    {
      name: 'signer',
      type: 'group',
      label: 'Who signed',
      fields: [
        {
          name: 'type',
          type: 'select',
          required: true,
          defaultValue: 'patient',
          options: [
            { value: 'patient', label: 'The patient' },
            { value: 'parent-guardian', label: 'Parent or guardian' },
            { value: 'personal-representative', label: 'Other personal representative' },
          ],
        },
        {
          name: 'name',
          type: 'text',
          maxLength: 160,
          admin: { condition: (_, s) => s?.type !== 'patient' },
        },
        {
          name: 'authority',
          type: 'text',
          maxLength: 300,
          admin: {
            condition: (_, s) => s?.type !== 'patient',
            description:
              'Their authority to act for the patient (required by 164.508(c)(1)(vi)), e.g. "Mother of a minor", "Health care power of attorney".',
          },
        },
      ],
    },
    {
      name: 'form',
      type: 'group',
      fields: [
        { name: 'version', type: 'text', maxLength: 40 },
        {
          name: 'language',
          type: 'select',
          defaultValue: 'en',
          options: [
            { value: 'en', label: 'English' },
            { value: 'es', label: 'Spanish' },
            { value: 'other', label: 'Other' },
          ],
        },
        { name: 'interpreterUsed', type: 'checkbox', defaultValue: false },
        {
          name: 'interpreterName',
          type: 'text',
          maxLength: 160,
          admin: { condition: (_, s) => Boolean(s?.interpreterUsed) },
        },
        {
          name: 'interpreterLanguage',
          type: 'text',
          maxLength: 60,
          admin: { condition: (_, s) => Boolean(s?.interpreterUsed) },
        },
      ],
    },
    {
      name: 'usesAllowed',
      type: 'select',
      hasMany: true,
      options: consentUseOptions,
      admin: { description: 'The information that may be disclosed.' },
    },
    { name: 'channelsAllowed', type: 'select', hasMany: true, options: consentChannelOptions },
    { name: 'purposes', type: 'select', hasMany: true, options: consentPurposeOptions },
    { name: 'purposeDescription', type: 'textarea', maxLength: 1000 },
    {
      name: 'recipients',
      type: 'textarea',
      maxLength: 1000,
      admin: {
        description:
          'Who may receive the information, e.g. "The public, through the hospital website and social media". Required (164.508(c)(1)(iii)): without it the authorization is incomplete.',
      },
    },
    {
      name: 'expiry',
      type: 'group',
      admin: {
        description: 'A date or an event; one is required for the authorization to be valid.',
      },
      fields: [
        { name: 'expiresOn', type: 'date', admin: dayOnly },
        {
          name: 'event',
          type: 'text',
          maxLength: 300,
          admin: { description: 'e.g. "End of the 2026 Breast Cancer Awareness campaign".' },
        },
      ],
    },
    {
      name: 'statements',
      type: 'group',
      label: 'Required statements acknowledged',
      fields: [
        {
          name: 'rightToRevoke',
          type: 'checkbox',
          defaultValue: false,
          label: 'Right to revoke in writing, and how',
        },
        {
          name: 'treatmentNotConditioned',
          type: 'checkbox',
          defaultValue: false,
          label: 'Treatment is not conditioned on signing',
        },
        {
          name: 'redisclosure',
          type: 'checkbox',
          defaultValue: false,
          label: 'Information may be redisclosed and no longer protected',
        },
      ],
    },
    {
      name: 'payment',
      type: 'group',
      fields: [
        {
          name: 'involved',
          type: 'checkbox',
          defaultValue: false,
          label: 'The patient is paid or receives something of value',
        },
        {
          name: 'description',
          type: 'text',
          maxLength: 300,
          admin: { condition: (_, s) => Boolean(s?.involved) },
        },
      ],
    },
    {
      name: 'signature',
      type: 'group',
      fields: [
        { name: 'signedAt', type: 'date', admin: dayOnly },
        {
          name: 'method',
          type: 'select',
          options: [
            { value: 'wet-ink', label: 'Wet ink' },
            { value: 'electronic', label: 'Electronic signature' },
          ],
        },
        { name: 'witness', type: 'text', maxLength: 160 },
        { name: 'signedForm', type: 'upload', relationTo: slugs.consentForms },
      ],
    },
    {
      name: 'revocation',
      type: 'group',
      admin: { description: 'Recording a revocation cannot be undone.' },
      fields: [
        { name: 'receivedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        {
          name: 'method',
          type: 'select',
          options: [
            { value: 'written-letter', label: 'Written letter' },
            { value: 'email', label: 'Email' },
            { value: 'patient-portal', label: 'Patient portal message' },
            { value: 'in-person', label: 'In person, in writing' },
          ],
        },
        {
          name: 'recordedBy',
          type: 'relationship',
          relationTo: slugs.users,
          admin: { readOnly: true },
        },
        { name: 'notes', type: 'textarea', maxLength: 1000 },
      ],
    },
    {
      name: 'missingElements',
      type: 'json',
      virtual: true,
      admin: {
        ...readOnlyDerived,
        components: {
          Field: {
            path: '/src/fields/ReadOnlyList#ReadOnlyList',
            clientProps: {
              lead: 'Still missing, so nothing can rely on this consent yet:',
              empty: 'Every required element is recorded.',
            },
          },
        },
      },
    },
    {
      name: 'retentionUntil',
      type: 'date',
      virtual: true,
      admin: { ...readOnlyDerived, ...dayOnly },
    },
  ],
}
