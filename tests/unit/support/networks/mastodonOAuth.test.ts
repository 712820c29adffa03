import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { type MastodonServer, startMastodonServer } from '../../../support/networks/mastodonServer'
import { pkceChallenge } from '../../../support/networks/oauthAuthority'

const REDIRECT = 'https://carecast.test/oauth/mastodon/callback'
const VERIFIER = 'm'.repeat(50)

let server: MastodonServer

beforeEach(async () => {
  server = await startMastodonServer({
    users: { 'static-token': 'stmarys' },
    accounts: { stmarys: { id: '109000000000000042', displayName: "St Mary's Hospital" } },
  })
})

afterEach(async () => {
  await server.close()
})

type App = { client_id: string; client_secret: string; [key: string]: unknown }

const registerApp = async (body: Record<string, unknown>, json = true) =>
  fetch(`${server.url}/api/v1/apps`, {
    method: 'POST',
    headers: {
      'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
    },
    body: json
      ? JSON.stringify(body)
      : new URLSearchParams(body as Record<string, string>).toString(),
  })

const app = async (): Promise<App> =>
  (await (
    await registerApp({
      client_name: 'Carecast',
      redirect_uris: REDIRECT,
      scopes: 'read write',
      website: 'https://carecast.test',
    })
  ).json()) as App

const authorize = (clientId: string, params: Record<string, string> = {}) =>
  fetch(
    `${server.url}/oauth/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: REDIRECT,
      scope: 'read write',
      state: 'm-1',
      code_challenge: pkceChallenge(VERIFIER),
      code_challenge_method: 'S256',
      ...params,
    })}`,
    { redirect: 'manual' },
  )

const codeFor = async (clientId: string) => {
  const location = new URL((await authorize(clientId)).headers.get('location') ?? '')
  expect(location.searchParams.get('state')).toBe('m-1')
  return location.searchParams.get('code') ?? ''
}

const token = (registered: App, code: string, verifier = VERIFIER) =>
  fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      client_id: registered.client_id,
      client_secret: registered.client_secret,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    }),
  })

const verify = (accessToken: string) =>
  fetch(`${server.url}/api/v1/accounts/verify_credentials`, {
    headers: { authorization: `Bearer ${accessToken}` },
  })

describe('Mastodon fake: app registration and OAuth', () => {
  it('registers an app, then turns its code into a token that never expires and acts as the user', async () => {
    const registered = await app()
    expect(registered).toMatchObject({
      name: 'Carecast',
      website: 'https://carecast.test',
      scopes: ['read', 'write'],
      redirect_uri: REDIRECT,
      redirect_uris: [REDIRECT],
    })
    const response = await token(registered, await codeFor(registered.client_id))
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(['access_token', 'created_at', 'scope', 'token_type'])
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'read write' })
    const account = await (await verify(body.access_token as string)).json()
    expect(account).toMatchObject({
      id: '109000000000000042',
      username: 'stmarys',
      acct: 'stmarys',
      display_name: "St Mary's Hospital",
      url: `${server.url}/@stmarys`,
    })
    expect(await (await verify('static-token')).json()).toEqual(account)
    server.oauth.expireAccessTokens()
    expect((await verify(body.access_token as string)).status).toBe(401)
  })

  it('takes redirect_uris as a form field of several URIs', async () => {
    const response = await registerApp(
      { client_name: 'Carecast', redirect_uris: `${REDIRECT}\nurn:ietf:wg:oauth:2.0:oob` },
      false,
    )
    expect(((await response.json()) as App).redirect_uris).toEqual([
      REDIRECT,
      'urn:ietf:wg:oauth:2.0:oob',
    ])
  })

  it('refuses an app without a name or redirect URIs with 422', async () => {
    const response = await registerApp({ scopes: 'read' })
    expect(response.status).toBe(422)
    expect(((await response.json()) as { error: string }).error).toMatch(/^Validation failed: /)
  })

  it('refuses a wrong verifier and a code used twice with invalid_grant', async () => {
    const registered = await app()
    const code = await codeFor(registered.client_id)
    const wrong = await token(registered, code, 'n'.repeat(50))
    expect(wrong.status).toBe(400)
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_grant')
    expect((await token(registered, code)).status).toBe(200)
    expect((await token(registered, code)).status).toBe(400)
  })

  it('refuses scopes the app did not register, and wrong client credentials', async () => {
    const registered = await app()
    const location = new URL(
      (await authorize(registered.client_id, { scope: 'read follow' })).headers.get('location') ??
        '',
    )
    expect(location.searchParams.get('error')).toBe('invalid_scope')
    const code = await codeFor(registered.client_id)
    const response = await token({ ...registered, client_secret: 'wrong' }, code)
    expect(response.status).toBe(401)
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client')
  })

  it('revokes a token through POST /oauth/revoke; the API then says so', async () => {
    const registered = await app()
    const { access_token } = (await (
      await token(registered, await codeFor(registered.client_id))
    ).json()) as { access_token: string }
    const revoke = await fetch(`${server.url}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token: access_token,
        client_id: registered.client_id,
        client_secret: registered.client_secret,
      }),
    })
    expect(revoke.status).toBe(200)
    expect(await revoke.json()).toEqual({})
    const after = await verify(access_token)
    expect(after.status).toBe(401)
    expect(await after.json()).toEqual({ error: 'The access token was revoked' })
  })
})
