/**
 * A local stand-in for the YouTube Data API v3 at www.googleapis.com, speaking its documented shapes:
 * - auth: `Authorization: Bearer <token>`; otherwise 401 `authError` with `WWW-Authenticate`.
 * - Resumable videos.insert ("Resumable uploads" guide): POST /upload/youtube/v3/videos
 *   ?uploadType=resumable&part=… with a JSON video resource, `X-Upload-Content-Length` and
 *   `X-Upload-Content-Type` (video/* or application/octet-stream, else 400 badContent) → 200 with
 *   the session URI in `Location`. PUT <session> with bytes → 201 Created + video resource;
 *   PUT with `Content-Range: bytes *\/TOTAL` → 308 with `Range: bytes=0-N` (no Range when nothing
 *   arrived) or, once finished, the final answer again; `bytes A-B/TOTAL` resumes at A, and a block
 *   that does not start where the received bytes end uploads nothing. An unknown or expired session → 404.
 * - Metadata validation (videos resource / videos.insert errors): title required, ≤ 100 characters,
 *   no < or > (invalidTitle); description ≤ 5000 bytes, no < or > (invalidDescription); tags ≤ 500
 *   characters in all (invalidTags); categoryId assignable (invalidCategoryId); privacyStatus
 *   public/unlisted/private (invalidVideoMetadata).
 * - captions.insert: POST /upload/youtube/v3/captions?part=snippet&uploadType=multipart with a
 *   multipart/related body (JSON snippet, then the track) → 200 caption; 400 contentRequired,
 *   400 invalidMetadata, 404 videoNotFound, 409 captionExists.
 * - videos.list: GET /youtube/v3/videos?part=…&id=… → `{ items: [...] }` (`part=statistics` is the
 *   metrics read: youtubeMetrics.ts); videos.delete:
 *   DELETE /youtube/v3/videos?id= → 204, or 404 videoNotFound.
 * - channels.list: GET /youtube/v3/channels?part=snippet&mine=true → the caller's channel
 *   `{ items: [{ id, snippet: { title, customUrl } }] }` (developers.google.com/youtube/v3/docs/channels/list).
 * - Google OAuth 2.0 (youtubeOAuth.ts): GET /o/oauth2/v2/auth, POST /token, POST /revoke. An
 *   issued access token acts as its channel like a `tokens` entry until it expires, then gets the
 *   same 401 UNAUTHENTICATED.
 * Errors are `{ error: { code, message, errors: [{ message, domain, reason }] } }`. `failNext`
 * injects any documented reason; `cutNextUpload` drops the connection part-way through a PUT.
 */
