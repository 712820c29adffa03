import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { pkceChallenge } from '../../../support/networks/oauthAuthority'
import { type XApiServer, startXApiServer } from '../../../support/networks/xApiServer'

const CLIENT = 'x-client'
const SECRET = 'x-secret'
const REDIRECT = 'https://carecast.test/oauth/x/callback'
const VERIFIER = 'a'.repeat(43)
const USER = '1600000000000000001'

let server: XApiServer
let clock: number

beforeEach(async () => {
  clock = Date.parse('2026-03-01T09:00:00Z')
  server = await startXApiServer({
    users: { 'static-token': USER },
    oauth: {
      clients: { [CLIENT]: { secret: SECRET, redirectUris: [REDIRECT] } },
      now: () => clock,
    },
    profiles: { [USER]: { name: "St Mary's", username: 'stmarys' } },
  })
})

afterEach(async () => {
  await server.close()
})

const authorize = async (params: Record<string, string> = {}) => {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT,
    redirect_uri: REDIRECT,
    scope: 'tweet.read tweet.write users.read offline.access',
    state: 'state-1',
    code_challenge: pkceChallenge(VERIFIER),
    code_challenge_method: 'S256',
    ...params,
  })
  return fetch(`${server.url}/i/oauth2/authorize?${query}`, { redirect: 'manual' })
}

const codeFrom = async (params: Record<string, string> = {}) => {
  const response = await authorize(params)
  expect(response.status).toBe(302)
  const location = new URL(response.headers.get('location') ?? '')
  expect(location.searchParams.get('state')).toBe(params.state ?? 'state-1')
  return location.searchParams.get('code') ?? ''
}

const basic = (id = CLIENT, secret = SECRET) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`

const token = (fields: Record<string, string>, authorization: string | null = basic()) =>
  fetch(`${server.url}/2/oauth2/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(authorization ? { authorization } : {}),
    },
    body: new URLSearchParams(fields),
  })

const exchange = (code: string, verifier = VERIFIER) =>
  token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier })

const me = (accessToken: string) =>
  fetch(`${server.url}/2/users/me`, { headers: { authorization: `Bearer ${accessToken}` } })

