/**
 * Reading and writing what the OAuth flow keeps on a channel account: the secrets encrypted like
 * the access token (AES-256-GCM, the field name bound in), written only with the plugin's own
 * context so no API can set them.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'
import { decryptSecret, encryptSecret, parseSecretsKey } from '../lib/secrets'
import type { ChannelKind } from '../types'
import type { ConnectedIdentity, OAuthClient, TokenSet } from './types'

const keyOf = (config: SanitizedSchedulerConfig) =>
  parseSecretsKey(process.env[config.secretsKeyEnv], config.secretsKeyEnv)
const aad = (field: string) => `channel-account:${field}`

export const seal = (config: SanitizedSchedulerConfig, field: string, plain: string) =>
  encryptSecret(plain, keyOf(config), aad(field))
export const unseal = (config: SanitizedSchedulerConfig, field: string, stored: string) =>
  decryptSecret(stored, keyOf(config), aad(field))

/** A flow under way: hashes of its state and browser nonce, the PKCE verifier sealed. */
export type PendingFlow = {
  stateHash: string
  nonceHash: string
  verifier?: string
  by: number | string
  at: string
}

/** The account as the OAuth code reads it (secrets included: server side only). */
export type ConnectableAccount = {
  id: number | string
  name: string
  channel: ChannelKind
  baseUrl?: string | null
  settings?: Record<string, unknown> | null
  owner?: number | string | { id: number | string } | null
  refreshToken?: string | null
  oauthClient?: { clientId?: string; clientSecret?: string } | null
  oauthPending?: PendingFlow | null
}

export const readAccount = async (
  payload: Payload,
  config: SanitizedSchedulerConfig,
  id: number | string,
  req?: PayloadRequest,
): Promise<ConnectableAccount | null> =>
  (await payload.findByID({
    collection: config.channelAccountsSlug,
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    showHiddenFields: true,
    ...(req ? { req } : {}),
  })) as unknown as ConnectableAccount | null

export const writeAccount = (
  payload: Payload,
  config: SanitizedSchedulerConfig,
  id: number | string,
  data: Record<string, unknown>,
  req?: PayloadRequest,
) =>
  payload.update({
    collection: config.channelAccountsSlug,
    id,
    data: data as never,
    overrideAccess: true,
    context: { schedulerInternal: true },
    ...(req ? { req } : {}),
  })

/** A Mastodon app registered on the instance, with its secret sealed. */
export const sealedClient = (config: SanitizedSchedulerConfig, client: OAuthClient) => ({
  clientId: client.clientId,
  ...(client.clientSecret
    ? { clientSecret: seal(config, 'oauthClient', client.clientSecret) }
    : {}),
})

export const openedClient = (
  config: SanitizedSchedulerConfig,
  stored: ConnectableAccount['oauthClient'],
): OAuthClient | undefined =>
  stored?.clientId
    ? {
        clientId: stored.clientId,
        clientSecret: stored.clientSecret
          ? unseal(config, 'oauthClient', stored.clientSecret)
          : undefined,
      }
    : undefined

/** What a successful connection or refresh writes: the tokens (sealed), and the identity when read. */
export const connectedData = (
  config: SanitizedSchedulerConfig,
  tokens: TokenSet,
  now: Date,
  identity?: ConnectedIdentity,
  previousRefreshToken?: string | null,
) => ({
  // Plain here: the collection's encryptSecrets seals the access token like a typed one.
  accessToken: identity?.accessToken ?? tokens.accessToken,
  // A network that keeps the refresh token (Google, LinkedIn) answers none: the stored one stays.
  refreshToken: tokens.refreshToken
    ? seal(config, 'refreshToken', tokens.refreshToken)
    : (previousRefreshToken ?? null),
  // A Page token (Facebook) does not expire, whatever the user token's expiry was.
  tokenExpiresAt: identity?.accessToken ? null : (tokens.expiresAt?.toISOString() ?? null),
  tokenCheckedAt: now.toISOString(),
  connection: 'connected',
  connectionProblem: null,
  ...(identity ? { externalId: identity.externalId, connectedAs: identity.name } : {}),
})
