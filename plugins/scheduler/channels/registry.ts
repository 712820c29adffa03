import type { Payload } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'
import type { ChannelAdapter } from './types'

const built = new WeakMap<Payload, Map<string, ChannelAdapter>>()

/** The adapter configured for a channel; factories are called once per Payload instance. */
export const adapterFor = (
  config: SanitizedSchedulerConfig,
  channel: string,
  payload: Payload,
): ChannelAdapter | undefined => {
  const entry = config.channels[channel as keyof typeof config.channels]
  if (!entry) return undefined
  if (typeof entry !== 'function') return entry
  let cache = built.get(payload)
  if (!cache) built.set(payload, (cache = new Map()))
  let adapter = cache.get(channel)
  if (!adapter) cache.set(channel, (adapter = entry(payload)))
  return adapter
}