import { createHash, randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { MetricsHooks } from './metricsGate'
import type { OAuthAuthority } from './oauthAuthority'
import { type YoutubeStatistic, createYoutubeMetrics } from './youtubeMetrics'
import { type GoogleOAuthOptions, createGoogleOAuth } from './youtubeOAuth'

export type RecordedRequest = {
  method: string
  /** Path and query, as sent. */
  path: string
  headers: http.IncomingHttpHeaders
  /** Bytes that arrived (for an upload cut short, only those). */
  bodyLength: number
  json?: unknown
  /** captions.insert: the multipart/related parts, in order. */
  parts?: { contentType: string; text: string }[]
}

export type StoredVideo = {
  id: string
  snippet: Record<string, unknown>
  status: Record<string, unknown>
  bytes: Buffer
  sha256: string
  mimeType: string
}
export type StoredCaption = {
  id: string
  videoId: string
  language: string
  name: string
  body: string
}
export type UploadSession = {
  id: string
  metadata: { snippet: Record<string, unknown>; status: Record<string, unknown> }
  total?: number
  mimeType: string
  received: Buffer
  final?: Reply
  /** The channel the session's caller uploads to. */
  channelId?: string
}

export type YoutubeFault = {
  status: number
  /** A documented reason (quotaExceeded, rateLimitExceeded, invalidTitle, backendError…). */
  reason: string
  message?: string
  headers?: Record<string, string>
}

export type YoutubeServerOptions = {
  /** Static tokens; each acts as `channelId`. @default ['youtube-token'] */
  tokens?: string[]
  /** @default 'UCcarecast0000000000000' */
  channelId?: string
  /** Names of channels for channels.list. @default title "Carecast Hospital", customUrl "@carecasthospital" */
  channels?: Record<string, { title: string; customUrl: string }>
  /** Google's OAuth server: registered clients, whose channel consents, token lifetime and clock. */
  oauth?: GoogleOAuthOptions
}

export type YoutubeServer = MetricsHooks & {
  url: string
  requests: RecordedRequest[]
  videos: Map<string, StoredVideo>
  captions: Map<string, StoredCaption>
  sessions: Map<string, UploadSession>
  /** The next request matching `method` and `path` (path without query, or a RegExp) gets `fault`. */
  failNext(method: string, path: string | RegExp, fault: YoutubeFault): void
  /** The next PUT carrying bytes keeps the first `afterBytes` of them, then the connection drops. */
  cutNextUpload(afterBytes: number): void
  /** Called as upload bytes arrive (running total of this request), so a test can act mid-upload. */
  onUploadBytes?: (received: number) => void
  /** Forgets every open session, as Google does when one expires. */
  expireSessions(): void
  /** Google's OAuth server behind /o/oauth2/v2/auth and /token, with its test hooks. */
  oauth: OAuthAuthority<string>
  /** A video's `statistics` in YouTube's names (null: left out); 0 otherwise. */
  setCounts(id: string, counts: Partial<Record<YoutubeStatistic, number | null>>): void
  close(): Promise<void>
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> }

// Domains and texts as the Errors reference gives them; texts not quoted there are paraphrased.
const DOCUMENTED: Record<string, { domain: string; message: string }> = {
  authError: { domain: 'global', message: 'Invalid Credentials' },
  quotaExceeded: {
    domain: 'youtube.quota',
    message:
      'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
  },
  dailyLimitExceeded: {
    domain: 'usageLimits',
    message: 'Daily Limit Exceeded. The quota will be reset at midnight Pacific Time (PT).',
  },
  rateLimitExceeded: { domain: 'usageLimits', message: 'Rate Limit Exceeded' },
  userRateLimitExceeded: { domain: 'usageLimits', message: 'User Rate Limit Exceeded' },
  uploadLimitExceeded: {
    domain: 'youtube.video',
    message: 'The user has exceeded the number of videos they may upload.',
  },
  forbidden: {
    domain: 'youtube.video',
    message: 'Access forbidden. The request may not be properly authorized.',
  },
  invalidTitle: {
    domain: 'youtube.video',
    message: 'The request metadata specifies an invalid or empty video title.',
  },
  invalidDescription: {
    domain: 'youtube.video',
    message: 'The request metadata specifies an invalid video description.',
  },
  invalidTags: {
    domain: 'youtube.video',
    message: 'The request metadata specifies invalid video keywords.',
  },
  invalidCategoryId: {
    domain: 'youtube.video',
    message: 'The snippet.categoryId property specifies an invalid category ID.',
  },
  invalidVideoMetadata: { domain: 'youtube.video', message: 'The request metadata is invalid.' },
  videoNotFound: {
    domain: 'youtube.video',
    message: 'The video identified by the videoId parameter could not be found.',
  },
  captionExists: {
    domain: 'youtube.caption',
    message:
      'The specified video already has a caption track with the given snippet.language and snippet.name.',
  },
  contentRequired: {
    domain: 'youtube.caption',
    message: 'The request does not contain the caption track contents.',
  },
  invalidMetadata: {
    domain: 'youtube.caption',
    message:
      'The request contains invalid metadata values, which prevent the track from being created.',
  },
  badContent: {
    domain: 'global',
    message: 'Media type is not supported. Valid media types: [video/*, application/octet-stream]',
  },
  missingRequiredParameter: { domain: 'global', message: 'Required parameter: part' },
  parseError: { domain: 'global', message: 'Parse Error' },
  notFound: { domain: 'global', message: 'Not Found' },
  backendError: { domain: 'global', message: 'Backend Error' },
  internalError: { domain: 'global', message: 'Internal Error' },
}

/** Google's error body for `reason`. */
export const googleErrorBody = (code: number, reason: string, message?: string) => {
  const documented = DOCUMENTED[reason] ?? { domain: 'global', message: reason }
  const text = message ?? documented.message
  return {
    error: { code, message: text, errors: [{ message: text, domain: documented.domain, reason }] },
  }
}

const fail = (
  code: number,
  reason: string,
  message?: string,
  headers?: Record<string, string>,
): Reply => ({
  status: code,
  body: googleErrorBody(code, reason, message),
  ...(headers ? { headers } : {}),
})

const unauthorized = (): Reply =>
  fail(
    401,
    'authError',
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    {
      'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
    },
  )

// Assignable categories of videoCategories.list (regionCode=US).
const CATEGORIES = new Set([
  '1',
  '2',
  '10',
  '15',
  '17',
  '19',
  '20',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '28',
  '29',
])
const PRIVACY = new Set(['public', 'unlisted', 'private'])

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The documented snippet/status rules; the first broken one answers, as the API answers one error. */
const validateMetadata = (metadata: Record<string, unknown>): Reply | undefined => {
  const snippet = isRecord(metadata.snippet) ? metadata.snippet : {}
  const status = isRecord(metadata.status) ? metadata.status : {}
  const title = typeof snippet.title === 'string' ? snippet.title : ''
  if (title.trim() === '' || Array.from(title).length > 100 || /[<>]/.test(title))
    return fail(400, 'invalidTitle')
  const description = typeof snippet.description === 'string' ? snippet.description : ''
  if (Buffer.byteLength(description, 'utf8') > 5000 || /[<>]/.test(description))
    return fail(400, 'invalidDescription')
  const tags = Array.isArray(snippet.tags) ? snippet.tags.map(String) : []
  // Commas between tags count, and a tag with a space counts as if quoted.
  const tagLength =
    tags.reduce((sum, tag) => sum + tag.length + (tag.includes(' ') ? 2 : 0), 0) +
    Math.max(0, tags.length - 1)
  if (tagLength > 500) return fail(400, 'invalidTags')
  if (snippet.categoryId !== undefined && !CATEGORIES.has(String(snippet.categoryId)))
    return fail(400, 'invalidCategoryId')
  if (status.privacyStatus !== undefined && !PRIVACY.has(String(status.privacyStatus)))
    return fail(400, 'invalidVideoMetadata')
  return undefined
}

/** A multipart/related body as its parts (headers, blank line, content). */
const multipartParts = (
  contentType: string,
  raw: Buffer,
): { contentType: string; text: string }[] | undefined => {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1]
  if (!contentType.startsWith('multipart/related') || !boundary) return undefined
  return raw
    .toString('utf8')
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const text = part.replace(/^\r\n/, '').replace(/\r\n$/, '')
      const split = text.indexOf('\r\n\r\n')
      const head = split === -1 ? '' : text.slice(0, split)
      return {
        contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? '',
        text: split === -1 ? text : text.slice(split + 4),
      }
    })
}

