/**
 * Connecting a Facebook Page or an Instagram professional account: Facebook Login's manual flow
 * (developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow). The code becomes a
 * short-lived User token, which is traded at once for a long-lived one (about 60 days, "Get
 * Long-Lived Tokens"); the Page's own token read with it from `/me/accounts` has no expiry, and is
 * what posts are made with. So there is nothing to refresh: the daily check reads the Page back
 * (`/me`) and a refused token (error 190) means connecting again. An Instagram account is the one
 * linked to the Page (`instagram_business_account`), posted to with the Page's token.
 */
import {
  type ChannelConnector,
  OAuthRefused,
  type TokenSet,
} from '../../scheduler/exports/channels'
import { readJson } from '../http'
import { withQuery } from '../oauth/http'
import { DEFAULT_GRAPH_VERSION } from './graph'

const TIMEOUT_MS = 15_000

type GraphBody = { error?: { message?: string; code?: number } } & Record<string, unknown>

/**
 * A Graph GET. Graph answers a bad code or a dead token with HTTP 400 and an OAuthException (190
 * for tokens): permanent, OAuthRefused. A 5xx or a timeout is worth trying again.
 */
const graphGet = async (url: string): Promise<GraphBody> => {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) })
  const body = ((await readJson(response)) ?? {}) as GraphBody
  if (response.status >= 400 && response.status < 500)
    throw new OAuthRefused(body.error?.message ?? `HTTP ${response.status}`)
  if (!response.ok) throw new Error(`Graph answered HTTP ${response.status}`)
  return body
}

type Page = {
  id?: string
  name?: string
  access_token?: string
  instagram_business_account?: { id?: string; username?: string }
}

export const metaConnector = (channel: 'facebook' | 'instagram'): ChannelConnector => ({
  channel,
  scopes:
    channel === 'facebook'
      ? ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts']
      : [
          'pages_show_list',
          'pages_read_engagement',
          'business_management',
          'instagram_basic',
          'instagram_content_publish',
        ],
  pkce: false,
  endpoints: (apiBaseUrl) => ({
    authorizeUrl: `https://www.facebook.com/${DEFAULT_GRAPH_VERSION}/dialog/oauth`,
    tokenUrl: `${apiBaseUrl}/${DEFAULT_GRAPH_VERSION}/oauth/access_token`,
  }),
  authorizeUrl({ endpoints, client, redirectUri, state }) {
    return withQuery(endpoints.authorizeUrl, {
      client_id: client.clientId,
      redirect_uri: redirectUri,
      state,
      scope: this.scopes.join(','),
      response_type: 'code',
    })
  },
  async exchange({ endpoints, client, code, redirectUri, now }): Promise<TokenSet> {
    const short = await graphGet(
      withQuery(endpoints.tokenUrl, {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uri: redirectUri,
        code,
      }),
    )
    if (typeof short.access_token !== 'string') throw new Error('Graph answered without a token')
    const long = await graphGet(
      withQuery(endpoints.tokenUrl, {
        grant_type: 'fb_exchange_token',
        client_id: client.clientId,
        client_secret: client.clientSecret,
        fb_exchange_token: short.access_token,
      }),
    )
    if (typeof long.access_token !== 'string') throw new Error('Graph answered without a token')
    const expiresIn = Number(long.expires_in)
    return {
      accessToken: long.access_token,
      ...(Number.isFinite(expiresIn) && expiresIn > 0
        ? { expiresAt: new Date(now.getTime() + expiresIn * 1000) }
        : {}),
    }
  },
  async identify({ apiBaseUrl, accessToken, settings }) {
    const version = String(settings.graphVersion ?? DEFAULT_GRAPH_VERSION)
    const body = await graphGet(
      withQuery(`${apiBaseUrl}/${version}/me/accounts`, {
        fields: 'id,name,access_token,instagram_business_account{id,username}',
        access_token: accessToken,
      }),
    )
    const pages = ((body.data as Page[] | undefined) ?? []).filter((page) => page.access_token)
    // The Page the account names (settings.pageId), else the first the person manages.
    const wanted = settings.pageId ? String(settings.pageId) : undefined
    const page =
      channel === 'facebook'
        ? (pages.find((one) => one.id === wanted) ?? pages[0])
        : (pages.find(
            (one) => one.instagram_business_account?.id && (!wanted || one.id === wanted),
          ) ?? undefined)
    if (!page?.id || !page.access_token)
      throw new OAuthRefused(
        channel === 'facebook'
          ? 'this Facebook user manages no Page Carecast may post to'
          : 'no Page this Facebook user manages has an Instagram professional account linked',
      )
    if (channel === 'facebook')
      return { externalId: page.id, name: page.name ?? page.id, accessToken: page.access_token }
    const instagram = page.instagram_business_account!
    return {
      externalId: instagram.id!,
      name: `@${instagram.username ?? instagram.id}`,
      accessToken: page.access_token,
    }
  },
  async check({ apiBaseUrl, accessToken, settings }) {
    const version = String(settings.graphVersion ?? DEFAULT_GRAPH_VERSION)
    await graphGet(
      withQuery(`${apiBaseUrl}/${version}/me`, { fields: 'id,name', access_token: accessToken }),
    )
  },
})
