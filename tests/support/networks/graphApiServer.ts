/**
 * A local stand-in for graph.facebook.com, speaking the documented Graph API for the two things
 * Carecast does: Page posts (Pages API) and Instagram content publishing. It checks requests the
 * way Graph does (token, required parameters, object ids), keeps what was posted in memory, and
 * lets a test inject any documented error with its headers.
 *
 * Documented shapes it follows:
 * - Error envelope `{ error: { message, type, code, error_subcode, fbtrace_id, is_transient } }`:
 *   https://developers.facebook.com/docs/graph-api/guides/error-handling and the Instagram
 *   error-codes reference (which shows `is_transient`, `error_user_title`, `error_user_msg`).
 * - `POST /{page-id}/feed` → `{ id: "{page-id}_{post-id}" }`; `DELETE /{post-id}` → `{ success: true }`:
 *   https://developers.facebook.com/docs/pages/publishing
 * - `POST /{page-id}/photos` (`url` or multipart `source`, `caption`, `published`) → `{ id, post_id }`:
 *   https://developers.facebook.com/docs/graph-api/photo-uploads
 * - Instagram containers, `status_code`, `media_publish`, `content_publishing_limit` (`{ data: [{
 *   quota_usage, config: { quota_total, quota_duration } }] }`), `GET /{ig-user-id}/media`:
 *   https://developers.facebook.com/docs/instagram-platform/content-publishing
 * - Meta fetches the image itself: `image_url` "must be on a public server" (content-publishing
 *   guide) and `url` is "the URL for the photo" (photo-uploads guide), so the fake GETs it while
 *   it creates the container or photo, as Meta's servers do, and refuses one it can't fetch or that
 *   is not an image the documented way — Instagram with code 9004, subcode 2207052 ("The media
 *   could not be fetched from this URI", error-codes reference:
 *   https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes),
 *   Facebook with code 324 "Missing or invalid image file" (Page Photos reference, Error Codes:
 *   https://developers.facebook.com/docs/graph-api/reference/page/photos/). Videos (`video_url`)
 *   are fetched by Instagram later, while processing, and are not fetched here.
 * - Facebook Login's manual flow, the long-lived token exchange and `/me/accounts` (graphOAuth.ts).
 * - The multiple-ID read `GET /?ids=…&fields=…` for post and media counts (graphMetrics.ts).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { createGraphMetrics } from './graphMetrics'
import { createGraphOAuth, type GraphOAuthOptions } from './graphOAuth'

export type RecordedFile = { filename: string; type: string; size: number }

export type RecordedRequest = {
  method: string
  /** Path as sent, without the query string, e.g. `/v21.0/123/feed`. */
  path: string
  /** The path's version segment (`v21.0`), if any. */
  version?: string
  /** The full request target, query string included (to check where the token travelled). */
  target: string
  /** Query and body parameters, without `access_token` (see `token`). */
  query: Record<string, string>
  body: Record<string, string>
  files: Record<string, RecordedFile>
  contentType?: string
  token?: string
  tokenIn?: 'query' | 'body' | 'header'
}

/** A Graph error as a test wants it answered. */
export type GraphErrorSpec = {
  status?: number
  code: number
  subcode?: number
  message: string
  type?: string
  isTransient?: boolean
  userTitle?: string
  userMessage?: string
  headers?: Record<string, string>
}

/** Or a raw answer, for a proxy's 500 page and the like. */
export type RawAnswer = { status: number; rawBody: string; headers?: Record<string, string> }

export type RequestMatch = { method?: string; path?: string | RegExp }

/** One GET the fake made for an image, as Meta's fetcher would (see the header). */
export type ImageFetch = {
  url: string
  /** HTTP status, or 0 when the request itself failed (refused, timed out, bad URL). */
  status: number
  contentType?: string
  size: number
  /** Whether the fake took it as an image. */
  accepted: boolean
}

export type VideoProcessing = {
  polls: number
  outcome: 'FINISHED' | 'ERROR' | 'EXPIRED'
  errorDetail?: string
}

type Post = {
  id: string
  message?: string
  link?: string
  created_time: string
  permalink_url: string
  photos: string[]
}
type Photo = {
  id: string
  url?: string
  /** What the fake fetched from `url`. */
  fetched?: ImageFetch
  source?: RecordedFile
  caption?: string
  alt_text_custom?: string
  published: boolean
  post_id?: string
}
type Container = {
  id: string
  media_type: 'IMAGE' | 'REELS'
  image_url?: string
  /** What the fake fetched from `image_url`. */
  fetched?: ImageFetch
  video_url?: string
  caption?: string
  alt_text?: string
  status_code: 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED'
  pollsLeft: number
  processing: VideoProcessing
}
type IgMedia = {
  id: string
  caption?: string
  media_type: string
  permalink: string
  timestamp: string
}

