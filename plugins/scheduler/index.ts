import type { CollectionConfig, Config, Payload } from 'payload'

import { defaultBaseUrls } from './collections/channelAccounts/defaultBaseUrls'
import { type KeeperOptions, runTokenKeeper } from './oauth/keeper'
import { channelAccountsCollection } from './collections/channelAccounts'
import { publicationsCollection } from './collections/publications'
import { type SanitizedSchedulerConfig, sanitizeSchedulerOptions, tableName } from './defaults'
import { DispatchWorker, type WorkerOptions } from './dispatch/worker'
import { controlEndpoints } from './endpoints/control'
import { schedulerControlGlobal } from './globals/schedulerControl'
import { followDocumentHooks } from './hooks/followDocuments'
import {
  metricBudgetsCollection,
  metricDaysCollection,
  metricSnapshotsCollection,
  metricWatchesCollection,
} from './metrics/collections'
import { type MetricsPassOptions, runMetricsPass } from './metrics/collector'
import { parseSecretsKey } from './lib/secrets'
import type { SchedulerPluginOptions } from './types'

const CUSTOM_KEY = 'carecastScheduler'

/**
 * A channel account holding a secret can't be used without the key: say so at start-up, in one
 * sentence, rather than at the first dispatch hours later.
 */
const checkSecretsKey = async (payload: Payload, config: SanitizedSchedulerConfig) => {
  if (process.env[config.secretsKeyEnv]) {
    parseSecretsKey(process.env[config.secretsKeyEnv], config.secretsKeyEnv)
    return
  }
  const pool = (payload.db as unknown as { pool?: import('pg').Pool }).pool
  if (!pool) return
  const table = tableName(config.channelAccountsSlug)
  const { rows } = await pool
    .query(
      `SELECT count(*)::int AS n FROM "${table}" WHERE access_token IS NOT NULL OR secret IS NOT NULL`,
    )
    // Before the first migration the table does not exist yet; then there is no secret either.
    .catch(() => ({ rows: [{ n: 0 }] }))
  if (rows[0].n > 0) {
    throw new Error(
      `${rows[0].n} channel account(s) hold encrypted secrets but ${config.secretsKeyEnv} is not set; set it to the key they were stored with (32 bytes, hex or base64).`,
    )
  }
}

/**
 * The crisis stop and paused banner on the dashboard, as a path from the host's import-map base
 * directory (Payload resolves admin components through the generated import map).
 */
const PUBLISHING_SWITCH = '/plugins/scheduler/admin/PublishingSwitch#PublishingSwitch'
/** What needs the signed-in person now, and the next seven days, on the dashboard too. */
const NEEDS_ME = '/plugins/scheduler/admin/NeedsMe#NeedsMe'
/** The scheduler's pages, and the links to them above the admin's collections. */
const VIEWS_DIR = '/plugins/scheduler/admin/views'
const VIEWS = `${VIEWS_DIR}/index`
const NAV = '/plugins/scheduler/admin/SchedulerNav#SchedulerNav'

/** The host's admin config with the scheduler's pages and their navigation added. */
const withSchedulerViews = (admin: Config['admin']): Config['admin'] => ({
  ...admin,
  components: {
    ...admin?.components,
    beforeNavLinks: [...(admin?.components?.beforeNavLinks ?? []), NAV],
    views: {
      ...admin?.components?.views,
      schedulerCalendar: { Component: `${VIEWS}#CalendarView`, path: '/calendar' },
      schedulerApprovals: { Component: `${VIEWS}#ApprovalsView`, path: '/approvals' },
      schedulerFailures: { Component: `${VIEWS}#FailuresView`, path: '/failures' },
    },
  },
})

type EditViews = NonNullable<
  NonNullable<NonNullable<CollectionConfig['admin']>['components']>['views']
>['edit']

/** A "Schedule" tab on a publishable document: its posts, and adding it to channels. */
const withScheduleTab = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  admin: {
    ...collection.admin,
    components: {
      ...collection.admin?.components,
      views: {
        ...collection.admin?.components?.views,
        // A host that replaced the whole edit view (`root`) keeps it: the tab is added beside it.
        edit: {
          ...collection.admin?.components?.views?.edit,
          schedule: {
            Component: `${VIEWS_DIR}/ScheduleTab#ScheduleTab`,
            path: '/schedule',
            tab: { label: 'Schedule', href: '/schedule', order: 150 },
          },
        } as EditViews,
      },
    },
  },
})

type DashboardPanel = NonNullable<
  NonNullable<NonNullable<Config['admin']>['components']>['beforeDashboard']
>[number]

/** The host's admin config with `panels` added to the dashboard, after any it has already. */
export const withDashboardPanels = (
  admin: Config['admin'],
  ...panels: DashboardPanel[]
): Config['admin'] => ({
  ...admin,
  components: {
    ...admin?.components,
    beforeDashboard: [...(admin?.components?.beforeDashboard ?? []), ...panels],
  },
})

