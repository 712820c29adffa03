/**
 * The connection endpoints on the channel-accounts collection (issue 17, item 1):
 * - `GET /api/<accounts>/:id/connection`: what the admin's Connect panel shows — whether the
 *   network can be connected here (and which variables to set if not), the connection's state,
 *   as whom, until when.
 * - `GET /api/<accounts>/:id/connect`: starts the flow for the signed-in operator: a state bound
 *   to their session and browser, a PKCE verifier where the network supports it, then a redirect
 *   to the network's consent screen.
 * - `GET /api/<accounts>/oauth/callback`: where the network sends the person back; checks the
 *   flow is theirs, trades the code for tokens, reads the identity back, stores the tokens
 *   encrypted, and returns to the account's page saying what happened.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'
import { signInFirst } from '../endpoints/respond'
import type { ChannelKind } from '../types'
import { accountIdOf, cookieValue, flowCookie, flowMismatch, redirectUriOf, stateFor } from './flow'
import { apiBaseOf, endpointsFor, settingsOf } from './accountContext'
import { codeChallenge, codeVerifier, hashOf, randomToken } from './pkce'
import {
  connectedData,
  openedClient,
  readAccount,
  sealedClient,
  seal,
  unseal,
  writeAccount,
} from './store'
import { OAuthRefused, type OAuthClient } from './types'

const json = (body: unknown, status = 200) => Response.json(body, { status })
const refuse = (status: number, message: string) => json({ errors: [{ message }] }, status)
const redirect = (location: string, cookie?: string) =>
  new Response(null, {
    status: 302,
    headers: { Location: location, ...(cookie ? { 'Set-Cookie': cookie } : {}) },
  })

const userIdOf = (req: PayloadRequest) =>
  (req.user as { id?: number | string } | null)?.id ?? undefined

/** What a network needs before it can be connected here: the variables to set, or nothing. */
export const connectability = (config: SanitizedSchedulerConfig, channel: ChannelKind) => {
  const oauth = config.oauth
  const connector = oauth?.connectors[channel]
  if (!oauth || !connector) return { connectable: false, missing: [] as string[], reason: 'manual' }
  if (connector.register) return { connectable: true, missing: [], reason: 'ok' }
  const client = oauth.clients[channel]
  if (client?.clientId && client.clientSecret)
    return { connectable: true, missing: [], reason: 'ok' }
  return { connectable: false, missing: oauth.clientVariables[channel] ?? [], reason: 'unset' }
}

