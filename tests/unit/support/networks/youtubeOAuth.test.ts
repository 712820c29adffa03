import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { pkceChallenge } from '../../../support/networks/oauthAuthority'
import { type YoutubeServer, startYoutubeServer } from '../../../support/networks/youtubeServer'

const CLIENT = '1234-carecast.apps.googleusercontent.com'
const SECRET = 'GOCSPX-secret'
const REDIRECT = 'https://carecast.test/oauth/youtube/callback'
const VERIFIER = 'v'.repeat(64)
const CHANNEL = 'UCstmarys00000000000000'
const SCOPE =
  'https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.readonly'

let server: YoutubeServer
let clock: number

beforeEach(async () => {
  clock = Date.parse('2026-03-01T09:00:00Z')
  server = await startYoutubeServer({
    tokens: ['static-token'],
    channels: { [CHANNEL]: { title: "St Mary's Hospital", customUrl: '@stmaryshospital' } },
    oauth: {
      clients: { [CLIENT]: { secret: SECRET, redirectUris: [REDIRECT] } },
      channelId: CHANNEL,
      now: () => clock,
    },
  })
})

afterEach(async () => {
  await server.close()
})

const authorize = (params: Record<string, string> = {}) =>
  fetch(
    `${server.url}/o/oauth2/v2/auth?${new URLSearchParams({
      client_id: CLIENT,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: SCOPE,
      state: 'g-1',
      access_type: 'offline',
      prompt: 'consent',
      code_challenge: pkceChallenge(VERIFIER),
      code_challenge_method: 'S256',
      ...params,
    })}`,
    { redirect: 'manual' },
  )

const codeFrom = async (params: Record<string, string> = {}) => {
  const location = new URL((await authorize(params)).headers.get('location') ?? '')
  expect(location.searchParams.get('state')).toBe('g-1')
  expect(location.searchParams.get('scope')).toBe(SCOPE)
  return location.searchParams.get('code') ?? ''
}

const token = (fields: Record<string, string>) =>
  fetch(`${server.url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: CLIENT, client_secret: SECRET, ...fields }),
  })

const exchange = (code: string, verifier = VERIFIER) =>
  token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier })

const mine = (accessToken: string) =>
  fetch(`${server.url}/youtube/v3/channels?part=snippet&mine=true`, {
    headers: { authorization: `Bearer ${accessToken}` },
  })

describe('YouTube fake: Google OAuth 2.0 for web server apps', () => {
  it('exchanges a code and verifier for a Bearer token that names the channel', async () => {
    const response = await exchange(await codeFrom())
    const body = (await response.json()) as Record<string, string>
    expect(body).toMatchObject({ expires_in: 3599, scope: SCOPE, token_type: 'Bearer' })
    expect(typeof body.refresh_token).toBe('string')
    const channels = (await (await mine(body.access_token)).json()) as { items: unknown[] }
    expect(channels.items).toMatchObject([
      { id: CHANNEL, snippet: { title: "St Mary's Hospital", customUrl: '@stmaryshospital' } },
    ])
  })

  it('refuses a wrong verifier, then a code used twice, with invalid_grant', async () => {
    const code = await codeFrom()
    const wrong = await exchange(code, 'w'.repeat(64))
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid code verifier.',
    })
    expect((await exchange(code)).status).toBe(200)
    const again = await exchange(code)
    expect(again.status).toBe(400)
    expect(((await again.json()) as { error: string }).error).toBe('invalid_grant')
  })

  it('gives a refresh token only for offline access, and only on first consent without prompt=consent', async () => {
    const online = (await (
      await exchange(await codeFrom({ access_type: 'online' }))
    ).json()) as Record<string, unknown>
    expect(online.refresh_token).toBeUndefined()
    const first = (await (await exchange(await codeFrom({ prompt: '' }))).json()) as Record<
      string,
      unknown
    >
    expect(first.refresh_token).toBeDefined()
    const second = (await (await exchange(await codeFrom({ prompt: '' }))).json()) as Record<
      string,
      unknown
    >
    expect(second.refresh_token).toBeUndefined()
    const forced = (await (await exchange(await codeFrom())).json()) as Record<string, unknown>
    expect(forced.refresh_token).toBeDefined()
  })

  it('refreshes without a new refresh token, and the old one keeps working', async () => {
    const first = (await (await exchange(await codeFrom())).json()) as Record<string, string>
    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    })
    const body = (await refreshed.json()) as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'scope', 'token_type'])
    expect(body.access_token).not.toBe(first.access_token)
    expect(
      (await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })).status,
    ).toBe(200)
  })

  it('refuses a revoked refresh token with "Token has been expired or revoked."', async () => {
    const first = (await (await exchange(await codeFrom())).json()) as Record<string, string>
    server.oauth.revokeRefreshToken(first.refresh_token)
    const response = await token({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Token has been expired or revoked.',
    })
  })

  it('revoking through POST /revoke ends both tokens of the grant', async () => {
    const first = (await (await exchange(await codeFrom())).json()) as Record<string, string>
    const revoke = await fetch(`${server.url}/revoke?token=${first.refresh_token}`, {
      method: 'POST',
    })
    expect(revoke.status).toBe(200)
    expect((await mine(first.access_token)).status).toBe(401)
    expect(
      (await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })).status,
    ).toBe(400)
  })

  it('answers an expired token with Google’s 401 UNAUTHENTICATED', async () => {
    const first = (await (await exchange(await codeFrom())).json()) as Record<string, string>
    clock += 3599_000
    const response = await mine(first.access_token)
    expect(response.status).toBe(401)
    const body = (await response.json()) as { error: Record<string, unknown> }
    expect(body.error).toMatchObject({
      code: 401,
      message:
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    })
    expect((await mine('static-token')).status).toBe(200)
  })

  it('sends access_denied back on refusal, and shows a page for an unknown client', async () => {
    server.oauth.consent = 'deny'
    const denied = new URL((await authorize()).headers.get('location') ?? '')
    expect(Object.fromEntries(denied.searchParams)).toEqual({
      error: 'access_denied',
      state: 'g-1',
    })
    const unknown = await authorize({ client_id: 'nobody' })
    expect(unknown.status).toBe(401)
    expect(unknown.headers.get('location')).toBeNull()
  })

  it('refuses a wrong client secret with 401 invalid_client', async () => {
    const code = await codeFrom()
    const response = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
      client_secret: 'wrong',
    })
    expect(response.status).toBe(401)
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client')
  })
})
