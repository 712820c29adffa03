import type { DispatchSettings } from '../../plugins/scheduler'

const ENV: Record<keyof DispatchSettings, string> = {
  batchSize: 'DISPATCH_BATCH_SIZE',
  leaseMs: 'DISPATCH_LEASE_MS',
  pollMs: 'DISPATCH_POLL_MS',
  concurrency: 'DISPATCH_CONCURRENCY',
  maxAttempts: 'DISPATCH_MAX_ATTEMPTS',
  retryBaseMs: 'DISPATCH_RETRY_BASE_MS',
  retryCapMs: 'DISPATCH_RETRY_CAP_MS',
  sendTimeoutMs: 'DISPATCH_SEND_TIMEOUT_MS',
}

/** Dispatch tuning from the environment (README lists the variables); unset ones keep the plugin's defaults. */
export const dispatchSettingsFromEnv = (
  env: Record<string, string | undefined> = process.env,
): Partial<DispatchSettings> => {
  const settings: Partial<DispatchSettings> = {}
  for (const [key, name] of Object.entries(ENV) as [keyof DispatchSettings, string][]) {
    const raw = env[name]
    if (raw === undefined || raw === '') continue
    const value = Number(raw)
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${name} must be a whole number above 0, not "${raw}".`)
    settings[key] = value
  }
  return settings
}
