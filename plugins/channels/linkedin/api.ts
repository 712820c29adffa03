import { httpFailure, isRetryableStatus, readJson, retryAfterMs } from '../http'
import type { ChannelAccount, ChannelFailure } from '../../scheduler'

/** One step of a multi-request flow: its value, or the failure that ends the flow. */
export type Step<T> = { ok: true; value: T } | ChannelFailure

/**
 * The `LinkedIn-Version` (YYYYMM) sent when the account sets none. LinkedIn supports each version
 * for at least a year, then answers 426 NONEXISTENT_VERSION; bump this (or set
 * `settings.linkedinVersion`) before it sunsets.
 */
export const DEFAULT_LINKEDIN_VERSION = '202609'

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const linkedinVersion = (account: ChannelAccount): string => {
  const version = account.settings?.linkedinVersion
  return version === undefined || version === '' ? DEFAULT_LINKEDIN_VERSION : String(version)
}

/** `baseUrl` may carry a path (a proxy, a test server), so paths are appended rather than resolved. */
export const linkedinUrl = (account: ChannelAccount, path: string): string =>
  `${account.baseUrl.replace(/\/+$/, '')}${path}`

export const bearer = (account: ChannelAccount): Record<string, string> =>
  account.accessToken ? { Authorization: `Bearer ${account.accessToken}` } : {}

/**
 * Every versioned /rest call needs `LinkedIn-Version: YYYYMM` and `X-Restli-Protocol-Version: 2.0.0`
 * (Posts API: "All APIs require the request header …"), plus the member's OAuth Bearer token.
 */
export const restHeaders = (
  account: ChannelAccount,
  extra: Record<string, string> = {},
): Record<string, string> => ({
  ...bearer(account),
  'LinkedIn-Version': linkedinVersion(account),
  'X-Restli-Protocol-Version': '2.0.0',
  ...extra,
})

export const JSON_BODY = { 'Content-Type': 'application/json' }

/** Where a post can be seen: the feed update page takes the post URN as is. */
export const linkedinPostUrl = (urn: string): string =>
  `https://www.linkedin.com/feed/update/${urn}/`

/**
 * LinkedIn's error body is `{ status, serviceErrorCode, code, message }` (e.g. 426
 * `{"status":426,"code":"NONEXISTENT_VERSION","message":"Requested version 20240401 is not active"}`);
 * the message is kept with its code, which is what support and the docs key on.
 */
export const linkedinErrorMessage = (body: unknown): string => {
  if (typeof body === 'string') return body.trim().slice(0, 500)
  if (!isRecord(body)) return ''
  const message = typeof body.message === 'string' ? body.message : ''
  const code = typeof body.code === 'string' ? body.code : undefined
  return code && !message.includes(code) ? `${message} (${code})`.trim() : message
}

/**
 * 429 (throttled) and 5xx are retryable, honouring Retry-After when LinkedIn sends one; 426 (the
 * version is no longer active) and other 4xx are permanent: repeating the request cannot fix them.
 */
export const linkedinFailure = async (response: Response): Promise<ChannelFailure> => {
  const message = linkedinErrorMessage(await readJson(response))
  const retryAfter = isRetryableStatus(response.status)
    ? retryAfterMs(response.headers.get('retry-after'))
    : undefined
  return httpFailure(response.status, message, retryAfter)
}

/** A failure decided here, before or without an HTTP answer that says so (status 0). */
export const localFailure = (message: string, retryable = false): ChannelFailure => ({
  ok: false,
  retryable,
  status: 0,
  message,
})

/** Error texts can echo request headers, so every message leaving the adapter is scrubbed of the token. */
// Token redaction is shared by every adapter.
export { redact } from '../http'