export const connectionEndpoints = (
  config: SanitizedSchedulerConfig,
  defaultBaseUrls: Partial<Record<ChannelKind, string>>,
): Endpoint[] => {
  const accountPage = (id: number | string, query: Record<string, string>) =>
    `/admin/collections/${config.channelAccountsSlug}/${id}?${new URLSearchParams(query)}`
  const mayOperate = (req: PayloadRequest) => Boolean(req.user) && config.canOperate(req)

  return [
    {
      path: '/:id/connection',
      method: 'get',
      handler: async (req) => {
        if (!req.user) return signInFirst()
        if (!config.canRead(req)) return refuse(403, 'You may not read channel accounts.')
        const account = await readAccount(req.payload, config, String(req.routeParams?.id), req)
        if (!account) return refuse(404, 'No such channel account.')
        const doc = account as unknown as Record<string, unknown>
        const can = connectability(config, account.channel)
        return json({
          channel: account.channel,
          ...can,
          canStart: can.connectable && config.canOperate(req),
          needsBaseUrl:
            Boolean(config.oauth?.connectors[account.channel]?.register) && !account.baseUrl,
          connection: doc.connection ?? null,
          connectedAs: doc.connectedAs ?? null,
          tokenExpiresAt: doc.tokenExpiresAt ?? null,
          tokenCheckedAt: doc.tokenCheckedAt ?? null,
          connectionProblem: doc.connectionProblem ?? null,
          startUrl: `/api/${config.channelAccountsSlug}/${account.id}/connect`,
        })
      },
    },
    {
      path: '/:id/connect',
      method: 'get',
      handler: async (req) => {
        if (!req.user) return signInFirst()
        if (!mayOperate(req))
          return refuse(403, 'Only approvers and admins connect channel accounts.')
        const account = await readAccount(req.payload, config, String(req.routeParams?.id), req)
        if (!account) return refuse(404, 'No such channel account.')
        const can = connectability(config, account.channel)
        if (!can.connectable)
          return refuse(
            400,
            can.reason === 'unset'
              ? `channel: to connect ${account.channel} accounts, set ${can.missing.join(' and ')} on the server (the README says where to register the app).`
              : `channel: ${account.channel} accounts are not connected with OAuth; enter the token instead.`,
          )
        const oauth = config.oauth!
        const connector = oauth.connectors[account.channel]!
        const apiBaseUrl = apiBaseOf(account, defaultBaseUrls)
        if (!apiBaseUrl) return refuse(400, 'baseUrl: give the instance URL first, then connect.')
        const redirectUri = redirectUriOf(oauth.publicUrl, config.channelAccountsSlug)
        let client: OAuthClient | undefined =
          openedClient(config, account.oauthClient) ?? oauth.clients[account.channel]
        try {
          if (connector.register && !openedClient(config, account.oauthClient)) {
            client = await connector.register({
              apiBaseUrl,
              redirectUri,
              appName: oauth.appName ?? 'Carecast',
              website: oauth.publicUrl,
            })
            await writeAccount(req.payload, config, account.id, {
              oauthClient: sealedClient(config, client),
            })
          }
        } catch (error) {
          req.payload.logger.warn({ err: error, msg: 'OAuth app registration failed' })
          return refuse(502, `baseUrl: ${(error as Error).message}.`)
        }
        const state = stateFor(account.id, randomToken())
        const nonce = randomToken()
        const verifier = connector.pkce ? codeVerifier() : undefined
        await writeAccount(req.payload, config, account.id, {
          oauthPending: {
            stateHash: hashOf(state),
            nonceHash: hashOf(nonce),
            ...(verifier ? { verifier: seal(config, 'oauthPending', verifier) } : {}),
            by: userIdOf(req),
            at: new Date().toISOString(),
          },
        })
        const location = connector.authorizeUrl({
          endpoints: endpointsFor(config, account.channel, apiBaseUrl),
          client: client!,
          redirectUri,
          state,
          codeChallenge: verifier ? codeChallenge(verifier) : undefined,
        })
        return redirect(
          location,
          flowCookie(nonce, config.channelAccountsSlug, oauth.publicUrl.startsWith('https:')),
        )
      },
    },
    {
      path: '/oauth/callback',
      method: 'get',
      handler: async (req) => {
        const url = new URL(req.url ?? '', 'http://callback.invalid')
        const state = url.searchParams.get('state') ?? ''
        const id = accountIdOf(state)
        if (!req.user) return signInFirst()
        if (!id)
          return refuse(400, 'state: this is not an answer to a connection Carecast started.')
        const account = await readAccount(req.payload, config, id, req)
        if (!account || !config.oauth?.connectors[account.channel])
          return refuse(400, 'state: this is not an answer to a connection Carecast started.')
        const back = (query: Record<string, string>) => redirect(accountPage(account.id, query))
        const now = new Date()
        const mismatch = flowMismatch(account.oauthPending, {
          state,
          nonce: cookieValue(req.headers.get('cookie')),
          userId: userIdOf(req),
          now,
        })
        if (mismatch || !mayOperate(req))
          return back({
            connectProblem: `Not connected: ${mismatch ?? 'you may not connect accounts'}. Start again.`,
          })
        // The flow is used up whatever happens next: a code is good for one try.
        const pending = account.oauthPending!
        await writeAccount(req.payload, config, account.id, { oauthPending: null })
        const denied = url.searchParams.get('error')
        if (denied)
          return back({
            connectProblem: `Not connected: the network said "${(url.searchParams.get('error_description') ?? denied).slice(0, 200)}".`,
          })
        const code = url.searchParams.get('code')
        if (!code) return back({ connectProblem: 'Not connected: the network sent no code.' })
        const connector = config.oauth.connectors[account.channel]!
        const apiBaseUrl = apiBaseOf(account, defaultBaseUrls)
        const client =
          openedClient(config, account.oauthClient) ?? config.oauth.clients[account.channel]
        try {
          const tokens = await connector.exchange({
            endpoints: endpointsFor(config, account.channel, apiBaseUrl),
            client: client!,
            code,
            redirectUri: redirectUriOf(config.oauth.publicUrl, config.channelAccountsSlug),
            codeVerifier: pending.verifier
              ? unseal(config, 'oauthPending', pending.verifier)
              : undefined,
            now,
          })
          const identity = await connector.identify({
            apiBaseUrl,
            accessToken: tokens.accessToken,
            settings: settingsOf(account),
          })
          await writeAccount(req.payload, config, account.id, {
            ...connectedData(config, tokens, now, identity),
            ...(account.owner ? {} : { owner: userIdOf(req) }),
          })
          return back({ connected: identity.name })
        } catch (error) {
          req.payload.logger.warn({ err: error, msg: 'OAuth connection failed' })
          const message =
            error instanceof OAuthRefused
              ? `the network refused: ${error.message}`
              : 'the network could not be reached; try again in a moment'
          return back({ connectProblem: `Not connected: ${message.slice(0, 300)}.` })
        }
      },
    },
  ]
}
