/**
 * What the connection endpoints and the token keeper both work out from an account: the API root
 * it talks to, the network's OAuth endpoints (the host's override, else the documented ones), and
 * the settings a connector may read.
 */
import type { SanitizedSchedulerConfig } from '../defaults'
import type { ChannelKind } from '../types'
import type { OAuthEndpoints } from './types'

export const endpointsFor = (
  config: SanitizedSchedulerConfig,
  channel: ChannelKind,
  apiBaseUrl: string,
): OAuthEndpoints => {
  const own = config.oauth!.connectors[channel]!.endpoints(apiBaseUrl)
  const client = config.oauth!.clients[channel]
  return {
    authorizeUrl: client?.authorizeUrl || own.authorizeUrl,
    tokenUrl: client?.tokenUrl || own.tokenUrl,
  }
}

export const apiBaseOf = (
  account: { baseUrl?: string | null; channel: ChannelKind },
  defaults: Partial<Record<ChannelKind, string>>,
) => (account.baseUrl || defaults[account.channel] || '').replace(/\/+$/, '')

export const settingsOf = (account: { settings?: Record<string, unknown> | null }) =>
  Object.fromEntries(
    Object.entries(account.settings ?? {}).filter(
      (entry): entry is [string, string | number | boolean] =>
        ['string', 'number', 'boolean'].includes(typeof entry[1]),
    ),
  )
