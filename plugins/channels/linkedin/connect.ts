/**
 * Connecting a LinkedIn organization (Page): 3-legged OAuth 2.0
 * (learn.microsoft.com/linkedin/shared/authentication/authorization-code-flow). LinkedIn offers
 * PKCE only to native clients, so the web flow carries the client secret. Access tokens last 60
 * days; refresh tokens (programmatic refresh, for approved Marketing partners) 365 days, and a
 * refresh keeps the same refresh token. The identity is the organization the person administers
 * (`organizationAcls`, role ADMINISTRATOR), which posts are made as.
 */
import type { ChannelConnector } from '../../scheduler/exports/channels'
import { codeRequestUrl, exchangeCode, getWithToken, refreshGrant } from '../oauth/http'

const DEFAULT_VERSION = '202601'

export const linkedinConnector = (): ChannelConnector => ({
  channel: 'linkedin',
  // Post, read back and delete as the organization; read which organizations the person administers.
  scopes: ['w_organization_social', 'r_organization_social', 'rw_organization_admin'],
  pkce: false,
  endpoints: () => ({
    authorizeUrl: 'https://www.linkedin.com/oauth/v2/authorization',
    tokenUrl: 'https://www.linkedin.com/oauth/v2/accessToken',
  }),
  authorizeUrl({ endpoints, client, redirectUri, state }) {
    return codeRequestUrl(endpoints.authorizeUrl, {
      clientId: client.clientId,
      redirectUri,
      scopes: this.scopes,
      state,
    })
  },
  exchange: ({ endpoints, ...args }) => exchangeCode(endpoints.tokenUrl, 'form', args),
  refresh: ({ endpoints, ...args }) => refreshGrant(endpoints.tokenUrl, 'form', args),
  async identify({ apiBaseUrl, accessToken, settings }) {
    const headers = {
      'LinkedIn-Version': String(settings.linkedinVersion ?? DEFAULT_VERSION),
      'X-Restli-Protocol-Version': '2.0.0',
    }
    const acls = await getWithToken(
      `${apiBaseUrl}/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED`,
      accessToken,
      headers,
    )
    const first = ((acls.elements as unknown[] | undefined) ?? [])[0] as
      { organization?: unknown } | undefined
    const urn = typeof first?.organization === 'string' ? first.organization : undefined
    if (!urn) throw new Error('this LinkedIn member administers no organization Page')
    const organization = await getWithToken(
      `${apiBaseUrl}/rest/organizations/${urn.split(':').pop()}`,
      accessToken,
      headers,
    )
    return { externalId: urn, name: String(organization.localizedName ?? urn) }
  },
})
