/**
 * A local stand-in for a Mastodon instance, speaking the shapes docs.joinmastodon.org documents:
 * - auth: `Authorization: Bearer <user token>`; missing or unknown → 401 `{ error: "The access token is invalid" }`.
 * - POST /api/v2/media (multipart `file`, `description`): images → 200 MediaAttachment (processed
 *   synchronously since 4.0); video/gifv/audio → 202 with `url: null`. A file without a supported
 *   MIME type → 422 "Validation failed: File content type is invalid, File is invalid".
 * - GET /api/v1/media/:id → 206 while processing (`processingPolls` times), then 200 with `url`;
 *   404 `{ error: "Record not found" }` for media of another account or none.
 * - POST /api/v1/statuses (JSON or form: `status`, `media_ids[]`, `visibility`, `language`) → 200
 *   Status. `Idempotency-Key` (per account, kept 1 hour) answers a repeat with the status already
 *   created, before any validation, as PostStatusService does. Validation (422): blank text without
 *   media, over `maxCharacters` (URLs count 23, graphemes counted), unknown or attached media, media
 *   still processing, more than 4 files, a video with other media.
 * - GET /api/v1/statuses/:id → 200 / 404 (also the metrics read: mastodonMetrics.ts); DELETE
 *   /api/v1/statuses/:id → 200 Status with `text`. Statuses carry replies/reblogs/favourites counts.
 * - GET /api/v1/accounts/verify_credentials → CredentialAccount `{ id, username, acct,
 *   display_name, url, source, … }` (docs.joinmastodon.org/methods/accounts/#verify_credentials).
 * - App registration and OAuth (mastodonOAuth.ts): POST /api/v1/apps, GET /oauth/authorize,
 *   POST /oauth/token, POST /oauth/revoke. An issued token acts as its user like a `users` token;
 *   revoked → 401 `{ error: "The access token was revoked" }` (Doorkeeper's text).
 * Every answer carries X-RateLimit-Limit/Remaining/Reset (an ISO 8601 timestamp); `failNext`
 * injects a documented error (429 with its reset, 5xx, …) for the next matching request.
 */
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { type MastodonCount, createMastodonMetrics } from './mastodonMetrics'
import { type MastodonOAuthOptions, type RegisteredApp, createMastodonOAuth } from './mastodonOAuth'
import type { MetricsHooks } from './metricsGate'
import type { OAuthAuthority } from './oauthAuthority'

export type RecordedRequest = {
  method: string
  /** Path and query, as sent. */
  path: string
  headers: http.IncomingHttpHeaders
  /** Parsed JSON or form fields (repeated fields as arrays); files as `{ filename, type, bytes }`. */
  body: Record<string, unknown>
}

export type StoredMedia = {
  id: string
  token: string
  type: 'image' | 'video' | 'gifv' | 'audio'
  mimeType: string
  filename: string
  bytes: Buffer
  description: string | null
  pollsLeft: number
  statusId?: string
}

export type StoredStatus = {
  id: string
  token: string
  text: string
  visibility: string
  language: string | null
  mediaIds: string[]
  createdAt: Date
}

export type MastodonFault = { status: number; body?: unknown; headers?: Record<string, string> }

export type MastodonServerOptions = {
  /** Known user tokens and the username each acts as. */
  users?: Record<string, string>
  /** The instance's `configuration.statuses.max_characters`. */
  maxCharacters?: number
  /** 206 answers GET /api/v1/media/:id gives before a video is processed. */
  processingPolls?: number
  /** The clock the idempotency window and rate-limit resets are read from (and the OAuth server's). */
  now?: () => number
  /** Who consents at /oauth/authorize, and token lifetime (none by default, as on Mastodon). */
  oauth?: MastodonOAuthOptions
  /** Account ids and display names by username. @default a stable id per username, display name = username */
  accounts?: Record<string, { id: string; displayName: string }>
}

export type MastodonServer = MetricsHooks & {
  url: string
  requests: RecordedRequest[]
  statuses: Map<string, StoredStatus>
  media: Map<string, StoredMedia>
  /** The OAuth server; apps registered through POST /api/v1/apps are among its clients. */
  oauth: OAuthAuthority<string>
  /** Apps registered through POST /api/v1/apps, oldest first. */
  apps: RegisteredApp[]
  /** The next request matching `method` and `path` (exact path without query, or a RegExp) gets `fault`. */
  failNext(method: string, path: string | RegExp, fault: MastodonFault): void
  /** A status's counts as GET /api/v1/statuses/:id reports them (null: the field is left out). */
  setCounts(id: string, counts: Partial<Record<MastodonCount, number | null>>): void
  close(): Promise<void>
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> }

