import {
  linkedinConnector,
  mastodonConnector,
  metaConnector,
  xConnector,
  youtubeConnector,
} from '../../plugins/channels'
import type { OAuthOptions } from '../../plugins/scheduler'

type Env = Record<string, string | undefined>

/**
 * The apps Carecast is registered as on each network, from the environment (README, "Connecting
 * accounts"). A network without its id and secret can't be connected from the admin, which says
 * which variables to set; Mastodon needs none (Carecast registers itself on each instance).
 * `CARECAST_<NET>_AUTHORIZE_URL` / `_TOKEN_URL` point a network's OAuth endpoints elsewhere (a
 * test network, a proxy); left unset, the network's documented ones are used.
 */
const networks = {
  x: { prefix: 'CARECAST_X', connector: xConnector },
  linkedin: { prefix: 'CARECAST_LINKEDIN', connector: linkedinConnector },
  youtube: { prefix: 'CARECAST_GOOGLE', connector: youtubeConnector },
  // One Meta app connects both Facebook Pages and their Instagram accounts.
  facebook: { prefix: 'CARECAST_META', connector: () => metaConnector('facebook') },
  instagram: { prefix: 'CARECAST_META', connector: () => metaConnector('instagram') },
} as const

export const oauthFromEnv = (env: Env = process.env): OAuthOptions => {
  const clients: OAuthOptions['clients'] = {}
  const clientVariables: OAuthOptions['clientVariables'] = {}
  for (const [channel, { prefix }] of Object.entries(networks) as [
    keyof typeof networks,
    (typeof networks)[keyof typeof networks],
  ][]) {
    // Meta calls them the App ID and App Secret.
    const [idName, secretName] =
      prefix === 'CARECAST_META'
        ? [`${prefix}_APP_ID`, `${prefix}_APP_SECRET`]
        : [`${prefix}_CLIENT_ID`, `${prefix}_CLIENT_SECRET`]
    clientVariables[channel] = [idName, secretName]
    const clientId = env[idName]?.trim()
    const clientSecret = env[secretName]?.trim()
    if (clientId && clientSecret)
      clients[channel] = {
        clientId,
        clientSecret,
        authorizeUrl: env[`${prefix}_AUTHORIZE_URL`]?.trim() || undefined,
        tokenUrl: env[`${prefix}_TOKEN_URL`]?.trim() || undefined,
      }
  }
  return {
    connectors: {
      ...Object.fromEntries(
        Object.entries(networks).map(([channel, { connector }]) => [channel, connector()]),
      ),
      mastodon: mastodonConnector(),
    },
    clients,
    clientVariables,
    // Where the networks send the person back: the public origin, or the local one in development.
    publicUrl: env.SERVER_URL?.trim() || `http://localhost:${env.PORT ?? 3000}`,
    appName: 'Carecast',
  }
}
