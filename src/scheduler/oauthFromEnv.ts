import {
  linkedinConnector,
  mastodonConnector,
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
} as const

export const oauthFromEnv = (env: Env = process.env): OAuthOptions => {
  const clients: OAuthOptions['clients'] = {}
  const clientVariables: OAuthOptions['clientVariables'] = {}
  for (const [channel, { prefix }] of Object.entries(networks) as [
    keyof typeof networks,
    (typeof networks)[keyof typeof networks],
  ][]) {
    clientVariables[channel] = [`${prefix}_CLIENT_ID`, `${prefix}_CLIENT_SECRET`]
    const clientId = env[`${prefix}_CLIENT_ID`]?.trim()
    const clientSecret = env[`${prefix}_CLIENT_SECRET`]?.trim()
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
      x: xConnector(),
      linkedin: linkedinConnector(),
      youtube: youtubeConnector(),
      mastodon: mastodonConnector(),
    },
    clients,
    clientVariables,
    // Where the networks send the person back: the public origin, or the local one in development.
    publicUrl: env.SERVER_URL?.trim() || `http://localhost:${env.PORT ?? 3000}`,
    appName: 'Carecast',
  }
}
