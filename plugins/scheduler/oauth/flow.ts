/**
 * The pure parts of the connection flow: where the network calls back, what the state carries,
 * the browser cookie that binds a flow to the person who started it, and whether a callback
 * belongs to the flow under way.
 */
import { hashOf } from './pkce'
import type { PendingFlow } from './store'

/** A flow is finished within this long, or started again. */
export const FLOW_TTL_MS = 10 * 60_000

export const COOKIE = 'carecast-oauth'

export const redirectUriOf = (publicUrl: string, accountsSlug: string) =>
  `${publicUrl.replace(/\/+$/, '')}/api/${accountsSlug}/oauth/callback`

/** `state` = the account's id and a random token: the callback finds the flow without a lookup. */
export const stateFor = (accountId: number | string, token: string) => `${accountId}.${token}`

export const accountIdOf = (state: string): string | null => {
  const dot = state.indexOf('.')
  return dot > 0 && /^[0-9A-Za-z_-]+$/.test(state.slice(0, dot)) ? state.slice(0, dot) : null
}

/** The flow's cookie: HttpOnly, only sent to the callback, gone in ten minutes. */
export const flowCookie = (nonce: string, accountsSlug: string, secure: boolean) =>
  [
    `${COOKIE}=${nonce}`,
    `Path=/api/${accountsSlug}/oauth`,
    'HttpOnly',
    // Lax: sent on the network's top-level redirect back, not on other sites' requests.
    'SameSite=Lax',
    `Max-Age=${FLOW_TTL_MS / 1000}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ')

export const cookieValue = (header: string | null | undefined, name = COOKIE): string | null => {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=') || null
  }
  return null
}

/**
 * Why a callback does not belong to the flow under way, or null when it does: the same state,
 * the same browser (the cookie's nonce), the same signed-in person, within ten minutes. A
 * callback that fails any of these is refused whatever its code says (a login CSRF, a replay, a
 * link sent to someone else).
 */
export const flowMismatch = (
  pending: PendingFlow | null | undefined,
  callback: { state: string; nonce: string | null; userId: number | string | undefined; now: Date },
): string | null => {
  if (!pending) return 'no connection was started for this account (or it was already finished)'
  if (callback.now.getTime() - new Date(pending.at).getTime() > FLOW_TTL_MS)
    return 'the connection took longer than 10 minutes'
  if (hashOf(callback.state) !== pending.stateHash)
    return 'the answer does not belong to this connection'
  if (!callback.nonce || hashOf(callback.nonce) !== pending.nonceHash)
    return 'the answer came back to another browser than the one that started it'
  if (callback.userId === undefined || String(callback.userId) !== String(pending.by))
    return 'it was started by someone else'
  return null
}
