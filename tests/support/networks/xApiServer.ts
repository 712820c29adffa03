/**
 * A local stand-in for X API v2 (api.x.com), speaking its documented shapes:
 * - auth: `Authorization: Bearer <user token>`; missing or unknown → 401 problem details.
 * - POST /2/tweets `{ text, media?: { media_ids } }` → 201 `{ data: { id, text } }`; JSON only
 *   (400 invalid-request otherwise); duplicate text → 403 "You are not allowed to create a Tweet with
 *   duplicate content."; over 280 weighted characters (twitter-text, X's own counter) → 400.
 * - media: POST /2/media/upload (one-shot image), POST /2/media/upload/initialize,
 *   /2/media/upload/:id/append, /2/media/upload/:id/finalize, GET /2/media/upload?command=STATUS,
 *   POST /2/media/metadata (alt text).
 * - GET /2/tweets/:id, GET /2/users/:id/tweets, DELETE /2/tweets/:id.
 * - GET /2/tweets?ids=…&tweet.fields=public_metrics, the metrics read (xMetrics.ts).
 * - GET /2/users/me → `{ data: { id, name, username } }` (docs.x.com/x-api/users/user-lookup-me).
 * - OAuth 2.0 with PKCE (xOAuth.ts): GET /i/oauth2/authorize, POST /2/oauth2/token,
 *   POST /2/oauth2/revoke. An access token issued there acts as its user on every route above,
 *   like a `users` token, until it expires (then the same 401).
 * Posts are rendered as X renders them when read back: links wrapped in t.co with the original in
 * `entities.urls[].expanded_url`, `&`, `<`, `>` HTML-escaped, a t.co link appended for media.
 * Every response carries x-rate-limit-* headers; `failNext` injects a documented error.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import twitterText from 'twitter-text'

import type { MetricsHooks } from './metricsGate'
import type { OAuthAuthority } from './oauthAuthority'
import { type XPublicMetric, createXMetrics } from './xMetrics'
import { type XOAuthOptions, createXOAuth } from './xOAuth'

export type XRoute =
  | 'POST /2/tweets'
  | 'GET /2/tweets'
  | 'GET /2/tweets/:id'
  | 'DELETE /2/tweets/:id'
  | 'GET /2/users/:id/tweets'
  | 'GET /2/users/me'
  | 'POST /2/media/upload'
  | 'POST /2/media/upload/initialize'
  | 'POST /2/media/upload/:id/append'
  | 'POST /2/media/upload/:id/finalize'
  | 'GET /2/media/upload'
  | 'POST /2/media/metadata'

export type XFailure =
  /** 429; `limit: 'user-24h'` exhausts the 24-hour user cap (x-user-limit-24hour-*) instead of the window. */
  | { kind: 'rate-limit'; resetEpochSeconds: number; limit?: 'window' | 'user-24h' }
  | { kind: 'duplicate' }
  | { kind: 'server-error'; status?: 500 | 502 | 503 | 504 }
  | { kind: 'unauthorized' }
  | { kind: 'forbidden'; detail: string }
  | { kind: 'drop-connection' }
  /** On GET /2/media/upload: the STATUS answer says processing failed (HTTP 200, state "failed"). */
  | { kind: 'processing-failed' }

export type RecordedRequest = {
  method: string
  /** Path and query, as sent. */
  path: string
  headers: Record<string, string>
  body: Buffer
  json?: unknown
  form?: Record<string, string | { filename: string; type: string; bytes: Buffer }>
}

export type StoredTweet = {
  id: string
  authorId: string
  text: string
  createdAt: Date
  mediaIds: string[]
}
export type StoredMedia = {
  id: string
  ownerId: string
  category: string
  mimeType: string
  totalBytes: number
  segments: Map<number, Buffer>
  bytes?: Buffer
  state: 'uploading' | 'pending' | 'in_progress' | 'succeeded' | 'failed'
  pollsLeft: number
  altText?: string
}

