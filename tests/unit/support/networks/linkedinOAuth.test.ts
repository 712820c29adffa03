import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import {
  type LinkedInApiServer,
  startLinkedInApiServer,
} from '../../../support/networks/linkedinApiServer'

const CLIENT = 'li-client'
const SECRET = 'li-secret'
const REDIRECT = 'https://carecast.test/oauth/linkedin/callback'
const DAY = 86_400_000
const MEMBER = { person: 'urn:li:person:aB3dE', administers: ['urn:li:organization:2414183'] }

let server: LinkedInApiServer
let clock: number

beforeEach(async () => {
  clock = Date.parse('2026-03-01T09:00:00Z')
  server = await startLinkedInApiServer({
    tokens: { 'static-token': ['urn:li:organization:555'] },
    oauth: {
      clients: { [CLIENT]: { secret: SECRET, redirectUris: [REDIRECT] } },
      member: MEMBER,
      now: () => clock,
    },
    organizations: { '2414183': { localizedName: "St Mary's Hospital", vanityName: 'st-marys' } },
  })
})

afterEach(async () => {
  await server.close()
})

const authorize = (params: Record<string, string> = {}) =>
  fetch(
    `${server.url}/oauth/v2/authorization?${new URLSearchParams({
      response_type: 'code',
      client_id: CLIENT,
      redirect_uri: REDIRECT,
      state: 'st-1',
      scope: 'w_organization_social r_organization_admin',
      ...params,
    })}`,
    { redirect: 'manual' },
  )

const codeFrom = async () => {
  const location = new URL((await authorize()).headers.get('location') ?? '')
  expect(location.searchParams.get('state')).toBe('st-1')
  return location.searchParams.get('code') ?? ''
}

const accessToken = (fields: Record<string, string>) =>
  fetch(`${server.url}/oauth/v2/accessToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: CLIENT, client_secret: SECRET, ...fields }),
  })

const exchange = async (code: string) =>
  (await (
    await accessToken({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT })
  ).json()) as Record<string, string & number>

const rest = (path: string, token: string) =>
  fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${token}`, 'linkedin-version': '202601' },
  })

const ACLS = '/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED'

describe('LinkedIn fake: 3-legged OAuth', () => {
  it('exchanges a code for a 60-day token and a one-year refresh token', async () => {
    const body = await exchange(await codeFrom())
    expect(body).toMatchObject({
      expires_in: 5_184_000,
      refresh_token_expires_in: 31_536_000,
      scope: 'w_organization_social r_organization_admin',
    })
    expect(typeof body.access_token).toBe('string')
    expect(typeof body.refresh_token).toBe('string')
  })

  it('tells who the token is: the pages its member administers, and their names', async () => {
    const { access_token } = await exchange(await codeFrom())
    const acls = await rest(ACLS, access_token)
    expect(((await acls.json()) as { elements: unknown[] }).elements).toEqual([
      {
        organization: 'urn:li:organization:2414183',
        role: 'ADMINISTRATOR',
        state: 'APPROVED',
        roleAssignee: 'urn:li:person:aB3dE',
      },
    ])
    const page = await rest('/rest/organizations/2414183', access_token)
    expect(await page.json()).toEqual({
      id: 2414183,
      localizedName: "St Mary's Hospital",
      vanityName: 'st-marys',
    })
    // A static token's organizations are its member's pages too.
    const staticAcls = (await (await rest(ACLS, 'static-token')).json()) as {
      elements: { organization: string }[]
    }
    expect(staticAcls.elements.map((e) => e.organization)).toEqual(['urn:li:organization:555'])
  })

  it('posts as the organization the issued token administers', async () => {
    const { access_token } = await exchange(await codeFrom())
    const response = await fetch(`${server.url}/rest/posts`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${access_token}`,
        'linkedin-version': '202601',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        author: 'urn:li:organization:2414183',
        commentary: 'Flu clinic today',
        visibility: 'PUBLIC',
        distribution: { feedDistribution: 'MAIN_FEED' },
        lifecycleState: 'PUBLISHED',
        isReshareDisabledByAuthor: false,
      }),
    })
    expect(response.status).toBe(201)
  })

  it('sends user_cancelled_authorize back when the member cancels', async () => {
    server.oauth.consent = 'deny'
    const location = new URL((await authorize()).headers.get('location') ?? '')
    expect(location.searchParams.get('error')).toBe('user_cancelled_authorize')
    expect(location.searchParams.get('error_description')).toBeTruthy()
    expect(location.searchParams.get('state')).toBe('st-1')
    expect(location.searchParams.get('code')).toBeNull()
  })

  it('refuses a code used twice, and wrong client credentials', async () => {
    const code = await codeFrom()
    const wrongSecret = await fetch(`${server.url}/oauth/v2/accessToken`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        client_id: CLIENT,
        client_secret: 'wrong',
      }),
    })
    expect(wrongSecret.status).toBe(401)
    await exchange(code)
    const again = await accessToken({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
    })
    expect(again.status).toBe(400)
    expect(((await again.json()) as { error: string }).error).toBe('invalid_request')
  })

  it('refreshes without rotating: the same refresh token, with what is left of its year', async () => {
    const first = await exchange(await codeFrom())
    clock += 59 * DAY
    const refreshed = await accessToken({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    })
    const body = (await refreshed.json()) as Record<string, unknown>
    expect(body.refresh_token).toBe(first.refresh_token)
    expect(body.refresh_token_expires_in).toBe(306 * 86_400)
    expect(body.expires_in).toBe(5_184_000)
    expect(body.access_token).not.toBe(first.access_token)
    // Not rotated, so the same refresh token works again.
    const again = await accessToken({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    })
    expect(again.status).toBe(200)
  })

  it('refuses a revoked or year-old refresh token with invalid_grant', async () => {
    const first = await exchange(await codeFrom())
    const second = await exchange(await codeFrom())
    server.oauth.revokeRefreshToken(first.refresh_token)
    const revoked = await accessToken({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    })
    expect(revoked.status).toBe(400)
    expect(await revoked.json()).toEqual({
      error: 'invalid_grant',
      error_description:
        'The provided authorization grant or refresh token is invalid, expired or revoked',
    })
    clock += 365 * DAY
    const old = await accessToken({
      grant_type: 'refresh_token',
      refresh_token: second.refresh_token,
    })
    expect(old.status).toBe(400)
  })

  it('answers an expired token with EXPIRED_ACCESS_TOKEN, a revoked one with REVOKED_ACCESS_TOKEN', async () => {
    const { access_token } = await exchange(await codeFrom())
    clock += 60 * DAY
    const expired = await rest(ACLS, access_token)
    expect(expired.status).toBe(401)
    expect(await expired.json()).toEqual({
      status: 401,
      serviceErrorCode: 65601,
      code: 'EXPIRED_ACCESS_TOKEN',
      message: 'The token used in the request has expired',
    })
    const fresh = await exchange(await codeFrom())
    expect((await rest(ACLS, fresh.access_token)).status).toBe(200)
    server.oauth.revokeAll()
    const revoked = await rest(ACLS, fresh.access_token)
    expect(((await revoked.json()) as { code: string }).code).toBe('REVOKED_ACCESS_TOKEN')
  })
})
