import { expect } from 'vitest'

import { slugs } from '../../src/slugs'
import type { TestApp } from './testPayload'

/** The public origin the OAuth tests give Carecast (`SERVER_URL`), and the callback on it. */
export const OAUTH_PUBLIC = 'https://carecast.hospital.test'
export const OAUTH_CALLBACK = `${OAUTH_PUBLIC}/api/${slugs.channelAccounts}/oauth/callback`

/**
 * Connects an account as the admin's browser does it: start, the network's consent screen (the
 * fake answers it), the callback carrying the flow's cookie. Returns each step's answer.
 */
export const connectAccount = async (app: TestApp, token: string, accountId: number | string) => {
  const start = await app.rest('GET', `/${slugs.channelAccounts}/${accountId}/connect`, { token })
  expect(start.status, await start.clone().text()).toBe(302)
  const cookie = start.headers.get('set-cookie')!.split(';')[0]
  const consent = await fetch(start.headers.get('location')!, { redirect: 'manual' })
  expect(consent.status).toBe(302)
  const back = new URL(consent.headers.get('location')!)
  expect(`${back.origin}${back.pathname}`).toBe(OAUTH_CALLBACK)
  const callback = await app.rest('GET', `/${slugs.channelAccounts}/oauth/callback${back.search}`, {
    token,
    headers: { Cookie: cookie },
  })
  expect(callback.status).toBe(302)
  return {
    start,
    authorize: new URL(start.headers.get('location')!),
    back,
    cookie,
    landed: new URL(callback.headers.get('location')!, OAUTH_PUBLIC),
  }
}
