/**
 * Connecting a channel account with OAuth: what the scheduler's flow (endpoints, the token
 * keeper) needs from each network. The per-network parts — endpoints, scopes, how a code becomes
 * tokens, how the account's identity is read back — live with that network's adapter
 * (plugins/channels/<network>/connect.ts) behind this interface.
 *
 * Glossary
 * - client       the app Carecast is registered as on the network: an id and a secret, from env
 *                variables the README names (Mastodon registers one per instance instead).
 * - code         what the network hands back to the redirect after the person allows access.
 * - PKCE         RFC 7636: a random verifier kept here, its SHA-256 challenge sent with the
 *                authorization request, so an intercepted code is useless without the verifier.
 * - refresh      a long-lived token traded for a new access token before the short one expires
 *                (X 2 h, Google 1 h, LinkedIn 60 days); X also rotates the refresh token itself.
 */
import type { ChannelKind } from '../types'

export type OAuthClient = { clientId: string; clientSecret?: string }

export type TokenSet = {
  accessToken: string
  refreshToken?: string
  /** When the access token stops working; absent when the network says it does not expire. */
  expiresAt?: Date
  scope?: string
}

/** Who the account is on the network, read back with the new tokens and shown in the admin. */
export type ConnectedIdentity = {
  /** The id the adapter posts as: page id, Instagram user id, organization URN, channel id… */
  externalId: string
  /** As people know it: "Heart Clinic (page)", "@clinic@mastodon.social". */
  name: string
  /** A token that replaces the user's for posting (a Facebook Page's own token). */
  accessToken?: string
}

/** Where the network's authorization and token endpoints are, overridable for a test network. */
export type OAuthEndpoints = { authorizeUrl: string; tokenUrl: string }

/**
 * The network refused a code or a refresh for good (`invalid_grant`, a revoked app): the person
 * must connect again. Anything else thrown (a timeout, a 5xx) is tried again later.
 */
export class OAuthRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OAuthRefused'
  }
}

export interface ChannelConnector {
  readonly channel: ChannelKind
  /** What Carecast asks for: the least that posting, deleting and reading back needs. */
  readonly scopes: string[]
  /** Whether the authorization request carries a PKCE challenge (where the network supports it). */
  readonly pkce: boolean
  /** The network's own endpoints (docs), used when the options give none. */
  readonly endpoints: (apiBaseUrl: string) => OAuthEndpoints
  /** Mastodon: registers Carecast as an app on the instance (`POST /api/v1/apps`). */
  register?(args: {
    apiBaseUrl: string
    redirectUri: string
    appName: string
    website?: string
  }): Promise<OAuthClient>
  /** The URL to send the person to. */
  authorizeUrl(args: {
    endpoints: OAuthEndpoints
    client: OAuthClient
    redirectUri: string
    state: string
    codeChallenge?: string
  }): string
  /** Trades the code for tokens. Throws OAuthRefused when the network refuses it. */
  exchange(args: {
    endpoints: OAuthEndpoints
    client: OAuthClient
    code: string
    redirectUri: string
    codeVerifier?: string
    now: Date
  }): Promise<TokenSet>
  /** Trades a refresh token for new tokens; absent where tokens do not expire or can't be refreshed. */
  refresh?(args: {
    endpoints: OAuthEndpoints
    client: OAuthClient
    refreshToken: string
    now: Date
  }): Promise<TokenSet>
  /**
   * The daily "does it still work" with the stored token, where that is not `identify` (a Page
   * token reads the Page back, not the Pages a person manages). Throws OAuthRefused when refused.
   * @default identify
   */
  check?(args: {
    apiBaseUrl: string
    accessToken: string
    externalId?: string
    settings: Record<string, string | number | boolean>
  }): Promise<void>
  /** Reads the account's identity with an access token (also the daily "does it still work"). */
  identify(args: {
    apiBaseUrl: string
    accessToken: string
    settings: Record<string, string | number | boolean>
  }): Promise<ConnectedIdentity>
}

/** One network's app registration, as the host reads it from its environment. */
export type OAuthClientOptions = OAuthClient & Partial<OAuthEndpoints>

export type OAuthOptions = {
  /** Connectors by channel (plugins/channels' `connectors()`). */
  connectors: Partial<Record<ChannelKind, ChannelConnector>>
  /** Registered apps by channel; a network without one says which variables to set. */
  clients: Partial<Record<ChannelKind, OAuthClientOptions>>
  /** The variable names to set per channel, for the admin's message (the host's own names). */
  clientVariables: Partial<Record<ChannelKind, string[]>>
  /** Carecast's public origin, for the redirect URI the networks call back (https in production). */
  publicUrl: string
  /** The app name Mastodon instances show the person. @default 'Carecast' */
  appName?: string
}
