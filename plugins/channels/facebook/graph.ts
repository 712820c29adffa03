/**
 * A thin Graph API client shared by the Facebook Page and Instagram adapters: both are served by
 * graph.facebook.com and answer with the same error envelope, so the request, token handling and
 * error classification live here once.
 *
 * Documentation followed:
 * - Error envelope and recovery tactics: https://developers.facebook.com/docs/graph-api/guides/error-handling
 * - Rate limits and usage headers: https://developers.facebook.com/docs/graph-api/overview/rate-limiting
 * - Instagram error codes: https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { networkFailure, readJson } from '../http'
import type { ChannelAccount, ChannelFailure } from '../../scheduler'
import { classifyGraphError, type GraphFailure } from './graphErrors'

/** The Graph API version used when the account does not pin one (`settings.graphVersion`). */
export const DEFAULT_GRAPH_VERSION = 'v21.0'

export type GraphContext = {
  baseUrl: string
  version: string
  /** Facebook Page id or Instagram user id. */
  nodeId: string
  token: string
  signal?: AbortSignal
}

export type GraphParams = Record<string, string | undefined>

/** A file sent as a multipart part (the photos edge's `source`). */
export type GraphFile = { field: string; filePath: string; mimeType: string }

export type GraphCall = {
  method: 'GET' | 'POST' | 'DELETE'
  /** Path below the version, e.g. `123/feed`; each segment is URL-encoded. */
  path: string
  params?: GraphParams
  files?: GraphFile[]
}

export type GraphOk = { ok: true; status: number; body: Record<string, unknown>; headers: Headers }

/** A failure that no retry can fix, built before any request is made. */
export const permanentFailure = (message: string, status = 0): ChannelFailure => ({
  ok: false,
  retryable: false,
  status,
  message,
})

/** The account's Graph coordinates, or a permanent failure when the account cannot be used at all. */
export const graphContext = (
  account: ChannelAccount,
  network: string,
  signal?: AbortSignal,
): GraphContext | ChannelFailure => {
  if (!account.accessToken)
    return permanentFailure(`${network}: the account has no access token; reconnect it`)
  if (!account.externalId)
    return permanentFailure(
      `${network}: the account has no ${network === 'Instagram' ? 'Instagram user' : 'Page'} id`,
    )
  const version = account.settings?.graphVersion
  return {
    baseUrl: account.baseUrl.replace(/\/+$/, ''),
    version: typeof version === 'string' && version.trim() ? version.trim() : DEFAULT_GRAPH_VERSION,
    nodeId: account.externalId,
    token: account.accessToken,
    signal,
  }
}

/** Narrows a "value or failure" union to its failure member. */
export const isFailure = <T>(value: T): value is Extract<T, ChannelFailure> =>
  typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false

/**
 * Removes the token from any text we keep: Graph takes it as the `access_token` parameter, so it
 * can surface in URLs quoted by error messages, and a message may echo the raw value itself.
 */