export type XApiServerOptions = {
  /** Known user access tokens and the user id each one acts as. */
  users: Record<string, string>
  /** STATUS answers before a video/GIF finishes processing. */
  processingPolls?: number
  /** `check_after_secs` while processing. */
  checkAfterSecs?: number
  /** The OAuth 2.0 server: registered apps, who consents, token lifetime and clock. */
  oauth?: XOAuthOptions
  /** Names GET /2/users/me gives each user id. @default name "Carecast Hospital", username "carecast<last 4 digits>" */
  profiles?: Record<string, { name: string; username: string }>
}

export type XApiServer = MetricsHooks & {
  url: string
  requests: RecordedRequest[]
  tweets: Map<string, StoredTweet>
  media: Map<string, StoredMedia>
  /** The OAuth 2.0 server behind /i/oauth2/authorize and /2/oauth2/token, with its test hooks. */
  oauth: OAuthAuthority<string>
  /** Makes the next request to `route` (after authentication) answer with `failure`. */
  failNext(route: XRoute, failure: XFailure): void
  /** Puts a post on a user's timeline directly, as if made earlier. */
  seedTweet(authorId: string, text: string, createdAt: Date): StoredTweet
  /** What GET /2/tweets reports in `public_metrics` for a post (null: the field is left out). */
  setCounts(id: string, counts: Partial<Record<XPublicMetric, number | null>>): void
  close(): Promise<void>
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> }
type Context = { request: RecordedRequest; url: URL; params: string[]; userId: string }

const problem = (status: number, title: string, detail: string, type = 'about:blank'): Reply => ({
  status,
  body: { title, detail, type, status },
})