const IDEMPOTENCY_TTL_MS = 60 * 60 * 1000
const MAX_ATTACHMENTS = 4
const URL_WEIGHT = 23
const MEDIA_TYPES: Record<string, StoredMedia['type']> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/heic': 'image',
  'image/gif': 'gifv',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'video/webm': 'video',
  'audio/mpeg': 'audio',
  'audio/ogg': 'audio',
}
const VISIBILITIES = new Set(['public', 'unlisted', 'private', 'direct'])

const invalidToken: Reply = { status: 401, body: { error: 'The access token is invalid' } }
const revokedToken: Reply = { status: 401, body: { error: 'The access token was revoked' } }
const expiredToken: Reply = { status: 401, body: { error: 'The access token expired' } }
const notFound: Reply = { status: 404, body: { error: 'Record not found' } }
const unprocessable = (error: string): Reply => ({ status: 422, body: { error } })

/** Mastodon's StatusLengthValidator: every URL counts as 23 characters; graphemes, not code units. */
const countCharacters = (text: string): number => {
  const weighted = text.replace(/https?:\/\/\S+/g, 'x'.repeat(URL_WEIGHT))
  return [...new Intl.Segmenter().segment(weighted)].length
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const readBody = (req: http.IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })

const addField = (fields: Record<string, unknown>, name: string, value: unknown): void => {
  const key = name.endsWith('[]') ? name.slice(0, -2) : name
  const existing = fields[key]
  if (name.endsWith('[]')) fields[key] = [...(Array.isArray(existing) ? existing : []), value]
  else fields[key] = value
}

/** JSON, urlencoded or multipart, as Rails would read them (`media_ids[]` becomes `media_ids`). */
const parseBody = async (
  req: http.IncomingMessage,
  raw: Buffer,
): Promise<Record<string, unknown>> => {
  const type = req.headers['content-type'] ?? ''
  if (raw.length === 0) return {}
  if (type.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(raw.toString('utf8'))
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}
  }
  const fields: Record<string, unknown> = {}
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [name, value] of new URLSearchParams(raw.toString('utf8')))
      addField(fields, name, value)
    return fields
  }
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://mastodon.test/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: new Uint8Array(raw),
    }).formData()
    for (const [name, value] of form) {
      if (typeof value === 'string') addField(fields, name, value)
      else
        addField(fields, name, {
          filename: value.name,
          type: value.type,
          bytes: Buffer.from(await value.arrayBuffer()),
        })
    }
  }
  return fields
}