/** Documented errors, ready to inject. */
export const graphErrors = {
  invalidToken: { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' },
  expiredToken: {
    code: 190,
    subcode: 463,
    message:
      'Error validating access token: Session has expired on Tuesday, 03-Mar-26 10:00:00 PST.',
  },
  permission: {
    status: 403,
    code: 200,
    message: "(#200) The user hasn't authorized the application to perform this action",
  },
  permissionDenied: {
    status: 403,
    code: 10,
    message: '(#10) Application does not have permission for this action',
  },
  invalidParameter: { code: 100, message: '(#100) Invalid parameter' },
  policyBlock: {
    code: 368,
    message:
      'It looks like you were misusing this feature by going too fast. You’ve been temporarily blocked from using it.',
  },
  duplicate: { code: 506, message: '(#506) Duplicate status message' },
  appRateLimit: {
    code: 4,
    message: '(#4) Application request limit reached',
    headers: { 'x-app-usage': '{"call_count":100,"total_cputime":12,"total_time":20}' },
  },
  userRateLimit: { code: 17, message: '(#17) User request limit reached' },
  pageRateLimit: { code: 32, message: '(#32) Page request limit reached' },
  apiRateLimit: { code: 613, message: '(#613) Calls to this api have exceeded the rate limit.' },
  pageBucLimit: {
    code: 80001,
    message:
      '(#80001) There have been too many calls to this Page account. Wait a bit and try again.',
    headers: {
      'x-business-use-case-usage':
        '{"1000001":[{"type":"pages","call_count":100,"total_cputime":9,"total_time":14,"estimated_time_to_regain_access":7}]}',
    },
  },
  unknown: { status: 500, code: 1, message: 'An unknown error occurred', isTransient: false },
  transient: {
    status: 500,
    code: 2,
    message: 'An unexpected error has occurred. Please retry your request later.',
    isTransient: true,
  },
  igSpam: {
    code: 4,
    subcode: 2207051,
    message: 'Application request limit reached',
    userMessage:
      'We restrict certain activity to protect our community. Tell us if you think we made a mistake.',
  },
  igServerError: {
    code: -1,
    subcode: 2207001,
    message: 'An unexpected error has occurred. Please retry your request later.',
    userMessage: 'Instagram server error. Try again.',
    isTransient: true,
  },
  igNotReady: {
    code: 9007,
    subcode: 2207027,
    message: 'Media ID is not available',
    userMessage: 'The media is not ready for publishing, please wait for a moment',
  },
  igQuota: {
    code: 9,
    subcode: 2207042,
    message: 'Application request limit reached',
    userMessage:
      'You reached maximum number of posts that is allowed to be published by Content Publishing API.',
  },
} satisfies Record<string, GraphErrorSpec>

/** Graph's timestamp format: `2026-03-01T09:00:00+0000`. */
export const graphTimestamp = (ms: number): string =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000')

const fbtrace = (): string => Math.random().toString(36).slice(2, 13)

class GraphError extends Error {
  constructor(readonly spec: GraphErrorSpec) {
    super(spec.message)
  }
}

const fail = (spec: GraphErrorSpec): never => {
  throw new GraphError(spec)
}

const required = (params: Record<string, string>, name: string): string =>
  params[name] ?? fail({ code: 100, message: `(#100) The parameter ${name} is required` })

const unknownObject = (method: string, id: string): never =>
  fail({
    code: 100,
    subcode: 33,
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
  })

/** Graph answers only the requested fields, plus `id`. */
const pick = (
  object: Record<string, unknown>,
  fields: string | undefined,
  defaults: string[],
): Record<string, unknown> => {
  const wanted = fields ? fields.split(',').map((field) => field.trim()) : defaults
  const picked: Record<string, unknown> = { id: object.id }
  for (const field of wanted) if (object[field] !== undefined) picked[field] = object[field]
  return picked
}

const readBody = async (request: http.IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** JPEG, PNG, GIF, WebP, BMP and TIFF, by their first bytes: Meta decodes the file, not its label. */
const IMAGE_SIGNATURES: ((bytes: Buffer) => boolean)[] = [
  (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff,
  (bytes) => bytes.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')),
  (bytes) => bytes.subarray(0, 4).toString('latin1') === 'GIF8',
  (bytes) =>
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP',
  (bytes) => bytes.subarray(0, 2).toString('latin1') === 'BM',
  (bytes) => ['II*\0', 'MM\0*'].includes(bytes.subarray(0, 4).toString('latin1')),
]

const FETCH_TIMEOUT_MS = 5_000

/** GETs an image URL the way Meta's fetcher does: a 2xx whose type and bytes are an image. */
const fetchImage = async (url: string): Promise<ImageFetch> => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })
    const bytes = Buffer.from(await response.arrayBuffer())
    const contentType = response.headers.get('content-type') ?? undefined
    const accepted =
      response.ok &&
      /^image\//i.test(contentType ?? '') &&
      IMAGE_SIGNATURES.some((matches) => matches(bytes))
    return { url, status: response.status, contentType, size: bytes.length, accepted }
  } catch {
    return { url, status: 0, size: 0, accepted: false }
  }
}