/**
 * The scheduling plugin: the publications outbox, channel accounts, the pause switch, the
 * editorial calendar, and the dispatch worker that reads the outbox. It appends to the host's
 * config and knows the host's collections only by the slugs in its options.
 */
export const schedulerPlugin =
  (options: SchedulerPluginOptions) =>
  (incoming: Config): Config => {
    const config = sanitizeSchedulerOptions(options)
    const previousInit = incoming.onInit
    return {
      ...incoming,
      collections: [
        ...(incoming.collections ?? []).map((collection) => {
          if (!config.collections.includes(collection.slug as never)) return collection
          // Appended, not replaced: the host's own hooks run first.
          const follow = followDocumentHooks(config, collection)!
          return {
            ...withScheduleTab(collection),
            hooks: {
              ...collection.hooks,
              afterChange: [
                ...(collection.hooks?.afterChange ?? []),
                ...(follow.afterChange ?? []),
              ],
              beforeDelete: [
                ...(collection.hooks?.beforeDelete ?? []),
                ...(follow.beforeDelete ?? []),
              ],
            },
          }
        }),
        publicationsCollection(config),
        channelAccountsCollection(config),
        metricWatchesCollection(config),
        metricSnapshotsCollection(config),
        metricDaysCollection(config),
        metricBudgetsCollection(config),
      ],
      admin: withDashboardPanels(withSchedulerViews(incoming.admin), PUBLISHING_SWITCH, {
        path: NEEDS_ME,
        clientProps: { collection: config.publicationsSlug, accounts: config.channelAccountsSlug },
      }),
      globals: [...(incoming.globals ?? []), schedulerControlGlobal(config)],
      endpoints: [...(incoming.endpoints ?? []), ...controlEndpoints(config)],
      custom: { ...incoming.custom, [CUSTOM_KEY]: config },
      onInit: async (payload) => {
        await previousInit?.(payload)
        await checkSecretsKey(payload, config)
      },
    }
  }

/** The plugin's resolved options, from a booted Payload. */
export const schedulerConfigOf = (payload: Payload): SanitizedSchedulerConfig => {
  const config = payload.config.custom?.[CUSTOM_KEY] as SanitizedSchedulerConfig | undefined
  if (!config) throw new Error('schedulerPlugin is not installed in this Payload config')
  return config
}

/** Starts a dispatch worker in this process; `stop()` it before destroying Payload. */
export const startDispatchWorker = (payload: Payload, options?: WorkerOptions): DispatchWorker =>
  new DispatchWorker(payload, schedulerConfigOf(payload), options).start()

export { DispatchWorker, type WorkerOptions } from './dispatch/worker'
/** One metrics pass (every worker runs them); tests and the benchmark drive it with a clock. */
export const runMetricsPassOnce = (payload: Payload, options: Partial<MetricsPassOptions> = {}) =>
  runMetricsPass(payload, schedulerConfigOf(payload), { workerId: 'metrics-pass', ...options })
export type { MetricsPassStats } from './metrics/collector'
export { nextReadingAt, MEASURED_FOR_MS } from './metrics/schedule'
/** One pass of the OAuth token keeper (the workers run it every minute); tests drive it with a clock. */
export const runTokenKeeperOnce = (payload: Payload, options?: KeeperOptions) =>
  runTokenKeeper(payload, schedulerConfigOf(payload), defaultBaseUrls, options)
export type { ChannelConnector, OAuthOptions, OAuthClientOptions } from './oauth/types'
export { absoluteUrl, defaultMedia, type RenditionSizes } from './dispatch/loadBatch'
export { relationId } from './collections/publications/relationId'
export { wallClockAdmin } from './fields/wallClock'
export { jsonTextAdmin } from './fields/jsonText'
export type { RowOutcome } from './dispatch/processRow'
export { cancelPending } from './operations/cancelPending'
export {
  requestRetraction,
  type RetractionResult,
  type RetractionRow,
} from './operations/requestRetraction'
export * from './states'
export {
  actorOf,
  type EventActor,
  type EventContext,
  type SchedulerEvent,
  type SchedulerEventHandler,
} from './events'
export type { SanitizedSchedulerConfig } from './defaults'
export type {
  ChannelKind,
  DispatchSettings,
  DocumentSerializer,
  Guard,
  GuardContext,
  GuardResult,
  LinkDecorator,
  LinkValidator,
  MediaResolver,
  MetricsSettings,
  PersonCheck,
  PublicationRecord,
  SchedulerPluginOptions,
} from './types'
export { channelKinds } from './types'
// The channel-adapter contract (also importable on its own, without Payload).
export * from './exports/channels'
export { adapterFor } from './channels/registry'
