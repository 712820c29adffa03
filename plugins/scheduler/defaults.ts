import type { CollectionSlug } from 'payload'

import type { DispatchSettings, MetricsSettings, SchedulerPluginOptions } from './types'

/** Every default the plugin has, written once. */
export const defaultDispatch: DispatchSettings = {
  batchSize: 100,
  leaseMs: 60_000,
  pollMs: 500,
  concurrency: 32,
  maxAttempts: 8,
  retryBaseMs: 1000,
  retryCapMs: 15 * 60_000,
  sendTimeoutMs: 30_000,
}

export const defaultMetrics: MetricsSettings = {
  batchSize: 500,
  pollMs: 30_000,
  leaseMs: 120_000,
  concurrency: 4,
  timeoutMs: 30_000,
  watchesSlug: 'metric-watches',
  snapshotsSlug: 'metric-snapshots',
  daysSlug: 'metric-days',
  budgetsSlug: 'metric-budgets',
  adminGroup: 'Measurement',
}

export type SanitizedSchedulerConfig = Required<
  Omit<
    SchedulerPluginOptions,
    | 'dispatch'
    | 'metrics'
    | 'decorateLink'
    | 'validateLink'
    | 'resolveMedia'
    | 'canOperate'
    | 'campaignsCollection'
    | 'oauth'
    | 'shortenLink'
  >
> & {
  shortenLink?: SchedulerPluginOptions['shortenLink']
  oauth?: SchedulerPluginOptions['oauth']
  campaignsCollection?: SchedulerPluginOptions['campaignsCollection']
  dispatch: DispatchSettings
  metrics: MetricsSettings
  canOperate: SchedulerPluginOptions['canApprove']
  decorateLink?: SchedulerPluginOptions['decorateLink']
  validateLink?: SchedulerPluginOptions['validateLink']
  resolveMedia?: SchedulerPluginOptions['resolveMedia']
}

/**
 * A send must end well inside the lease it runs under: the worker starts one only while its lease
 * outlasts `sendTimeoutMs`, and extends leases every quarter lease, so a lease of at least two
 * timeouts always leaves room to send. A shorter one would refuse sends, or (before issue 15)
 * let a slow send outlive its lease and go out twice.
 */
const checkDispatch = (dispatch: DispatchSettings): DispatchSettings => {
  if (dispatch.leaseMs < 2 * dispatch.sendTimeoutMs)
    throw new Error(
      `schedulerPlugin: dispatch.leaseMs (DISPATCH_LEASE_MS, ${dispatch.leaseMs}) must be at least twice dispatch.sendTimeoutMs (DISPATCH_SEND_TIMEOUT_MS, ${dispatch.sendTimeoutMs}), so a send always ends inside its lease.`,
    )
  return dispatch
}

export const sanitizeSchedulerOptions = (
  options: SchedulerPluginOptions,
): SanitizedSchedulerConfig => {
  if (!options.collections?.length)
    throw new Error('schedulerPlugin: `collections` must name at least one collection to publish.')
  return {
    ...options,
    usersCollection: options.usersCollection ?? ('users' as CollectionSlug),
    canOperate: options.canOperate ?? options.canApprove,
    guards: options.guards ?? [],
    secretsKeyEnv: options.secretsKeyEnv ?? 'CARECAST_SECRETS_KEY',
    publicationsSlug: options.publicationsSlug ?? ('publications' as CollectionSlug),
    channelAccountsSlug: options.channelAccountsSlug ?? ('channel-accounts' as CollectionSlug),
    controlSlug: options.controlSlug ?? 'scheduler-control',
    adminGroup: options.adminGroup ?? 'Publishing',
    dispatch: checkDispatch({ ...defaultDispatch, ...options.dispatch }),
    metrics: { ...defaultMetrics, ...options.metrics },
    onEvent: options.onEvent ?? (() => {}),
  }
}

export { tableName } from '../postgres'