export const startMastodonServer = async (
  options: MastodonServerOptions = {},
): Promise<MastodonServer> => {
  const users = options.users ?? { 'mastodon-token': 'carecast' }
  const maxCharacters = options.maxCharacters ?? 500
  const now = options.now ?? Date.now
  const requests: RecordedRequest[] = []
  const statuses = new Map<string, StoredStatus>()
  const media = new Map<string, StoredMedia>()
  const idempotency = new Map<string, { statusId: string; at: number }>()
  const faults: { method: string; path: string | RegExp; fault: MastodonFault }[] = []
  let nextId = 110000000000000000n
  let url = ''

  const newId = (): string => String((nextId += 1n))
  const metrics = createMastodonMetrics({ has: (id) => statuses.has(id), now })
  const mastodonOAuth = createMastodonOAuth(
    { ...(options.now ? { now: options.now } : {}), ...options.oauth },
    Object.values(users)[0] ?? 'carecast',
  )

  /** The bearer token if it is a static one or an issued one still in force, else the 401 to send. */
  const tokenOf = (req: http.IncomingMessage): string | Reply => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    if (token === undefined) return invalidToken
    if (users[token]) return token
    const checked = mastodonOAuth.authority.check(token)
    if (checked.state === 'active') return token
    if (checked.state === 'revoked') return revokedToken
    return checked.state === 'expired' ? expiredToken : invalidToken
  }

  /** Whose a token is: statuses keep the token that made them, even one revoked since. */
  const usernameOf = (token: string): string =>
    users[token] ?? mastodonOAuth.authority.issued.find((t) => t.accessToken === token)?.user ?? ''

  const accountIds = new Map<string, string>()
  const accountOf = (username: string) => {
    const configured = options.accounts?.[username]
    if (!accountIds.has(username))
      accountIds.set(
        username,
        configured?.id ?? String(109_000_000_000_000_000n + BigInt(accountIds.size + 1)),
      )
    return {
      id: accountIds.get(username) as string,
      username,
      acct: username,
      display_name: configured?.displayName ?? username,
      url: `${url}/@${username}`,
    }
  }

  const verifyCredentials = (token: string): Reply => {
    const account = accountOf(usernameOf(token))
    return {
      status: 200,
      body: {
        ...account,
        locked: false,
        bot: false,
        group: false,
        created_at: '2022-11-01T00:00:00.000Z',
        note: '',
        avatar: `${url}/avatars/original/missing.png`,
        header: `${url}/headers/original/missing.png`,
        followers_count: 0,
        following_count: 0,
        statuses_count: [...statuses.values()].filter(
          (s) => usernameOf(s.token) === account.username,
        ).length,
        source: { privacy: 'public', sensitive: false, language: null, note: '', fields: [] },
        emojis: [],
        fields: [],
      },
    }
  }

  const attachmentJson = (item: StoredMedia) => {
    const ready = item.pollsLeft <= 0
    const file = `${url}/system/media_attachments/files/${item.id}/original/${item.filename}`
    return {
      id: item.id,
      type: item.type,
      url: ready ? file : null,
      preview_url: `${url}/system/media_attachments/files/${item.id}/small/${item.filename}.png`,
      remote_url: null,
      text_url: null,
      meta: {},
      description: item.description,
      blurhash: null,
    }
  }

  const statusJson = (status: StoredStatus, withSource = false) => {
    const username = usernameOf(status.token)
    return {
      id: status.id,
      created_at: status.createdAt.toISOString(),
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      sensitive: false,
      spoiler_text: '',
      visibility: status.visibility,
      language: status.language,
      uri: `${url}/users/${username}/statuses/${status.id}`,
      url: `${url}/@${username}/${status.id}`,
      content: `<p>${escapeHtml(status.text).replace(/\n/g, '<br />')}</p>`,
      ...(withSource ? { text: status.text } : {}),
      account: accountOf(username),
      media_attachments: status.mediaIds.flatMap((id) =>
        media.has(id) ? [attachmentJson(media.get(id) as StoredMedia)] : [],
      ),
      mentions: [],
      tags: [],
      emojis: [],
      ...metrics.countsJson(status.id),
      card: null,
      poll: null,
      application: { name: 'Carecast', website: null },
    }
  }

  const uploadMedia = (token: string, body: Record<string, unknown>): Reply => {
    const file = body.file as { filename: string; type: string; bytes: Buffer } | undefined
    const type = file ? MEDIA_TYPES[file.type] : undefined
    if (!file || !type)
      return unprocessable('Validation failed: File content type is invalid, File is invalid')
    const description = typeof body.description === 'string' ? body.description : null
    if (description && description.length > 1500)
      return unprocessable(
        'Validation failed: Description is too long (maximum is 1500 characters)',
      )
    const item: StoredMedia = {
      id: newId(),
      token,
      type,
      mimeType: file.type,
      filename: file.filename,
      bytes: file.bytes,
      description,
      pollsLeft: type === 'image' ? 0 : (options.processingPolls ?? 0) + 1,
    }
    media.set(item.id, item)
    // Images are processed synchronously (200); larger formats in the background (202, url null).
    return { status: type === 'image' ? 200 : 202, body: attachmentJson(item) }
  }

  const getMedia = (token: string, id: string): Reply => {
    const item = media.get(id)
    if (!item || item.token !== token) return notFound
    if (item.pollsLeft > 1) {
      item.pollsLeft -= 1
      return { status: 206, body: attachmentJson(item) }
    }
    item.pollsLeft = 0
    return { status: 200, body: attachmentJson(item) }
  }

  const mediaIdsOf = (body: Record<string, unknown>): string[] =>
    Array.isArray(body.media_ids) ? body.media_ids.map(String) : []

  const validateMedia = (token: string, ids: string[]): Reply | undefined => {
    if (ids.length > MAX_ATTACHMENTS)
      return unprocessable(`Cannot attach more than ${MAX_ATTACHMENTS} files`)
    const missing = ids.filter((id) => media.get(id)?.token !== token || media.get(id)?.statusId)
    if (missing.length > 0)
      return unprocessable(
        `Media ${missing.join(', ')} not found or already attached to another post`,
      )
    const items = ids.map((id) => media.get(id) as StoredMedia)
    if (items.length > 1 && items.some((item) => item.type === 'video' || item.type === 'audio'))
      return unprocessable('Cannot attach a video to a post that already contains images')
    if (items.some((item) => item.pollsLeft > 0))
      return unprocessable(
        'Cannot attach files that have not finished processing. Try again in a moment!',
      )
    return undefined
  }

  const createStatus = (
    token: string,
    body: Record<string, unknown>,
    key: string | undefined,
  ): Reply => {
    const remembered = key ? idempotency.get(`${token}:${key}`) : undefined
    if (
      remembered &&
      now() - remembered.at < IDEMPOTENCY_TTL_MS &&
      statuses.has(remembered.statusId)
    ) {
      return { status: 200, body: statusJson(statuses.get(remembered.statusId) as StoredStatus) }
    }
    const text = typeof body.status === 'string' ? body.status : ''
    const ids = mediaIdsOf(body)
    if (text.trim() === '' && ids.length === 0)
      return unprocessable("Validation failed: Text can't be blank")
    if (countCharacters(text) > maxCharacters)
      return unprocessable(`Validation failed: Text character limit of ${maxCharacters} exceeded`)
    const mediaProblem = validateMedia(token, ids)
    if (mediaProblem) return mediaProblem
    const visibility = typeof body.visibility === 'string' ? body.visibility : 'public'
    if (!VISIBILITIES.has(visibility))
      return unprocessable(`'${visibility}' is not a valid visibility`)
    // An unknown language is dropped, not refused (LanguagesHelper#valid_locale_or_nil).
    const language =
      typeof body.language === 'string' && /^[a-z]{2,3}$/.test(body.language) ? body.language : null
    const status: StoredStatus = {
      id: newId(),
      token,
      text,
      visibility,
      language,
      mediaIds: ids,
      createdAt: new Date(now()),
    }
    statuses.set(status.id, status)
    for (const id of ids) (media.get(id) as StoredMedia).statusId = status.id
    if (key) idempotency.set(`${token}:${key}`, { statusId: status.id, at: now() })
    return { status: 200, body: statusJson(status) }
  }

  const route = (req: http.IncomingMessage, path: string, body: Record<string, unknown>): Reply => {
    const method = req.method ?? 'GET'
    const oauthReply = mastodonOAuth.handle(
      method,
      new URL(req.url ?? '/', 'http://mastodon.test'),
      body,
      req.headers.authorization,
    )
    if (oauthReply) return oauthReply
    const token = tokenOf(req)
    if (typeof token !== 'string') return token
    if (method === 'GET' && path === '/api/v1/accounts/verify_credentials')
      return verifyCredentials(token)
    if (method === 'POST' && path === '/api/v2/media') return uploadMedia(token, body)
    const mediaMatch = /^\/api\/v1\/media\/([^/]+)$/.exec(path)
    if (method === 'GET' && mediaMatch) return getMedia(token, decodeURIComponent(mediaMatch[1]))
    if (method === 'POST' && path === '/api/v1/statuses') {
      const key = req.headers['idempotency-key']
      return createStatus(token, body, typeof key === 'string' ? key : undefined)
    }
    const statusMatch = /^\/api\/v1\/statuses\/([^/]+)$/.exec(path)
    const status = statusMatch ? statuses.get(decodeURIComponent(statusMatch[1])) : undefined
    if (statusMatch && method === 'GET')
      return (
        metrics.refuse(decodeURIComponent(statusMatch[1])) ??
        (status ? { status: 200, body: statusJson(status) } : notFound)
      )
    if (statusMatch && method === 'DELETE') {
      // Only one's own statuses can be deleted; another account's is "not found" too.
      if (!status || status.token !== token) return notFound
      statuses.delete(status.id)
      return { status: 200, body: statusJson(status, true) }
    }
    return notFound
  }

  const rateLimitHeaders = (): Record<string, string> => ({
    'X-RateLimit-Limit': '300',
    'X-RateLimit-Remaining': '299',
    'X-RateLimit-Reset': new Date(now() + 5 * 60 * 1000).toISOString(),
  })

  const takeFault = (method: string, path: string): MastodonFault | undefined => {
    const index = faults.findIndex(
      (f) =>
        f.method === method && (typeof f.path === 'string' ? f.path === path : f.path.test(path)),
    )
    return index === -1 ? undefined : faults.splice(index, 1)[0].fault
  }

  const server = http.createServer(async (req, res) => {
    const raw = await readBody(req)
    const path = (req.url ?? '/').split('?')[0]
    let body: Record<string, unknown> = {}
    let reply: Reply
    try {
      body = await parseBody(req, raw)
      requests.push({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body,
      })
      reply = takeFault(req.method ?? 'GET', path) ?? route(req, path, body)
    } catch {
      requests.push({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body,
      })
      reply = { status: 400, body: { error: 'The request could not be parsed' } }
    }
    const headers = {
      ...rateLimitHeaders(),
      ...(reply.body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
      'X-Request-Id': randomUUID(),
      ...reply.headers,
    }
    res.writeHead(reply.status, headers)
    res.end(
      reply.body === undefined
        ? undefined
        : typeof reply.body === 'string'
          ? reply.body
          : JSON.stringify(reply.body),
    )
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    requests,
    statuses,
    media,
    oauth: mastodonOAuth.authority,
    apps: mastodonOAuth.apps,
    failNext: (method, path, fault) => void faults.push({ method, path, fault }),
    setCounts: metrics.setCounts,
    metricsReads: metrics.gate.metricsReads,
    limitMetrics: (limit) => metrics.gate.limitMetrics(limit),
    failNextMetrics: (count, status) => metrics.gate.failNextMetrics(count, status),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