/** X's validation error: a problem document plus `errors: [{ parameters, message }]`. */
const invalidRequest = (message: string, parameters: Record<string, unknown> = {}): Reply => ({
  status: 400,
  body: {
    errors: [{ parameters, message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.twitter.com/2/problems/invalid-request',
  },
})

const UNAUTHORIZED = problem(401, 'Unauthorized', 'Unauthorized')
const DUPLICATE = problem(
  403,
  'Forbidden',
  'You are not allowed to create a Tweet with duplicate content.',
)
const MAX_WEIGHTED_LENGTH = 280

const epoch = (ms: number) => Math.floor(ms / 1000)

const rateLimited = (failure: Extract<XFailure, { kind: 'rate-limit' }>): Reply => {
  const window =
    failure.limit === 'user-24h'
      ? {
          'x-rate-limit-limit': '100',
          'x-rate-limit-remaining': '54',
          'x-rate-limit-reset': String(epoch(Date.now()) + 900),
        }
      : {
          'x-rate-limit-limit': '100',
          'x-rate-limit-remaining': '0',
          'x-rate-limit-reset': String(failure.resetEpochSeconds),
        }
  const daily: Record<string, string> =
    failure.limit === 'user-24h'
      ? {
          'x-user-limit-24hour-limit': '100',
          'x-user-limit-24hour-remaining': '0',
          'x-user-limit-24hour-reset': String(failure.resetEpochSeconds),
        }
      : {}
  return {
    ...problem(429, 'Too Many Requests', 'Too Many Requests'),
    headers: { ...window, ...daily },
  }
}

const injected = (failure: XFailure): Reply | 'drop' | undefined => {
  switch (failure.kind) {
    case 'rate-limit':
      return rateLimited(failure)
    case 'duplicate':
      return DUPLICATE
    case 'server-error': {
      const status = failure.status ?? 503
      const title = {
        500: 'Internal Server Error',
        502: 'Bad Gateway',
        503: 'Service Unavailable',
        504: 'Gateway Timeout',
      }[status]
      return problem(status, title, title)
    }
    case 'unauthorized':
      return UNAUTHORIZED
    case 'forbidden':
      return problem(403, 'Forbidden', failure.detail)
    case 'drop-connection':
      return 'drop'
    case 'processing-failed':
      return undefined
  }
}

// ---------------------------------------------------------------- rendering as X reads posts back

type UrlEntity = {
  start: number
  end: number
  url: string
  expanded_url: string
  display_url: string
  media_key?: string
}

const escapeEntities = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Text as X returns it: t.co links with their originals in `entities.urls`, entities escaped. */
const render = (tweet: StoredTweet): { text: string; urls: UrlEntity[] } => {
  const urls: UrlEntity[] = []
  let text = ''
  let last = 0
  twitterText.extractUrlsWithIndices(tweet.text).forEach((found, index) => {
    const [from, to] = found.indices
    text += escapeEntities(tweet.text.slice(last, from))
    const url = `https://t.co/${tweet.id.slice(-6)}${index}`
    const expanded = /^https?:\/\//i.test(found.url) ? found.url : `http://${found.url}`
    urls.push({
      start: text.length,
      end: text.length + url.length,
      url,
      expanded_url: expanded,
      display_url: found.url.replace(/^https?:\/\//i, ''),
    })
    text += url
    last = to
  })
  text += escapeEntities(tweet.text.slice(last))
  if (tweet.mediaIds.length > 0) {
    const url = `https://t.co/m${tweet.id.slice(-6)}`
    text += ` ${url}`
    urls.push({
      start: text.length - url.length,
      end: text.length,
      url,
      expanded_url: `https://x.com/i/web/status/${tweet.id}/photo/1`,
      display_url: 'pic.x.com/m',
      media_key: `3_${tweet.mediaIds[0]}`,
    })
  }
  return { text, urls }
}

const tweetJson = (tweet: StoredTweet, fields: string[]) => {
  const rendered = render(tweet)
  return {
    id: tweet.id,
    text: rendered.text,
    edit_history_tweet_ids: [tweet.id],
    ...(fields.includes('created_at') ? { created_at: tweet.createdAt.toISOString() } : {}),
    ...(fields.includes('entities') && rendered.urls.length > 0
      ? { entities: { urls: rendered.urls } }
      : {}),
  }
}

// ---------------------------------------------------------------- request plumbing

const parseBody = async (request: RecordedRequest, contentType: string): Promise<void> => {
  if (contentType.startsWith('application/json')) {
    try {
      request.json = JSON.parse(request.body.toString('utf8'))
    } catch {
      request.json = undefined
    }
  } else if (contentType.startsWith('multipart/form-data')) {
    const form = await new Request('http://x.local/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(request.body),
    }).formData()
    request.form = {}
    for (const [name, value] of form.entries()) {
      request.form[name] =
        typeof value === 'string'
          ? value
          : {
              filename: value.name,
              type: value.type,
              bytes: Buffer.from(await value.arrayBuffer()),
            }
    }
  }
}

const send = (res: http.ServerResponse, reply: Reply) => {
  const payload = reply.body === undefined ? '' : JSON.stringify(reply.body)
  res.writeHead(reply.status, {
    'x-rate-limit-limit': '100',
    'x-rate-limit-remaining': '99',
    'x-rate-limit-reset': String(epoch(Date.now()) + 900),
    ...(payload ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    ...reply.headers,
  })
  res.end(payload)
}

const ROUTES: [XRoute, string, RegExp][] = [
  ['POST /2/tweets', 'POST', /^\/2\/tweets$/],
  ['GET /2/tweets', 'GET', /^\/2\/tweets$/],
  ['GET /2/tweets/:id', 'GET', /^\/2\/tweets\/(\d+)$/],
  ['DELETE /2/tweets/:id', 'DELETE', /^\/2\/tweets\/(\d+)$/],
  ['GET /2/users/:id/tweets', 'GET', /^\/2\/users\/(\d+)\/tweets$/],
  ['GET /2/users/me', 'GET', /^\/2\/users\/me$/],
  ['POST /2/media/upload/initialize', 'POST', /^\/2\/media\/upload\/initialize$/],
  ['POST /2/media/upload/:id/append', 'POST', /^\/2\/media\/upload\/(\d+)\/append$/],
  ['POST /2/media/upload/:id/finalize', 'POST', /^\/2\/media\/upload\/(\d+)\/finalize$/],
  ['POST /2/media/upload', 'POST', /^\/2\/media\/upload$/],
  ['GET /2/media/upload', 'GET', /^\/2\/media\/upload$/],
  ['POST /2/media/metadata', 'POST', /^\/2\/media\/metadata$/],
]

export const startXApiServer = async (options: XApiServerOptions): Promise<XApiServer> => {
  const requests: RecordedRequest[] = []
  const tweets = new Map<string, StoredTweet>()
  const media = new Map<string, StoredMedia>()
  const failures = new Map<XRoute, XFailure[]>()
  let nextId = 1_860_000_000_000_000_000n
  const newId = () => String((nextId += 1n))
  const processingPolls = options.processingPolls ?? 2
  const checkAfterSecs = options.checkAfterSecs ?? 1
  const xOAuth = createXOAuth(
    options.oauth ?? {},
    Object.values(options.users)[0] ?? '1600000000000000001',
  )

  /** A static `users` token, or an unexpired one the OAuth server issued. */
  const userOf = (token: string | undefined): string | undefined => {
    if (token === undefined) return undefined
    if (Object.hasOwn(options.users, token)) return options.users[token]
    const checked = xOAuth.authority.check(token)
    return checked.state === 'active' ? checked.user : undefined
  }

  const storeTweet = (
    authorId: string,
    text: string,
    mediaIds: string[],
    createdAt = new Date(),
  ): StoredTweet => {
    const tweet = { id: newId(), authorId, text, createdAt, mediaIds }
    tweets.set(tweet.id, tweet)
    return tweet
  }

  const ownMedia = (id: unknown, userId: string): StoredMedia | undefined => {
    const item = typeof id === 'string' ? media.get(id) : undefined
    return item?.ownerId === userId ? item : undefined
  }

  const processingInfo = (item: StoredMedia) => {
    if (item.state === 'succeeded') return { state: 'succeeded', progress_percent: 100 }
    if (item.state === 'failed')
      return {
        state: 'failed',
        progress_percent: 12,
        error: { code: 1, name: 'InvalidMedia', message: 'Unsupported video format' },
      }
    return {
      state: item.state,
      check_after_secs: checkAfterSecs,
      progress_percent: item.state === 'pending' ? 0 : 50,
    }
  }

  const mediaData = (item: StoredMedia) => ({
    id: item.id,
    media_key: `${item.category === 'tweet_image' ? 3 : 7}_${item.id}`,
    size: item.bytes?.length ?? item.totalBytes,
    expires_after_secs: 86_400,
    ...(item.category === 'tweet_image' ? {} : { processing_info: processingInfo(item) }),
  })

  const createTweet = ({ request, userId }: Context): Reply => {
    if (!request.headers['content-type']?.startsWith('application/json'))
      return invalidRequest('Requests with bodies must have content-type of application/json.')
    const body = request.json
    if (typeof body !== 'object' || body === null)
      return invalidRequest('Request body is not valid JSON.')
    const { text, media: attached } = body as { text?: unknown; media?: { media_ids?: unknown } }
    const mediaIds = Array.isArray(attached?.media_ids) ? attached.media_ids : []
    if (typeof text !== 'string' && mediaIds.length === 0)
      return invalidRequest('You must specify either text or media.')
    const content = typeof text === 'string' ? text : ''
    if (twitterText.parseTweet(content).weightedLength > MAX_WEIGHTED_LENGTH)
      return invalidRequest('Your Tweet text is too long.', { text: [content] })
    if (mediaIds.some((id) => ownMedia(id, userId)?.state !== 'succeeded'))
      return invalidRequest('Your media IDs are invalid.', { 'media.media_ids': mediaIds })
    if ([...tweets.values()].some((tweet) => tweet.authorId === userId && tweet.text === content))
      return DUPLICATE
    const tweet = storeTweet(userId, content, mediaIds as string[])
    return { status: 201, body: { data: { id: tweet.id, text: render(tweet).text } } }
  }

  const lookupTweet = ({ params: [id] }: Context): Reply => {
    const tweet = tweets.get(id)
    if (tweet) return { status: 200, body: { data: tweetJson(tweet, []) } }
    return {
      status: 200,
      body: {
        errors: [
          {
            value: id,
            detail: `Could not find tweet with id: [${id}].`,
            title: 'Not Found Error',
            resource_type: 'tweet',
            parameter: 'id',
            resource_id: id,
            type: 'https://api.twitter.com/2/problems/resource-not-found',
          },
        ],
      },
    }
  }

  const deleteTweet = ({ params: [id], userId }: Context): Reply => {
    const tweet = tweets.get(id)
    if (!tweet)
      return problem(
        404,
        'Not Found Error',
        `Could not find tweet with id: [${id}].`,
        'https://api.twitter.com/2/problems/resource-not-found',
      )
    if (tweet.authorId !== userId)
      return problem(403, 'Forbidden', 'You are not allowed to delete this Tweet.')
    tweets.delete(id)
    return { status: 200, body: { data: { deleted: true } } }
  }

  const userTimeline = ({ url, params: [authorId] }: Context): Reply => {
    const max = Number(url.searchParams.get('max_results') ?? 10)
    if (!Number.isInteger(max) || max < 5 || max > 100)
      return invalidRequest(
        `The \`max_results\` query parameter value [${max}] is not between 5 and 100`,
      )
    const since = url.searchParams.get('start_time')
    if (since !== null && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(since))
      return invalidRequest(`Invalid 'start_time':'${since}'.`)
    const fields = (url.searchParams.get('tweet.fields') ?? '').split(',')
    const found = [...tweets.values()]
      .filter(
        (tweet) =>
          tweet.authorId === authorId &&
          (since === null || tweet.createdAt.getTime() >= Date.parse(since)),
      )
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, max)
    if (found.length === 0) return { status: 200, body: { meta: { result_count: 0 } } }
    return {
      status: 200,
      body: {
        data: found.map((tweet) => tweetJson(tweet, fields)),
        meta: { result_count: found.length, newest_id: found[0].id, oldest_id: found.at(-1)?.id },
      },
    }
  }

  const me = ({ userId }: Context): Reply => {
    const profile = options.profiles?.[userId] ?? {
      name: 'Carecast Hospital',
      username: `carecast${userId.slice(-4)}`,
    }
    return { status: 200, body: { data: { id: userId, ...profile } } }
  }

  const simpleUpload = ({ request, userId }: Context): Reply => {
    const file = request.form?.media
    const category = request.form?.media_category
    if (!file || typeof file === 'string')
      return invalidRequest('The media field is required.', { media: [] })
    if (category !== 'tweet_image' && category !== 'dm_image' && category !== 'subtitles')
      return invalidRequest(`Invalid media_category [${String(category)}].`)
    const item: StoredMedia = {
      id: newId(),
      ownerId: userId,
      category,
      mimeType: file.type,
      totalBytes: file.bytes.length,
      segments: new Map(),
      bytes: file.bytes,
      state: 'succeeded',
      pollsLeft: 0,
    }
    media.set(item.id, item)
    return { status: 200, body: { data: mediaData(item) } }
  }

  const initialize = ({ request, userId }: Context): Reply => {
    const body = request.json as
      { media_type?: unknown; total_bytes?: unknown; media_category?: unknown } | undefined
    if (typeof body?.media_type !== 'string' || typeof body.total_bytes !== 'number')
      return invalidRequest('media_type and total_bytes are required.')
    const category = typeof body.media_category === 'string' ? body.media_category : 'tweet_image'
    const item: StoredMedia = {
      id: newId(),
      ownerId: userId,
      category,
      mimeType: body.media_type,
      totalBytes: body.total_bytes,
      segments: new Map(),
      state: 'uploading',
      pollsLeft: processingPolls,
    }
    media.set(item.id, item)
    return {
      status: 200,
      body: { data: { id: item.id, media_key: `7_${item.id}`, expires_after_secs: 86_400 } },
    }
  }

  const append = ({ request, params: [id], userId }: Context): Reply => {
    const item = ownMedia(id, userId)
    const file = request.form?.media
    const index = Number(request.form?.segment_index)
    if (!item || item.state !== 'uploading') return invalidRequest(`Invalid media id [${id}].`)
    if (!file || typeof file === 'string' || !Number.isInteger(index) || index < 0 || index > 999)
      return invalidRequest('media and segment_index (0–999) are required.')
    item.segments.set(index, file.bytes)
    return { status: 200, body: { data: { expires_at: epoch(Date.now()) + 86_400 } } }
  }

  const finalize = ({ params: [id], userId }: Context): Reply => {
    const item = ownMedia(id, userId)
    if (!item || item.state !== 'uploading') return invalidRequest(`Invalid media id [${id}].`)
    item.bytes = Buffer.concat(
      [...item.segments.entries()].sort(([a], [b]) => a - b).map(([, bytes]) => bytes),
    )
    if (item.bytes.length !== item.totalBytes)
      return invalidRequest(
        `File size mismatch: expected ${item.totalBytes} bytes, received ${item.bytes.length}.`,
      )
    item.state = item.category === 'tweet_image' ? 'succeeded' : 'pending'
    return { status: 200, body: { data: mediaData(item) } }
  }

  const status = ({ url, userId }: Context, failure: XFailure | undefined): Reply => {
    const item = ownMedia(url.searchParams.get('media_id'), userId)
    if (url.searchParams.get('command') !== 'STATUS' || !item)
      return invalidRequest('command=STATUS and a valid media_id are required.')
    if (failure?.kind === 'processing-failed') item.state = 'failed'
    else if (item.state === 'pending' || item.state === 'in_progress') {
      item.pollsLeft -= 1
      item.state = item.pollsLeft <= 0 ? 'succeeded' : 'in_progress'
    }
    return { status: 200, body: { data: mediaData(item) } }
  }

  const metadata = ({ request, userId }: Context): Reply => {
    const body = request.json as
      { id?: unknown; metadata?: { alt_text?: { text?: unknown } } } | undefined
    const item = ownMedia(body?.id, userId)
    const text = body?.metadata?.alt_text?.text
    if (!item) return invalidRequest(`Invalid media id [${String(body?.id)}].`)
    if (typeof text !== 'string' || text.length > 1000)
      return invalidRequest('alt_text.text must be a string of at most 1000 characters.')
    item.altText = text
    return {
      status: 200,
      body: { data: { id: item.id, associated_metadata: { alt_text: { text } } } },
    }
  }

  const metrics = createXMetrics({
    has: (id) => tweets.has(id),
    render: (id) => tweetJson(tweets.get(id) as StoredTweet, []),
  })

  const handlers: Record<XRoute, (context: Context, failure: XFailure | undefined) => Reply> = {
    'POST /2/tweets': createTweet,
    'GET /2/tweets': ({ url }) => metrics.lookup(url),
    'GET /2/tweets/:id': lookupTweet,
    'DELETE /2/tweets/:id': deleteTweet,
    'GET /2/users/:id/tweets': userTimeline,
    'GET /2/users/me': me,
    'POST /2/media/upload': simpleUpload,
    'POST /2/media/upload/initialize': initialize,
    'POST /2/media/upload/:id/append': append,
    'POST /2/media/upload/:id/finalize': finalize,
    'GET /2/media/upload': status,
    'POST /2/media/metadata': metadata,
  }

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => {
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(', ') : (value ?? ''),
      ]),
    )
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers,
      body,
    }
    requests.push(request)
    await parseBody(request, headers['content-type'] ?? '')
    const url = new URL(request.path, 'http://x.local')
    const oauthReply = xOAuth.handle({ method: request.method, url, headers, body })
    if (oauthReply) return send(res, oauthReply)
    const match = ROUTES.map(([route, method, pattern]) => ({
      route,
      match: method === request.method ? pattern.exec(url.pathname) : null,
    })).find((entry) => entry.match)
    if (!match?.match)
      return send(
        res,
        problem(404, 'Not Found Error', `No route for ${request.method} ${url.pathname}`),
      )
    const token = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1]
    const userId = userOf(token)
    if (!userId) return send(res, UNAUTHORIZED)
    const failure = failures.get(match.route)?.shift()
    const early = failure ? injected(failure) : undefined
    if (early === 'drop') return req.socket.destroy()
    if (early) return send(res, early)
    send(
      res,
      handlers[match.route]({ request, url, params: match.match.slice(1), userId }, failure),
    )
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch((error: unknown) =>
        send(res, problem(500, 'Internal Server Error', String(error))),
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    tweets,
    media,
    oauth: xOAuth.authority,
    failNext: (route, failure) => failures.set(route, [...(failures.get(route) ?? []), failure]),
    seedTweet: (authorId, text, createdAt) => storeTweet(authorId, text, [], createdAt),
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