const videoId = (): string => randomBytes(8).toString('base64url').slice(0, 11)

export const startYoutubeServer = async (
  options: YoutubeServerOptions = {},
): Promise<YoutubeServer> => {
  const tokens = new Set(options.tokens ?? ['youtube-token'])
  const channelId = options.channelId ?? 'UCcarecast0000000000000'
  const requests: RecordedRequest[] = []
  const videos = new Map<string, StoredVideo>()
  const captions = new Map<string, StoredCaption>()
  const sessions = new Map<string, UploadSession>()
  const faults: { method: string; path: string | RegExp; fault: YoutubeFault }[] = []
  let cutAfter: number | undefined
  let url = ''

  const googleOAuth = createGoogleOAuth(options.oauth ?? {}, channelId)
  const metrics = createYoutubeMetrics({ has: (id) => videos.has(id) })

  /** The channel a static token or an unexpired issued one acts as. */
  const channelOf = (req: http.IncomingMessage): string | undefined => {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')
    if (match === null) return undefined
    if (tokens.has(match[1])) return channelId
    const checked = googleOAuth.authority.check(match[1])
    return checked.state === 'active' ? checked.user : undefined
  }

  const listChannels = (query: URLSearchParams, caller: string): Reply => {
    if (!query.get('part')) return fail(400, 'missingRequiredParameter')
    if (query.get('mine') !== 'true')
      return fail(400, 'invalidValue', 'This fake speaks only mine=true')
    const names = options.channels?.[caller] ?? {
      title: 'Carecast Hospital',
      customUrl: '@carecasthospital',
    }
    const parts = (query.get('part') ?? '').split(',')
    const item = {
      kind: 'youtube#channel',
      etag: createHash('md5').update(caller).digest('base64url'),
      id: caller,
      ...(parts.includes('snippet')
        ? {
            snippet: {
              title: names.title,
              description: '',
              customUrl: names.customUrl,
              publishedAt: '2019-04-01T09:00:00Z',
            },
          }
        : {}),
    }
    return {
      status: 200,
      body: {
        kind: 'youtube#channelListResponse',
        etag: 'channels',
        pageInfo: { totalResults: 1, resultsPerPage: 5 },
        items: [item],
      },
    }
  }

  const videoJson = (video: StoredVideo, parts: string[]) => ({
    kind: 'youtube#video',
    etag: createHash('md5').update(video.id).digest('base64url'),
    id: video.id,
    ...(parts.includes('snippet') ? { snippet: video.snippet } : {}),
    ...(parts.includes('status') ? { status: video.status } : {}),
    ...(parts.includes('statistics') ? { statistics: metrics.statistics(video.id) } : {}),
  })

  const openSession = (
    req: http.IncomingMessage,
    query: URLSearchParams,
    raw: Buffer,
    caller: string,
  ): Reply => {
    if (query.get('uploadType') !== 'resumable')
      return fail(400, 'invalidValue', 'This fake speaks only uploadType=resumable')
    if (!query.get('part')) return fail(400, 'missingRequiredParameter')
    const declared = req.headers['x-upload-content-length']
    if (declared !== undefined && !/^\d+$/.test(String(declared)))
      return fail(400, 'invalidValue', 'Invalid X-Upload-Content-Length')
    const mimeType = String(req.headers['x-upload-content-type'] ?? 'application/octet-stream')
    if (!mimeType.startsWith('video/') && mimeType !== 'application/octet-stream')
      return fail(
        400,
        'badContent',
        `Media type '${mimeType}' is not supported. Valid media types: [video/*, application/octet-stream]`,
      )
    let metadata: unknown
    try {
      metadata = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {}
    } catch {
      return fail(400, 'parseError')
    }
    if (!isRecord(metadata) || !(req.headers['content-type'] ?? '').startsWith('application/json'))
      return fail(400, 'parseError')
    const invalid = validateMetadata(metadata)
    if (invalid) return invalid
    const id = randomBytes(12).toString('base64url')
    const snippet = isRecord(metadata.snippet) ? metadata.snippet : {}
    const status = isRecord(metadata.status) ? metadata.status : {}
    sessions.set(id, {
      id,
      metadata: { snippet, status },
      ...(declared !== undefined ? { total: Number(declared) } : {}),
      mimeType,
      received: Buffer.alloc(0),
      channelId: caller,
    })
    const location = `${url}/upload/youtube/v3/videos?uploadType=resumable&part=${query.get('part')}&upload_id=${id}`
    return { status: 200, headers: { Location: location, 'X-GUploader-UploadID': id } }
  }

  const finishUpload = (session: UploadSession): Reply => {
    const bytes = session.received
    const video: StoredVideo = {
      id: videoId(),
      snippet: {
        publishedAt: new Date().toISOString(),
        channelId: session.channelId ?? channelId,
        channelTitle: 'Carecast Hospital',
        ...session.metadata.snippet,
        liveBroadcastContent: 'none',
      },
      status: {
        uploadStatus: 'uploaded',
        privacyStatus: 'public',
        license: 'youtube',
        embeddable: true,
        publicStatsViewable: true,
        ...session.metadata.status,
      },
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      mimeType: session.mimeType,
    }
    videos.set(video.id, video)
    // "If the upload already finished, the API repeats the response it gave at that time."
    session.final = { status: 201, body: videoJson(video, ['snippet', 'status']) }
    return session.final
  }

  const incomplete = (session: UploadSession): Reply =>
    session.received.length === 0
      ? { status: 308 }
      : { status: 308, headers: { Range: `bytes=0-${session.received.length - 1}` } }

  /** A PUT to a session: a status query (`bytes *\/T`), or bytes from a position. */
  const putSession = (req: http.IncomingMessage, session: UploadSession, body: Buffer): Reply => {
    if (session.final) return session.final
    const range = req.headers['content-range']
    const query = range ? /^bytes \*\/(\d+)$/.exec(range) : null
    if (query) {
      if (session.total !== undefined && Number(query[1]) !== session.total)
        return fail(400, 'invalidValue', 'Content-Range total does not match the upload size')
      return incomplete(session)
    }
    const block = range ? /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range) : null
    if (range && !block) return fail(400, 'invalidValue', 'Failed to parse Content-Range header.')
    const start = block ? Number(block[1]) : 0
    const total = block ? Number(block[3]) : Number(req.headers['content-length'] ?? body.length)
    // "If the block overlaps, skips bytes or is not continuous, none of the remaining bytes are uploaded."
    if (start !== session.received.length) return incomplete(session)
    session.total ??= total
    session.received = Buffer.concat([session.received, body])
    if (session.received.length > session.total)
      return fail(400, 'invalidValue', 'More bytes than the declared upload size')
    return session.received.length === session.total ? finishUpload(session) : incomplete(session)
  }

  const insertCaption = (
    req: http.IncomingMessage,
    query: URLSearchParams,
    raw: Buffer,
    parts: RecordedRequest['parts'],
  ): Reply => {
    if (query.get('part') !== 'snippet') return fail(400, 'missingRequiredParameter')
    if (!parts || parts.length < 1) return fail(400, 'parseError')
    let metadata: unknown
    try {
      metadata = JSON.parse(parts[0].text)
    } catch {
      return fail(400, 'parseError')
    }
    const snippet = isRecord(metadata) && isRecord(metadata.snippet) ? metadata.snippet : {}
    const [video, language, name] = [snippet.videoId, snippet.language, snippet.name].map(
      (value) => (typeof value === 'string' ? value.trim() : ''),
    )
    if (!video || !language || !name) return fail(400, 'invalidMetadata')
    if (!videos.has(video)) return fail(404, 'videoNotFound')
    const body = parts[1]?.text ?? ''
    if (body.trim() === '') return fail(400, 'contentRequired')
    if (
      [...captions.values()].some(
        (c) => c.videoId === video && c.language === language && c.name === name,
      )
    )
      return fail(409, 'captionExists')
    const caption: StoredCaption = {
      id: randomBytes(12).toString('base64url'),
      videoId: video,
      language,
      name,
      body,
    }
    captions.set(caption.id, caption)
    return {
      status: 200,
      body: {
        kind: 'youtube#caption',
        etag: caption.id,
        id: caption.id,
        snippet: {
          videoId: video,
          lastUpdated: new Date().toISOString(),
          trackKind: 'standard',
          language,
          name,
          audioTrackType: 'unknown',
          isCC: false,
          isLarge: false,
          isEasyReader: false,
          isDraft: false,
          isAutoSynced: false,
          status: 'serving',
        },
      },
    }
  }

  const listVideos = (query: URLSearchParams): Reply => {
    const part = query.get('part')
    if (!part) return fail(400, 'missingRequiredParameter')
    const ids = (query.get('id') ?? '').split(',').filter((id) => id !== '')
    const refused = metrics.refuse(part.split(','), ids)
    if (refused) return fail(refused.status, refused.reason)
    const items = ids.flatMap((id) =>
      videos.has(id) ? [videoJson(videos.get(id) as StoredVideo, part.split(','))] : [],
    )
    return {
      status: 200,
      body: {
        kind: 'youtube#videoListResponse',
        etag: 'list',
        items,
        pageInfo: { totalResults: items.length, resultsPerPage: items.length },
      },
    }
  }

  const deleteVideo = (query: URLSearchParams): Reply => {
    const id = query.get('id') ?? ''
    if (!videos.has(id))
      return fail(
        404,
        'videoNotFound',
        'The video that you are trying to delete cannot be found. Check the value of the id parameter in the request to ensure that it is correct.',
      )
    videos.delete(id)
    for (const [key, caption] of captions) if (caption.videoId === id) captions.delete(key)
    return { status: 204 }
  }

  const route = (
    req: http.IncomingMessage,
    path: string,
    query: URLSearchParams,
    raw: Buffer,
    parts: RecordedRequest['parts'],
  ): Reply => {
    const method = req.method ?? 'GET'
    const oauthReply = googleOAuth.handle({
      method,
      url: new URL(req.url ?? '/', 'http://youtube.test'),
      headers: req.headers,
      body: raw,
    })
    if (oauthReply) return oauthReply
    const caller = channelOf(req)
    if (!caller) return unauthorized()
    if (path === '/upload/youtube/v3/videos' && method === 'POST')
      return openSession(req, query, raw, caller)
    if (path === '/upload/youtube/v3/videos' && method === 'PUT') {
      const session = sessions.get(query.get('upload_id') ?? '')
      return session ? putSession(req, session, raw) : fail(404, 'notFound')
    }
    if (path === '/upload/youtube/v3/captions' && method === 'POST')
      return insertCaption(req, query, raw, parts)
    if (path === '/youtube/v3/videos' && method === 'GET') return listVideos(query)
    if (path === '/youtube/v3/videos' && method === 'DELETE') return deleteVideo(query)
    if (path === '/youtube/v3/channels' && method === 'GET') return listChannels(query, caller)
    return fail(404, 'notFound')
  }

  const takeFault = (method: string, path: string): YoutubeFault | undefined => {
    const index = faults.findIndex(
      (f) =>
        f.method === method && (typeof f.path === 'string' ? f.path === path : f.path.test(path)),
    )
    return index === -1 ? undefined : faults.splice(index, 1)[0].fault
  }

  const api: YoutubeServer = {
    url: '',
    requests,
    videos,
    captions,
    sessions,
    failNext: (method, path, fault) => void faults.push({ method, path, fault }),
    cutNextUpload: (afterBytes) => void (cutAfter = afterBytes),
    expireSessions: () => sessions.clear(),
    oauth: googleOAuth.authority,
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

  /** Reads the body; a PUT with bytes may be cut short, keeping exactly `cutAfter` of them. */
  const readBody = (
    req: http.IncomingMessage,
    record: RecordedRequest,
  ): Promise<Buffer | undefined> =>
    new Promise((resolve) => {
      const cut =
        req.method === 'PUT' && Number(req.headers['content-length'] ?? 0) > 0
          ? cutAfter
          : undefined
      if (cut !== undefined) cutAfter = undefined
      const chunks: Buffer[] = []
      let length = 0
      req.on('data', (chunk: Buffer) => {
        const kept = cut !== undefined ? chunk.subarray(0, Math.max(0, cut - length)) : chunk
        chunks.push(kept)
        length += kept.length
        record.bodyLength = length
        if (req.method === 'PUT' && kept.length > 0) api.onUploadBytes?.(length)
        if (cut !== undefined && length >= cut) {
          keepPartialUpload(req, Buffer.concat(chunks))
          req.socket.destroy()
          resolve(undefined)
        }
      })
      req.on('end', () => resolve(Buffer.concat(chunks)))
      // A client that gives up mid-upload leaves what arrived, as a real session keeps it.
      req.on('close', () => {
        if (!req.complete && cut === undefined) keepPartialUpload(req, Buffer.concat(chunks))
        resolve(undefined)
      })
    })

  const keepPartialUpload = (req: http.IncomingMessage, bytes: Buffer): void => {
    const query = new URL(req.url ?? '/', 'http://youtube.test').searchParams
    const session = sessions.get(query.get('upload_id') ?? '')
    const range = /^bytes (\d+)-/.exec(String(req.headers['content-range'] ?? ''))
    const start = range ? Number(range[1]) : 0
    if (session && !session.final && start === session.received.length)
      session.received = Buffer.concat([session.received, bytes])
  }

  const server = http.createServer(async (req, res) => {
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      bodyLength: 0,
    }
    requests.push(record)
    const raw = await readBody(req, record)
    if (raw === undefined) return
    const target = new URL(req.url ?? '/', 'http://youtube.test')
    const contentType = req.headers['content-type'] ?? ''
    if (contentType.startsWith('application/json') && raw.length > 0) {
      try {
        record.json = JSON.parse(raw.toString('utf8'))
      } catch {
        // Left unparsed; the route answers parseError.
      }
    }
    const parts = multipartParts(contentType, raw)
    if (parts) record.parts = parts
    const fault = takeFault(req.method ?? 'GET', target.pathname)
    const reply = fault
      ? fail(fault.status, fault.reason, fault.message, fault.headers)
      : route(req, target.pathname, target.searchParams, raw, parts)
    const json = reply.body === undefined ? undefined : JSON.stringify(reply.body)
    res.writeHead(reply.status, {
      ...(json === undefined
        ? { 'Content-Length': '0' }
        : { 'Content-Type': 'application/json; charset=UTF-8' }),
      ...reply.headers,
    })
    res.end(json)
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  api.url = url
  return api
}