describe('X fake: OAuth 2.0 authorization code with PKCE', () => {
  it('redirects with a code, which the verifier turns into a two-hour token that acts as the user', async () => {
    const response = await exchange(await codeFrom())
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toMatchObject({
      token_type: 'bearer',
      expires_in: 7200,
      scope: 'tweet.read tweet.write users.read offline.access',
    })
    expect(typeof body.refresh_token).toBe('string')
    const identity = await me(body.access_token as string)
    expect(await identity.json()).toEqual({
      data: { id: USER, name: "St Mary's", username: 'stmarys' },
    })
    // The static token keeps working, as the same person.
    expect(await (await me('static-token')).json()).toEqual(
      await (await me(body.access_token as string)).json(),
    )
  })

  it('sends access_denied back when the user refuses, and no code is issued', async () => {
    server.oauth.consent = 'deny'
    const response = await authorize()
    const location = new URL(response.headers.get('location') ?? '')
    expect(location.origin + location.pathname).toBe(REDIRECT)
    expect(Object.fromEntries(location.searchParams)).toEqual({
      error: 'access_denied',
      state: 'state-1',
    })
    expect(server.oauth.codes).toHaveLength(0)
  })

  it('refuses an unknown client or an unregistered redirect_uri with a page, not a redirect', async () => {
    const cases: Record<string, string>[] = [
      { client_id: 'nobody' },
      { redirect_uri: 'https://evil.test/cb' },
    ]
    for (const params of cases) {
      const response = await authorize(params)
      expect(response.status).toBe(400)
      expect(response.headers.get('location')).toBeNull()
    }
  })

  it('requires PKCE', async () => {
    const response = await authorize({ code_challenge: '', code_challenge_method: '' })
    const location = new URL(response.headers.get('location') ?? '')
    expect(location.searchParams.get('error')).toBe('invalid_request')
  })

  it('refuses a wrong verifier, then a code used twice, with X’s error', async () => {
    const code = await codeFrom()
    const wrong = await exchange(code, 'b'.repeat(43))
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Value passed for the authorization code was invalid.',
    })
    expect((await exchange(code)).status).toBe(200)
    const again = await exchange(code)
    expect(again.status).toBe(400)
    expect(await again.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Value passed for the authorization code was invalid.',
    })
  })

  it('refuses a bad client secret or no client authentication with 401 unauthorized_client', async () => {
    const code = await codeFrom()
    for (const authorization of [basic(CLIENT, 'wrong'), null]) {
      const response = await token(
        { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER },
        authorization,
      )
      expect(response.status).toBe(401)
      expect(await response.json()).toEqual({
        error: 'unauthorized_client',
        error_description: 'Missing valid authorization header',
      })
    }
  })

  it('issues no refresh token without offline.access', async () => {
    const response = await exchange(await codeFrom({ scope: 'tweet.read users.read' }))
    const body = (await response.json()) as Record<string, unknown>
    expect(body.refresh_token).toBeUndefined()
  })

  it('rotates the refresh token: the new one works, the used one is refused', async () => {
    const first = (await (await exchange(await codeFrom())).json()) as Record<string, string>
    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    })
    expect(refreshed.status).toBe(200)
    const second = (await refreshed.json()) as Record<string, string>
    expect(second.refresh_token).toBeDefined()
    expect(second.refresh_token).not.toBe(first.refresh_token)
    expect(second.access_token).not.toBe(first.access_token)
    const reused = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })
    expect(reused.status).toBe(400)
    expect(await reused.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Value passed for the token was invalid.',
    })
    expect(
      (await token({ grant_type: 'refresh_token', refresh_token: second.refresh_token })).status,
    ).toBe(200)
  })

  it('refuses a revoked refresh token', async () => {
    const first = (await (await exchange(await codeFrom())).json()) as Record<string, string>
    server.oauth.revokeRefreshToken(first.refresh_token)
    const response = await token({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    })
    expect(response.status).toBe(400)
  })

  it('answers an expired token with the 401 problem on every route, by the clock or the hook', async () => {
    const first = (await (await exchange(await codeFrom())).json()) as Record<string, string>
    clock += 7199_000
    expect((await me(first.access_token)).status).toBe(200)
    clock += 1000
    const expired = await fetch(`${server.url}/2/tweets`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${first.access_token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ text: 'Flu clinic today' }),
    })
    expect(expired.status).toBe(401)
    expect(await expired.json()).toEqual({
      title: 'Unauthorized',
      type: 'about:blank',
      status: 401,
      detail: 'Unauthorized',
    })
    const next = (await (
      await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })
    ).json()) as Record<string, string>
    expect((await me(next.access_token)).status).toBe(200)
    server.oauth.expireAccessTokens()
    expect((await me(next.access_token)).status).toBe(401)
    // Static tokens are not OAuth grants: the hook leaves them alone.
    expect((await me('static-token')).status).toBe(200)
  })

  it('posts as the user an issued token names', async () => {
    const issued = (await (await exchange(await codeFrom())).json()) as Record<string, string>
    const response = await fetch(`${server.url}/2/tweets`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${issued.access_token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ text: 'Flu clinic today' }),
    })
    expect(response.status).toBe(201)
    expect([...server.tweets.values()][0].authorId).toBe(USER)
    expect(server.oauth.issued.map((t) => t.user)).toEqual([USER])
  })

  it('revokes an access token through POST /2/oauth2/revoke', async () => {
    const issued = (await (await exchange(await codeFrom())).json()) as Record<string, string>
    const response = await fetch(`${server.url}/2/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic() },
      body: new URLSearchParams({ token: issued.access_token, token_type_hint: 'access_token' }),
    })
    expect(await response.json()).toEqual({ revoked: true })
    expect((await me(issued.access_token)).status).toBe(401)
  })
})
