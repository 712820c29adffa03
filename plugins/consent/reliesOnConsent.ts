import type { CollectionBeforeChangeHook, CollectionSlug, Field, FieldAccess } from 'payload'

import { relationId } from '../scheduler'
import type { SanitizedConsentConfig } from './defaults'

/**
 * The consent records a publication relied on when it was approved, kept on the row: the
 * takedown report and the cascade find it through them even after a photo or story is relinked.
 */
export const reliesOnConsentField = (config: SanitizedConsentConfig): Field => {
  const managers: FieldAccess = ({ req }) => config.canManage(req)
  return {
    name: 'reliesOnConsent',
    type: 'relationship',
    relationTo: config.consentRecordsSlug,
    hasMany: true,
    access: { read: managers, create: () => false, update: () => false },
    admin: {
      readOnly: true,
      position: 'sidebar',
      description: 'The consent records this publication relies on (set at approval).',
    },
  }
}

export const recordReliance =
  (config: SanitizedConsentConfig): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    if (
      req.context?.schedulerInternal ||
      data.state !== 'scheduled' ||
      originalDoc?.state === 'scheduled'
    )
      return data
    const merged = { ...originalDoc, ...data } as Record<string, unknown> & {
      document?: { relationTo?: CollectionSlug; value?: unknown }
    }
    const collection = merged.document?.relationTo
    const id = relationId(merged.document?.value)
    if (!collection || id === undefined) return data
    const doc = await req.payload.findByID({
      collection,
      id,
      depth: 1,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!doc) return data
    const { reliances } = await config.reliance({
      collection,
      doc: doc as unknown as Record<string, unknown>,
      publication: merged as never,
      payload: req.payload,
      req,
    })
    data.reliesOnConsent = [
      ...new Set(
        reliances.map((reliance) => reliance.consentRecordId).filter((value) => value !== null),
      ),
    ]
    return data
  }