/** Parses urlencoded, multipart and JSON bodies, all of which Graph accepts. */
const parseBody = async (
  buffer: Buffer,
  contentType: string | undefined,
): Promise<{ fields: Record<string, string>; files: Record<string, RecordedFile> }> => {
  const fields: Record<string, string> = {}
  const files: Record<string, RecordedFile> = {}
  if (!buffer.length || !contentType) return { fields, files }
  if (contentType.startsWith('application/json')) {
    for (const [key, value] of Object.entries(
      JSON.parse(buffer.toString('utf8')) as Record<string, unknown>,
    ))
      fields[key] = typeof value === 'string' ? value : JSON.stringify(value)
    return { fields, files }
  }
  const form = await new Response(new Uint8Array(buffer), {
    headers: { 'content-type': contentType },
  }).formData()
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') fields[key] = value
    else files[key] = { filename: value.name, type: value.type, size: value.size }
  }
  return { fields, files }
}

export type GraphApiServerOptions = {
  pageId?: string
  igUserId?: string
  accessToken?: string
  now?: () => number
  /** Facebook Login and the Page tokens it leads to (graphOAuth.ts); off unless given. */
  oauth?: GraphOAuthOptions
}

export const startGraphApiServer = async (options: GraphApiServerOptions = {}) => {
  const pageId = options.pageId ?? '1000001'
  const igUserId = options.igUserId ?? '17841400000000001'
  const accessToken = options.accessToken ?? 'EAAGtestpagetoken0123456789'
  const now = options.now ?? Date.now
  const requests: RecordedRequest[] = []
  const injections: { answer: GraphErrorSpec | RawAnswer; match?: RequestMatch }[] = []
  const posts = new Map<string, Post>()
  const photos = new Map<string, Photo>()
  const containers = new Map<string, Container>()
  const igMedia: IgMedia[] = []
  const fetches: ImageFetch[] = []
  const fetched = async (url: string): Promise<ImageFetch> => {
    const result = await fetchImage(url)
    fetches.push(result)
    return result
  }
  const quota = { usage: 0, total: 50 }
  let videoProcessing: VideoProcessing = { polls: 2, outcome: 'FINISHED' }
  let sequence = 0
  const nextId = (): string => String(++sequence + 5_000_000)

  const tokenOf = (
    url: URL,
    body: Record<string, string>,
    header: string | undefined,
  ): Pick<RecordedRequest, 'token' | 'tokenIn'> => {
    const bearer = header?.match(/^(?:Bearer|OAuth)\s+(.+)$/i)?.[1]
    if (url.searchParams.get('access_token'))
      return { token: url.searchParams.get('access_token')!, tokenIn: 'query' }
    if (body.access_token) return { token: body.access_token, tokenIn: 'body' }
    return bearer ? { token: bearer, tokenIn: 'header' } : {}
  }

  const oauth = options.oauth
    ? createGraphOAuth(
        { now, ...options.oauth },
        { id: pageId, igUserId, accessToken: () => accessToken },
      )
    : undefined

  const checkToken = (token: string | undefined): void => {
    if (!token)
      fail({ code: 190, message: 'An access token is required to request this resource.' })
    // A Page token the person revoked (they removed the app) stops working everywhere.
    if (token !== accessToken || (oauth && !oauth.pageTokenWorks())) fail(graphErrors.invalidToken)
  }

  // Facebook Page ---------------------------------------------------------------------------
  const createFeedPost = (params: Record<string, string>): Record<string, unknown> => {
    const attached = Object.keys(params)
      .filter((key) => /^attached_media\[\d+\]$/.test(key))
      .map((key) => (JSON.parse(params[key]!) as { media_fbid?: string }).media_fbid ?? '')
    if (!params.message && !params.link && !attached.length)
      fail({
        code: 100,
        message: '(#100) The post is empty: add a message, link or attached_media',
      })
    for (const id of attached)
      if (photos.get(id)?.published !== false)
        fail({
          code: 100,
          message: `(#100) attached_media ${id} is not an unpublished photo of this Page`,
        })
    const last = [...posts.values()].at(-1)
    // Facebook refuses the same status twice in a row (error 506, "Duplicate status message").
    if (
      last &&
      params.message &&
      last.message === params.message &&
      last.link === params.link &&
      !attached.length
    )
      fail(graphErrors.duplicate)
    return { id: addPost({ message: params.message, link: params.link, photos: attached }) }
  }

  const addPost = (post: {
    message?: string
    link?: string
    photos?: string[]
    createdAt?: number
  }): string => {
    const id = `${pageId}_${nextId()}`
    posts.set(id, {
      id,
      message: post.message,
      link: post.link,
      photos: post.photos ?? [],
      created_time: graphTimestamp(post.createdAt ?? now()),
      permalink_url: `https://www.facebook.com/${id}`,
    })
    for (const photo of post.photos ?? []) photos.get(photo)!.post_id = id
    return id
  }

  const createPhoto = async (
    params: Record<string, string>,
    files: Record<string, RecordedFile>,
  ): Promise<Record<string, unknown>> => {
    if (!params.url && !files.source) fail({ code: 324, message: '(#324) Requires upload file' })
    const image = params.url && !files.source ? await fetched(params.url) : undefined
    if (image && !image.accepted)
      fail({ code: 324, message: '(#324) Missing or invalid image file' })
    const published = params.published !== 'false'
    const photo: Photo = {
      id: nextId(),
      url: params.url,
      fetched: image,
      source: files.source,
      caption: params.caption ?? params.message,
      alt_text_custom: params.alt_text_custom,
      published,
    }
    photos.set(photo.id, photo)
    if (!published) return { id: photo.id }
    photo.post_id = addPost({ message: photo.caption, photos: [photo.id] })
    return { id: photo.id, post_id: photo.post_id }
  }

  // Instagram -------------------------------------------------------------------------------
  const createContainer = async (
    params: Record<string, string>,
  ): Promise<Record<string, unknown>> => {
    const isVideo = params.media_type === 'REELS' || params.media_type === 'VIDEO'
    if (params.media_type && !isVideo && params.media_type !== 'IMAGE')
      fail({
        code: 100,
        message: `(#100) media_type ${params.media_type} is not supported by this fake`,
      })
    const imageUrl = isVideo ? undefined : required(params, 'image_url')
    const image = imageUrl ? await fetched(imageUrl) : undefined
    if (image && !image.accepted)
      fail({
        code: 9004,
        subcode: 2207052,
        message: 'Only photo or video can be accepted as media type.',
        userTitle: 'Media download has failed.',
        userMessage: `The media could not be fetched from this uri: ${imageUrl}`,
      })
    const container: Container = {
      id: nextId(),
      media_type: isVideo ? 'REELS' : 'IMAGE',
      ...(isVideo
        ? { video_url: required(params, 'video_url') }
        : { image_url: imageUrl, fetched: image, alt_text: params.alt_text }),
      caption: params.caption,
      status_code: isVideo ? 'IN_PROGRESS' : 'FINISHED',
      pollsLeft: isVideo ? videoProcessing.polls : 0,
      processing: videoProcessing,
    }
    containers.set(container.id, container)
    return { id: container.id }
  }

  /** Each status read moves a video one step through processing, so tests control how long it takes. */
  const readContainer = (container: Container): Record<string, unknown> => {
    if (container.status_code === 'IN_PROGRESS') {
      if (container.pollsLeft > 0) container.pollsLeft -= 1
      else container.status_code = container.processing.outcome
    }
    const status = {
      IN_PROGRESS: 'In Progress: Media is still being processed.',
      FINISHED: 'Finished: Media has been uploaded and it is ready to be published.',
      PUBLISHED: 'Published: Media has been successfully published.',
      EXPIRED: 'Expired: Media was not published within 24 hours.',
      ERROR: `Error: ${container.processing.errorDetail ?? 'Media upload has failed with error code 2207026'}`,
    }[container.status_code]
    return { ...container, status }
  }

  const publishContainer = (params: Record<string, string>): Record<string, unknown> => {
    const container =
      containers.get(required(params, 'creation_id')) ?? unknownObject('POST', params.creation_id!)
    if (quota.usage >= quota.total) fail({ ...graphErrors.igQuota, userTitle: 'Max posts reached' })
    if (container.status_code === 'IN_PROGRESS') fail(graphErrors.igNotReady)
    if (container.status_code !== 'FINISHED')
      fail({
        code: -2,
        subcode: 2207020,
        message: 'The media you are trying to access has expired. Please try to upload again.',
      })
    container.status_code = 'PUBLISHED'
    quota.usage += 1
    return {
      id: addIgMedia({
        caption: container.caption,
        mediaType: container.media_type === 'IMAGE' ? 'IMAGE' : 'VIDEO',
      }),
    }
  }

  const addIgMedia = (media: {
    caption?: string
    mediaType?: string
    timestamp?: number
  }): string => {
    const id = `1790${nextId()}`
    igMedia.unshift({
      id,
      caption: media.caption,
      media_type: media.mediaType ?? 'IMAGE',
      permalink: `https://www.instagram.com/p/C${id.slice(-8)}/`,
      timestamp: graphTimestamp(media.timestamp ?? now()),
    })
    return id
  }

  const list = <T extends Record<string, unknown>>(
    items: T[],
    query: Record<string, string>,
    defaults: string[],
  ) => ({
    data: items
      .slice(0, Number(query.limit ?? 25))
      .map((item) => pick(item, query.fields, defaults)),
    paging: { cursors: { before: 'QVFIUmJ', after: 'QVFIUm5' } },
  })

  const metrics = createGraphMetrics({
    isPost: (id) => posts.has(id),
    isMedia: (id) => igMedia.some((item) => item.id === id),
    pageId,
    igUserId,
    now,
    fail,
  })

  // Routing ---------------------------------------------------------------------------------
  const route = async (
    method: string,
    segments: string[],
    query: Record<string, string>,
    body: Record<string, string>,
    files: Record<string, RecordedFile>,
  ): Promise<unknown> => {
    if (method === 'GET' && segments.length === 0 && query.ids !== undefined)
      return metrics.read(query)
    const [node, edge] = segments
    const key = `${method} ${edge ?? ''}`
    if (node === pageId && edge) {
      if (key === 'POST feed') return createFeedPost(body)
      if (key === 'POST photos') return createPhoto(body, files)
      if (key === 'GET posts')
        return list([...posts.values()].reverse(), query, ['id', 'message', 'created_time'])
    }
    if (node === igUserId && edge) {
      if (key === 'POST media') return createContainer(body)
      if (key === 'POST media_publish') return publishContainer(body)
      if (key === 'GET media') return list(igMedia, query, ['id'])
      if (key === 'GET content_publishing_limit') {
        const fields = query.fields?.split(',') ?? ['quota_usage']
        const entry: Record<string, unknown> = {}
        if (fields.includes('quota_usage')) entry.quota_usage = quota.usage
        if (fields.includes('config'))
          entry.config = { quota_total: quota.total, quota_duration: 86400 }
        return { data: [entry] }
      }
    }
    if (!node || segments.length > 2) return unknownObject(method, segments.join('/'))
    if (edge)
      return fail({ code: 100, message: `(#100) Tried accessing nonexisting field (${edge})` })
    return readOrDelete(method, node, query)
  }

  const readOrDelete = (method: string, id: string, query: Record<string, string>): unknown => {
    if (method === 'GET') {
      const post = posts.get(id)
      if (post) return pick(post, query.fields, ['id', 'message', 'created_time'])
      const container = containers.get(id)
      if (container) return pick(readContainer(container), query.fields, ['id'])
      const media = igMedia.find((item) => item.id === id)
      if (media) return pick(media, query.fields, ['id'])
      const photo = photos.get(id)
      if (photo) return pick(photo, query.fields, ['id'])
    }
    // The Pages API deletes Page posts; Instagram's API has no delete for published media.
    if (method === 'DELETE' && posts.delete(id)) return { success: true }
    return unknownObject(method, id)
  }

  const matches = (match: RequestMatch | undefined, record: RecordedRequest): boolean => {
    if (!match) return true
    if (match.method && match.method.toUpperCase() !== record.method) return false
    if (typeof match.path === 'string') return record.path.endsWith(match.path)
    return match.path ? match.path.test(record.path) : true
  }

  const send = (
    response: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void => {
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    response.writeHead(status, {
      'content-type':
        typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=UTF-8',
      'x-fb-trace-id': fbtrace(),
      ...headers,
    })
    response.end(text)
  }

  const sendError = (response: http.ServerResponse, spec: GraphErrorSpec): void => {
    const error = {
      message: spec.message,
      type: spec.type ?? 'OAuthException',
      code: spec.code,
      ...(spec.subcode !== undefined ? { error_subcode: spec.subcode } : {}),
      is_transient: spec.isTransient ?? false,
      ...(spec.userTitle ? { error_user_title: spec.userTitle } : {}),
      ...(spec.userMessage ? { error_user_msg: spec.userMessage } : {}),
      fbtrace_id: fbtrace(),
    }
    const authHeader: Record<string, string> =
      spec.code === 190
        ? { 'www-authenticate': `OAuth "Facebook Platform" "invalid_token" "${spec.message}"` }
        : {}
    send(response, spec.status ?? 400, { error }, { ...authHeader, ...spec.headers })
  }

  const handle = async (
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const contentType = request.headers['content-type']
    const { fields, files } = await parseBody(await readBody(request), contentType)
    const query = Object.fromEntries(url.searchParams)
    const auth = tokenOf(url, fields, request.headers.authorization)
    delete query.access_token
    delete fields.access_token
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent)
    const version = /^v\d+\.\d+$/.test(segments[0] ?? '') ? segments.shift() : undefined
    const record: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      version,
      target: request.url ?? '',
      query,
      body: fields,
      files,
      contentType,
      ...auth,
    }
    requests.push(record)
    const injected = injections.findIndex((injection) => matches(injection.match, record))
    if (injected >= 0) {
      const [{ answer }] = injections.splice(injected, 1) as [
        { answer: GraphErrorSpec | RawAnswer },
      ]
      return 'rawBody' in answer
        ? send(response, answer.status, answer.rawBody, answer.headers)
        : sendError(response, answer)
    }
    const login = oauth?.handle(record.method, segments, query, auth.token)
    if (login && 'redirect' in login) {
      response.writeHead(302, { location: login.redirect })
      return void response.end()
    }
    if (login) return send(response, login.status, login.body)
    try {
      checkToken(auth.token)
      send(response, 200, await route(record.method, segments, query, fields, files))
    } catch (error) {
      if (error instanceof GraphError) return sendError(response, error.spec)
      send(response, 500, {
        error: {
          message: 'An unknown error occurred',
          type: 'OAuthException',
          code: 1,
          is_transient: false,
          fbtrace_id: fbtrace(),
        },
      })
    }
  }

  const server = http.createServer((request, response) => void handle(request, response))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    /** Facebook Login's side, when `oauth` was given (test hooks: revokeAll, authority). */
    oauth,
    pageId,
    igUserId,
    accessToken,
    requests,
    posts,
    photos,
    containers,
    igMedia,
    /** Every image URL the fake fetched, in order (as Meta's servers would have). */
    fetches,
    quota,
    /** Answers the next matching request with this error (or raw answer) instead of handling it. */
    failNext(answer: GraphErrorSpec | RawAnswer, match?: RequestMatch): void {
      injections.push({ answer, match })
    },
    /** How the next video containers process: `polls` IN_PROGRESS reads, then `outcome`. */
    setVideoProcessing(processing: VideoProcessing): void {
      videoProcessing = processing
    },
    /** Seeds a Page post, e.g. an older one with the same text. */
    addPost,
    /** Seeds an Instagram media, e.g. one published before a crash. */
    addIgMedia,
    /** A post's or media's counts in Graph's names (null: Graph leaves it out); 0 otherwise. */
    setCounts: metrics.setCounts,
    /** Every multiple-ID read, refused ones included. */
    metricsReads: metrics.gate.metricsReads,
    /** Throttles multiple-ID reads past `calls` ids per `windowMs` (each id is a call). */
    limitMetrics: metrics.gate.limitMetrics.bind(metrics.gate),
    /** The next `count` multiple-ID reads fail with Graph's transient code 2. */
    failNextMetrics: metrics.gate.failNextMetrics.bind(metrics.gate),
    close: (): Promise<void> =>
      new Promise((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

export type GraphApiServer = Awaited<ReturnType<typeof startGraphApiServer>>
