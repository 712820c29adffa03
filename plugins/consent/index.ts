import type {
  CollectionConfig,
  Config,
  CustomDocumentViewConfig,
  EditConfigWithoutRoot,
} from 'payload'

import { cascadeRevocation, stampTakedown } from './cascade/afterRevocation'
import { consentTasksCollection } from './collections/consentTasks'
import { type SanitizedConsentConfig, sanitizeConsentOptions } from './defaults'
import { takedownPreviewEndpoint } from './endpoints/takedownPreview'
import { takedownReportEndpoint } from './endpoints/takedownReport'
import { accessibilityGuard, consentGuard } from './gate/guards'
import { withDashboardPanels } from '../scheduler'
import { recordReliance, reliesOnConsentField } from './reliesOnConsent'
import type { ConsentPluginOptions } from './types'

const extend = (
  collections: CollectionConfig[],
  slug: string,
  change: (collection: CollectionConfig) => CollectionConfig,
) => {
  if (!collections.some((collection) => collection.slug === slug))
    throw new Error(
      `consentPlugin: the config has no "${slug}" collection (install it after the scheduler).`,
    )
  return collections.map((collection) =>
    collection.slug === slug ? change(collection) : collection,
  )
}

/** Consent work due, on the dashboard (a path from the host's import-map base directory). */
const CONSENT_DUE = '/plugins/consent/admin/ConsentDue#ConsentDue'
/** The Revoke tab on a consent record: what comes down, the form, then the takedown's progress. */
const REVOKE_VIEW = '/plugins/consent/admin/views/RevokeView#RevokeView'

/** The host's consent collection's admin with the Revoke tab added to its document views. */
const withRevokeTab = (
  admin: CollectionConfig['admin'],
  config: SanitizedConsentConfig,
): CollectionConfig['admin'] => {
  const edit = admin?.components?.views?.edit
  if (edit?.root)
    throw new Error(
      `consentPlugin: the "${config.consentRecordsSlug}" collection replaces all its document views (views.edit.root), so the Revoke tab has nowhere to go.`,
    )
  const revoke: CustomDocumentViewConfig = {
    Component: REVOKE_VIEW,
    path: '/revoke',
    tab: {
      label: 'Revoke',
      href: '/revoke',
      // After Edit (100), before Versions and API (300, 400).
      order: 200,
      condition: ({ req }) => config.canManage(req),
    },
  }
  const views: EditConfigWithoutRoot = Object.assign({}, edit, { revoke })
  return {
    ...admin,
    components: {
      ...admin?.components,
      views: { ...admin?.components?.views, edit: views },
    },
  }
}

/**
 * Consent is a gate, not a field: this plugin hands the scheduler its guards (see `consentGuards`)
 * and reacts to consent changes — a revocation takes everything down in its own transaction, and
 * the expiry sweep (`startConsentSweep`) does the same when a consent runs out.
 */
export const consentPlugin =
  (options: ConsentPluginOptions) =>
  (incoming: Config): Config => {
    const config = sanitizeConsentOptions(options)
    let collections = incoming.collections ?? []
    collections = extend(collections, config.consentRecordsSlug, (collection) => ({
      ...collection,
      admin: withRevokeTab(collection.admin, config),
      hooks: {
        ...collection.hooks,
        beforeChange: [...(collection.hooks?.beforeChange ?? []), stampTakedown(config)],
        afterChange: [...(collection.hooks?.afterChange ?? []), cascadeRevocation(config)],
      },
      endpoints: [
        ...(Array.isArray(collection.endpoints) ? collection.endpoints : []),
        takedownReportEndpoint(config),
        takedownPreviewEndpoint(config),
      ],
      fields: [
        ...collection.fields,
        {
          name: 'takedownDoneAt',
          type: 'date',
          admin: {
            readOnly: true,
            position: 'sidebar',
            description:
              'When everything relying on this consent was taken down (revocation or expiry).',
          },
        },
        { name: 'renewalWarnedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
      ],
    }))
    collections = extend(collections, config.publicationsSlug, (collection) => ({
      ...collection,
      hooks: {
        ...collection.hooks,
        beforeChange: [...(collection.hooks?.beforeChange ?? []), recordReliance(config)],
      },
      fields: [...collection.fields, reliesOnConsentField(config)],
    }))
    return {
      ...incoming,
      admin: withDashboardPanels(incoming.admin, {
        path: CONSENT_DUE,
        clientProps: { tasks: config.tasksSlug, records: config.consentRecordsSlug },
      }),
      collections: [...collections, consentTasksCollection(config)],
      custom: { ...incoming.custom, carecastConsent: config },
    }
  }

/** The gates to pass to the scheduler's `guards`, built from the same options as the plugin. */
export const consentGuards = (options: ConsentPluginOptions) => {
  const config = sanitizeConsentOptions(options)
  return [consentGuard(config), accessibilityGuard(config)]
}

export const consentConfigOf = (payload: {
  config: { custom?: Record<string, unknown> }
}): SanitizedConsentConfig => {
  const config = payload.config.custom?.carecastConsent as SanitizedConsentConfig | undefined
  if (!config) throw new Error('consentPlugin is not installed in this Payload config')
  return config
}

export { openReviewTask } from './operations/openReviewTask'
export { runConsentSweep, startConsentSweep } from './sweep/sweep'
export {
  consentEndsAt,
  consentEndsAtSql,
  earliestExpiryInForceAt,
  isInForceAt,
} from './rules/inForce'
export {
  checkConsent,
  guardianAuthorityEnds,
  type ConsentNeed,
  type ConsentView,
  type GateRefusal,
  whyNotInForce,
} from './gate/checkConsent'
export { checkAccessibility } from './gate/checkAccessibility'
export type { ConsentEvent, ConsentEventHandler } from './events'
export type {
  AccessibilityNeeds,
  ConsentPluginOptions,
  Reliance,
  RelianceArgs,
  RelianceResult,
} from './types'
