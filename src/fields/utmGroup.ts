import type { FieldHook, GroupField, TextFieldSingleValidation } from 'payload'

import { findHealthTerm, healthTermMessage } from '../lib/utm/findHealthTerm'
import { healthTerms } from '../lib/utm/healthTerms'
import { utmFromSlug } from '../lib/utm/utmFromSlug'
import { withDraftWarning } from './draftWarnings'

/** UTM values end up in analytics tools: they must not carry a condition or diagnosis. */
const noHealthTerm =
  (field: string): TextFieldSingleValidation =>
  async (value, { req }) => {
    if (!value) return true
    const hit = findHealthTerm({ [field]: value }, await healthTerms(req))
    return hit ? healthTermMessage(hit) : true
  }

/**
 * Empty UTM values are generated from the slug, so every link is tagged without typing — with
 * any health term left out (`breast-cancer-awareness-2026` → `awareness-2026`).
 */
const defaultFromSlug =
  (part: 'source' | 'medium' | 'campaign'): FieldHook =>
  async ({ value, data, req }) => {
    if (typeof value === 'string' && value.trim()) return value.trim()
    const slug = (data as { slug?: unknown } | undefined)?.slug
    return typeof slug === 'string' && slug
      ? utmFromSlug(slug, await healthTerms(req))[part]
      : value
  }

const UTM_VALUE = /^[A-Za-z0-9._~-]+$/
const urlSafe: TextFieldSingleValidation = (value) =>
  !value || UTM_VALUE.test(value)
    ? true
    : 'Use only letters, digits and . _ ~ - in UTM values (no spaces).'

const utmText = (name: string, part?: 'source' | 'medium' | 'campaign') => ({
  name,
  type: 'text' as const,
  maxLength: 100,
  hooks: part ? { beforeValidate: [defaultFromSlug(part)] } : undefined,
  admin: withDraftWarning(),
  validate: (async (value, options) => {
    const shape = urlSafe(value, options)
    return shape === true ? noHealthTerm(`utm_${name}`)(value, options) : shape
  }) as TextFieldSingleValidation,
})

export const utmGroup: GroupField = {
  name: 'utm',
  type: 'group',
  label: 'UTM tags',
  admin: {
    description:
      'Added to every link this campaign publishes. Generated from the slug; editable. Never a condition or diagnosis.',
  },
  fields: [
    utmText('source', 'source'),
    utmText('medium', 'medium'),
    utmText('campaign', 'campaign'),
    utmText('content'),
    utmText('term'),
  ],
}