export const redactToken = (text: string, token?: string): string => {
  let clean = text.replace(/(access_token=)[^&\s"'<>]+/gi, '$1[redacted]')
  if (token) clean = clean.split(token).join('[redacted]')
  return clean
}

const graphUrl = (ctx: GraphContext, pathBelowVersion: string): URL => {
  const segments = pathBelowVersion.split('/').filter(Boolean).map(encodeURIComponent)
  return new URL(`${ctx.baseUrl}/${encodeURIComponent(ctx.version)}/${segments.join('/')}`)
}

const definedEntries = (params: GraphParams = {}): [string, string][] =>
  Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined)

/** Multipart body for uploads: Graph reads the file from the `source` part (photo-uploads guide). */
const multipartBody = async (
  ctx: GraphContext,
  params: GraphParams | undefined,
  files: GraphFile[],
): Promise<FormData> => {
  const form = new FormData()
  for (const [key, value] of definedEntries(params)) form.append(key, value)
  form.append('access_token', ctx.token)
  for (const file of files) {
    const bytes = await readFile(file.filePath)
    form.append(
      file.field,
      new Blob([bytes], { type: file.mimeType }),
      path.basename(file.filePath),
    )
  }
  return form
}

/**
 * Builds the request as the docs show it: the token is the `access_token` parameter, in the query
 * string for reads and deletes, and in the form body for writes so it stays out of request URLs.
 */
const buildRequest = async (
  ctx: GraphContext,
  call: GraphCall,
): Promise<{ url: URL; init: RequestInit }> => {
  const url = graphUrl(ctx, call.path)
  const init: RequestInit = {
    method: call.method,
    signal: ctx.signal,
    headers: { accept: 'application/json' },
  }
  if (call.method !== 'POST') {
    for (const [key, value] of definedEntries(call.params)) url.searchParams.set(key, value)
    url.searchParams.set('access_token', ctx.token)
  } else if (call.files?.length) {
    init.body = await multipartBody(ctx, call.params, call.files)
  } else {
    init.body = new URLSearchParams([...definedEntries(call.params), ['access_token', ctx.token]])
  }
  return { url, init }
}

const withoutToken = <T extends ChannelFailure>(failure: T, token: string): T => ({
  ...failure,
  message: redactToken(failure.message, token),
})

const unreadableFile = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error &&
  typeof (error as NodeJS.ErrnoException).code === 'string' &&
  (error as NodeJS.ErrnoException).syscall === 'open'

/**
 * Makes one Graph request and returns the parsed JSON object, or a classified failure. Never
 * throws and never retries: the dispatcher owns backoff.
 */
export const callGraph = async (
  ctx: GraphContext,
  call: GraphCall,
  now: () => number = Date.now,
): Promise<GraphOk | GraphFailure> => {
  let response: Response
  try {
    const { url, init } = await buildRequest(ctx, call)
    response = await fetch(url, init)
  } catch (error) {
    // A media file we cannot read will not appear by retrying; a network error may clear up.
    if (unreadableFile(error))
      return withoutToken(
        permanentFailure(`could not read the media file: ${error.message}`),
        ctx.token,
      )
    return withoutToken(networkFailure(error), ctx.token)
  }
  let body: unknown
  try {
    body = await readJson(response)
  } catch (error) {
    return withoutToken(networkFailure(error), ctx.token)
  }
  if (!response.ok)
    return withoutToken(
      classifyGraphError(response.status, body, response.headers, now()),
      ctx.token,
    )
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    // A 2xx without the documented JSON object: we cannot tell whether the write happened, so let
    // the dispatcher retry (it reconciles first).
    return {
      ok: false,
      retryable: true,
      status: response.status,
      message: `Graph API answered ${response.status} without a JSON object`,
    }
  }
  return {
    ok: true,
    status: response.status,
    body: body as Record<string, unknown>,
    headers: response.headers,
  }
}

/** A string field of a Graph response, or undefined. */
export const stringField = (body: Record<string, unknown>, key: string): string | undefined => {
  const value = body[key]
  if (typeof value === 'string' && value) return value
  return typeof value === 'number' ? String(value) : undefined
}

/** How far back reconcile looks when the idempotency key carries no readable due time. */
export const RECONCILE_FALLBACK_WINDOW_MS = 48 * 3_600_000
/** Clock skew allowed between our due time and the network's post timestamp. */
const RECONCILE_SKEW_MS = 10 * 60_000

/**
 * The earliest time a post made for this publication can carry. The idempotency key ends with the
 * due time (`collection:id:channel:dueAt`); a post from before it is an older publication with the
 * same text (a recurring campaign), not ours. Falls back to a fixed window when unreadable.
 */
export const earliestMatchTime = (idempotencyKey: string, now: number): number => {
  const dueAt = idempotencyKey.split(':').slice(3).join(':')
  const parsed = /^\d+$/.test(dueAt)
    ? Number(dueAt) * (dueAt.length <= 10 ? 1000 : 1)
    : Date.parse(dueAt)
  return Number.isFinite(parsed) && parsed <= now
    ? parsed - RECONCILE_SKEW_MS
    : now - RECONCILE_FALLBACK_WINDOW_MS
}

/** Graph timestamps look like `2026-03-01T09:00:00+0000`, which Date.parse reads. */
export const graphTime = (value: unknown): number | undefined => {
  if (typeof value !== 'string') return undefined
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? undefined : parsed
}
