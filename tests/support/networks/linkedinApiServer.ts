/**
 * A local stand-in for LinkedIn's versioned REST API (api.linkedin.com/rest), speaking its
 * documented shapes:
 * - auth: `Authorization: Bearer <token>`; none → 401 `{ message: "Empty oauth2_access_token",
 *   serviceErrorCode: 401, status: 401 }`, unknown → 401 INVALID_ACCESS_TOKEN (serviceErrorCode 65600).
 * - `LinkedIn-Version: YYYYMM` on every /rest call; missing → 400 VERSION_MISSING, retired or
 *   malformed → 426 `{ status: 426, code: "NONEXISTENT_VERSION", message: "Requested version
 *   YYYYMM01 is not active" }`.
 * - POST /rest/images?action=initializeUpload → `{ value: { uploadUrlExpiresAt, uploadUrl, image } }`;
 *   PUT <uploadUrl> (bytes) → 201.
 * - POST /rest/posts → 201, empty body, URN in `x-restli-id`; GET /rest/posts/{urn}; the author
 *   finder GET /rest/posts?q=author&author=…; DELETE /rest/posts/{urn} → 204 (idempotent).
 * - GET /rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED → the pages the
 *   token's member administers (`{ paging, elements: [{ organization, role, state, roleAssignee }] }`);
 *   GET /rest/organizations/{id} → `{ id, localizedName, vanityName }` (Organization Access Control
 *   and Organization Lookup APIs, learn.microsoft.com/linkedin/marketing/community-management/organizations).
 * - OAuth (linkedinOAuth.ts): GET /oauth/v2/authorization, POST /oauth/v2/accessToken. An issued
 *   token acts as its member (their person URN and administered organizations) like a `tokens`
 *   entry; once expired → 401 `{ status: 401, serviceErrorCode: 65601, code: "EXPIRED_ACCESS_TOKEN",
 *   message: "The token used in the request has expired" }`, once revoked → REVOKED_ACCESS_TOKEN.
 * - GET /rest/organizationalEntityShareStatistics, the metrics read (linkedinMetrics.ts).
 * Commentary is read as "little" text: `renderLittleText` shows what members would see, and an
 * unescaped reserved character cuts the text there, as LinkedIn does.
 * Errors are `{ status, serviceErrorCode, code, message }`; `failNext` injects a documented one.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import {
  type LinkedInMember,
  type LinkedInOAuthOptions,
  createLinkedInOAuth,
} from './linkedinOAuth'
import { type LinkedInStatistic, createLinkedInMetrics } from './linkedinMetrics'
import { error, type Reply } from './linkedinErrors'
import type { MetricsHooks } from './metricsGate'
import type { OAuthAuthority } from './oauthAuthority'

export type LinkedInRoute =
  | 'POST /rest/images'
  | 'PUT /dms-uploads/:id'
  | 'POST /rest/posts'
  | 'GET /rest/posts'
  | 'GET /rest/posts/:urn'
  | 'DELETE /rest/posts/:urn'
  | 'GET /rest/organizationAcls'
  | 'GET /rest/organizations/:id'
  | 'GET /rest/organizationalEntityShareStatistics'

export type LinkedInFailure =
  | { kind: 'rate-limit'; retryAfterSeconds?: number }
  | { kind: 'version-retired' }
  | { kind: 'server-error'; status?: 500 | 502 | 503 | 504 }
  | { kind: 'revoked-token' }
  | { kind: 'forbidden' }
  | { kind: 'unprocessable'; message: string }
  | { kind: 'drop-connection' }

export type RecordedRequest = {
  method: string
  path: string
  headers: Record<string, string>
  body: Buffer
  json?: unknown
}

export type StoredImage = {
  urn: string
  owner: string
  status: 'WAITING_UPLOAD' | 'AVAILABLE'
  bytes?: Buffer
  contentType?: string
}
export type StoredPost = Record<string, unknown> & {
  id: string
  author: string
  commentary: string
  createdAt: number
  renderedText: string
}

export type LinkedInApiServerOptions = {
  /** Known tokens and the author URNs each may post as (organization admin, or the member). */
  tokens: Record<string, string[]>
  /** Versions LinkedIn has sunset: answered with 426. */
  retiredVersions?: string[]
  /** The OAuth server: registered apps, the member who consents, lifetimes and clock. */
  oauth?: LinkedInOAuthOptions
  /** Pages GET /rest/organizations/{id} knows, by numeric id. Any page the caller administers is known anyway, named "Organization <id>". */
  organizations?: Record<string, { localizedName: string; vanityName: string }>
}

export type LinkedInApiServer = MetricsHooks & {
  url: string
  requests: RecordedRequest[]
  posts: Map<string, StoredPost>
  images: Map<string, StoredImage>
  /** The OAuth server behind /oauth/v2/*, with its test hooks. */
  oauth: OAuthAuthority<LinkedInMember>
  failNext(route: LinkedInRoute, failure: LinkedInFailure): void
  /** Puts a post on an author's page directly, as if made earlier. */
  seedPost(author: string, commentary: string, createdAt: number): StoredPost
  /** A post's lifetime statistics in LinkedIn's names (null: left out); 0 otherwise. */
  setCounts(urn: string, counts: Partial<Record<LinkedInStatistic, number | null>>): void
  close(): Promise<void>
}

const EMPTY_TOKEN = error(401, 'Empty oauth2_access_token', undefined, 401)
const INVALID_TOKEN = error(401, 'Invalid access token', 'INVALID_ACCESS_TOKEN', 65600)
const VERSION_MISSING = error(
  400,
  'A version must be present. Please specify a version by adding the LinkedIn-Version header.',
  'VERSION_MISSING',
)
/** LinkedIn names versions as dates in this message: 202401 is "20240101". */
const retired = (version: string) =>
  error(
    426,
    `Requested version ${/^\d{6}$/.test(version) ? `${version}01` : version} is not active`,
    'NONEXISTENT_VERSION',
  )

const injected = (failure: LinkedInFailure, version: string): Reply | 'drop' => {
  switch (failure.kind) {
    case 'rate-limit': {
      const reply = error(
        429,
        'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.',
        'TOO_MANY_REQUESTS',
        101,
      )
      return failure.retryAfterSeconds === undefined
        ? reply
        : { ...reply, headers: { 'retry-after': String(failure.retryAfterSeconds) } }
    }
    case 'version-retired':
      return retired(version)
    case 'server-error':
      return error(failure.status ?? 500, 'Internal Server Error')
    case 'revoked-token':
      return error(
        401,
        'The token used in the request has been revoked by the user',
        'REVOKED_ACCESS_TOKEN',
        65601,
      )
    case 'forbidden':
      return error(
        403,
        'Not enough permissions to access: partnerApiPostsExternal.CREATE.20260901',
        'ACCESS_DENIED',
        100,
      )
    case 'unprocessable':
      return error(422, failure.message)
    case 'drop-connection':
      return 'drop'
  }
}

// ---------------------------------------------------------------- little text

const RESERVED = new Set([
  '|',
  '{',
  '}',
  '@',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '#',
  '\\',
  '*',
  '_',
  '~',
])

/**
 * What members see for a `commentary`: escapes resolved, mentions shown by name, hashtags as
 * #tag. An unescaped reserved character that starts no element ends the visible text.
 */
export const renderLittleText = (commentary: string): string => {
  let out = ''
  for (let i = 0; i < commentary.length;) {
    const rest = commentary.slice(i)
    const char = commentary[i]
    const element =
      /^@\[([^\]]*)\]\((urn:li:[^)]+)\)/.exec(rest) ??
      /^\{hashtag\|[#＃]\|([^}]+)\}/.exec(rest) ??
      /^#([\p{L}\p{N}_]+)/u.exec(rest)
    if (char === '\\' && RESERVED.has(commentary[i + 1] ?? '')) {
      out += commentary[i + 1]
      i += 2
    } else if (!RESERVED.has(char)) {
      out += char
      i += 1
    } else if (element) {
      out += char === '@' ? element[1] : `#${element[1]}`
      i += element[0].length
    } else {
      return out
    }
  }
  return out
}

// ---------------------------------------------------------------- server

const send = (res: http.ServerResponse, reply: Reply) => {
  const payload = reply.body === undefined ? '' : JSON.stringify(reply.body)
  res.writeHead(reply.status, {
    ...(payload ? { 'content-type': 'application/json' } : {}),
    ...reply.headers,
  })
  res.end(payload)
}

const ROUTES: [LinkedInRoute, string, RegExp][] = [
  ['POST /rest/images', 'POST', /^\/rest\/images$/],
  ['PUT /dms-uploads/:id', 'PUT', /^\/dms-uploads\/([\w-]+)$/],
  ['POST /rest/posts', 'POST', /^\/rest\/posts$/],
  ['GET /rest/posts', 'GET', /^\/rest\/posts$/],
  ['GET /rest/posts/:urn', 'GET', /^\/rest\/posts\/([^/]+)$/],
  ['DELETE /rest/posts/:urn', 'DELETE', /^\/rest\/posts\/([^/]+)$/],
  ['GET /rest/organizationAcls', 'GET', /^\/rest\/organizationAcls$/],
  ['GET /rest/organizations/:id', 'GET', /^\/rest\/organizations\/(\d+)$/],
  [
    'GET /rest/organizationalEntityShareStatistics',
    'GET',
    /^\/rest\/organizationalEntityShareStatistics$/,
  ],
]

/** Who a token acts as: the URNs it may post as, and the member behind them. */
type Caller = { authors: string[]; member: LinkedInMember }

const DEFAULT_PERSON = 'urn:li:person:carecast-admin'

/** A static token's member: its person URN (or a stand-in) and its organization URNs. */
const memberOf = (authors: string[]): LinkedInMember => ({
  person: authors.find((urn) => urn.startsWith('urn:li:person:')) ?? DEFAULT_PERSON,
  administers: authors.filter((urn) => urn.startsWith('urn:li:organization:')),
})

const EXPIRED_TOKEN = error(
  401,
  'The token used in the request has expired',
  'EXPIRED_ACCESS_TOKEN',
  65601,
)
const REVOKED_TOKEN = error(
  401,
  'The token used in the request has been revoked by the user',
  'REVOKED_ACCESS_TOKEN',
  65601,
)

const AUTHOR = /^urn:li:(organization|person):\w+$/

export const startLinkedInApiServer = async (
  options: LinkedInApiServerOptions,
): Promise<LinkedInApiServer> => {
  const requests: RecordedRequest[] = []
  const posts = new Map<string, StoredPost>()
  const deleted = new Set<string>()
  const images = new Map<string, StoredImage>()
  const failures = new Map<LinkedInRoute, LinkedInFailure[]>()
  let sequence = 7_100_000_000_000_000_000n
  const next = () => String((sequence += 1n))
  let origin = ''
  const metrics = createLinkedInMetrics({ has: (urn) => posts.has(urn) })
  const linkedInOAuth = createLinkedInOAuth(
    options.oauth ?? {},
    memberOf(Object.values(options.tokens)[0] ?? []),
  )

  const storePost = (
    fields: Record<string, unknown>,
    author: string,
    commentary: string,
    createdAt = Date.now(),
  ): StoredPost => {
    const post: StoredPost = {
      ...fields,
      id: `urn:li:share:${next()}`,
      author,
      commentary,
      createdAt,
      publishedAt: createdAt,
      lastModifiedAt: createdAt,
      renderedText: renderLittleText(commentary),
    }
    posts.set(post.id, post)
    return post
  }

  const initializeUpload = (url: URL, json: unknown, authors: string[]): Reply => {
    const owner = (json as { initializeUploadRequest?: { owner?: unknown } } | undefined)
      ?.initializeUploadRequest?.owner
    if (url.searchParams.get('action') !== 'initializeUpload')
      return error(400, 'Unsupported action')
    if (typeof owner !== 'string' || !AUTHOR.test(owner))
      return error(422, 'ERROR :: /initializeUploadRequest/owner :: invalid owner URN')
    if (!authors.includes(owner)) return injected({ kind: 'forbidden' }, '') as Reply
    const id = `D4E10AQ${next()}`
    images.set(`urn:li:image:${id}`, { urn: `urn:li:image:${id}`, owner, status: 'WAITING_UPLOAD' })
    return {
      status: 200,
      body: {
        value: {
          uploadUrlExpiresAt: Date.now() + 3_600_000,
          uploadUrl: `${origin}/dms-uploads/${id}?ca=vector_feedshare&cn=uploads`,
          image: `urn:li:image:${id}`,
        },
      },
    }
  }

  const upload = (id: string, request: RecordedRequest): Reply => {
    const image = images.get(`urn:li:image:${id}`)
    if (!image || image.status !== 'WAITING_UPLOAD')
      return error(400, 'Upload URL is invalid or already used')
    Object.assign(image, {
      status: 'AVAILABLE',
      bytes: request.body,
      contentType: request.headers['content-type'],
    })
    return { status: 201 }
  }

  const usableImage = (id: unknown, author: string) => {
    const image = typeof id === 'string' ? images.get(id) : undefined
    return image?.owner === author && image.status === 'AVAILABLE'
  }

  /** Field checks the Posts API makes, answered 422 as LinkedIn does for a bad create. */
  const invalidPost = (body: Record<string, unknown>): string | undefined => {
    const distribution = body.distribution as { feedDistribution?: unknown } | undefined
    const content = body.content as
      | {
          media?: { id?: unknown }
          multiImage?: { images?: { id?: unknown }[] }
          article?: { source?: unknown; title?: unknown }
        }
      | undefined
    if (typeof body.author !== 'string' || !AUTHOR.test(body.author))
      return 'ERROR :: /author :: invalid author URN'
    if (typeof body.commentary !== 'string') return 'ERROR :: /commentary :: field is required'
    if (!['PUBLIC', 'CONNECTIONS', 'LOGGED_IN'].includes(body.visibility as string))
      return 'ERROR :: /visibility :: invalid value'
    if (!['MAIN_FEED', 'NONE'].includes(distribution?.feedDistribution as string))
      return 'ERROR :: /distribution/feedDistribution :: invalid value'
    if (!['PUBLISHED', 'DRAFT'].includes(body.lifecycleState as string))
      return 'ERROR :: /lifecycleState :: invalid value'
    if (typeof body.isReshareDisabledByAuthor !== 'boolean')
      return 'ERROR :: /isReshareDisabledByAuthor :: field is required'
    if (content?.media && !usableImage(content.media.id, body.author))
      return 'ERROR :: /content/media/id :: image is not available'
    if (
      content?.multiImage &&
      !(content.multiImage.images ?? []).every((image) =>
        usableImage(image.id, body.author as string),
      )
    )
      return 'ERROR :: /content/multiImage :: image is not available'
    if (
      content?.article &&
      (typeof content.article.source !== 'string' || typeof content.article.title !== 'string')
    )
      return 'ERROR :: /content/article :: source and title are required'
    return undefined
  }

  const createPost = (request: RecordedRequest, authors: string[]): Reply => {
    if (
      !request.headers['content-type']?.startsWith('application/json') ||
      typeof request.json !== 'object' ||
      request.json === null
    )
      return error(400, 'Request body must be JSON')
    const body = request.json as Record<string, unknown>
    const invalid = invalidPost(body)
    if (invalid) return error(422, invalid)
    if (!authors.includes(body.author as string))
      return injected({ kind: 'forbidden' }, '') as Reply
    const post = storePost(body, body.author as string, body.commentary as string)
    return { status: 201, headers: { 'x-restli-id': post.id, 'x-linkedin-id': post.id } }
  }

  const publicPost = ({ renderedText: _, ...post }: StoredPost) => post

  const findByAuthor = (url: URL): Reply => {
    const author = url.searchParams.get('author')
    if (url.searchParams.get('q') !== 'author' || !author)
      return error(400, 'Finder q=author needs an author')
    const count = Number(url.searchParams.get('count') ?? 10)
    const elements = [...posts.values()]
      .filter((post) => post.author === author)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, count)
    return {
      status: 200,
      body: {
        paging: { start: 0, count, links: [], total: elements.length },
        elements: elements.map(publicPost),
      },
    }
  }

  const notFound = (urn: string) => error(404, `Post ${urn} does not exist`, 'NOT_FOUND', 100)

  const getPost = (urn: string): Reply => {
    const post = posts.get(urn)
    return post ? { status: 200, body: publicPost(post) } : notFound(urn)
  }

  const deletePost = (urn: string, authors: string[]): Reply => {
    const post = posts.get(urn)
    if (!post) return deleted.has(urn) ? { status: 204 } : notFound(urn)
    if (!authors.includes(post.author)) return injected({ kind: 'forbidden' }, '') as Reply
    posts.delete(urn)
    deleted.add(urn)
    return { status: 204 }
  }

  const organizationAcls = (url: URL, { member }: Caller): Reply => {
    if (url.searchParams.get('q') !== 'roleAssignee')
      return error(400, 'Finder q=roleAssignee is required')
    const role = url.searchParams.get('role')
    const state = url.searchParams.get('state')
    // The member administers every page listed, with an approved role.
    const elements =
      (role === null || role === 'ADMINISTRATOR') && (state === null || state === 'APPROVED')
        ? member.administers.map((organization) => ({
            organization,
            role: 'ADMINISTRATOR',
            state: 'APPROVED',
            roleAssignee: member.person,
          }))
        : []
    return {
      status: 200,
      body: { paging: { start: 0, count: 10, links: [], total: elements.length }, elements },
    }
  }

  const organization = (id: string, { member }: Caller): Reply => {
    const known =
      options.organizations?.[id] ??
      (member.administers.includes(`urn:li:organization:${id}`)
        ? { localizedName: `Organization ${id}`, vanityName: `organization-${id}` }
        : undefined)
    if (!known) return error(404, `Organization ${id} does not exist`, 'NOT_FOUND', 100)
    return { status: 200, body: { id: Number(id), ...known } }
  }

  const route = (
    name: LinkedInRoute,
    param: string,
    request: RecordedRequest,
    url: URL,
    caller: Caller,
  ): Reply => {
    const { authors } = caller
    switch (name) {
      case 'POST /rest/images':
        return initializeUpload(url, request.json, authors)
      case 'PUT /dms-uploads/:id':
        return upload(param, request)
      case 'POST /rest/posts':
        return createPost(request, authors)
      case 'GET /rest/posts':
        return findByAuthor(url)
      case 'GET /rest/posts/:urn':
        return getPost(param)
      case 'DELETE /rest/posts/:urn':
        return deletePost(param, authors)
      case 'GET /rest/organizationAcls':
        return organizationAcls(url, caller)
      case 'GET /rest/organizations/:id':
        return organization(param, caller)
      case 'GET /rest/organizationalEntityShareStatistics':
        return metrics.statistics(request.path, url, caller.member.administers)
    }
  }

  /** Authentication first, then (on /rest) the version header, as every versioned call requires. */
  const gate = (request: RecordedRequest, versioned: boolean): Reply | Caller => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
    if (!token) return EMPTY_TOKEN
    const caller = callerOf(token)
    if ('status' in caller) return caller
    if (!versioned) return caller
    const version = request.headers['linkedin-version']
    if (!version) return VERSION_MISSING
    if (!/^\d{6}$/.test(version) || options.retiredVersions?.includes(version))
      return retired(version)
    return caller
  }

  /** A static `tokens` entry, or what the OAuth server issued (while it is neither expired nor revoked). */
  const callerOf = (token: string): Reply | Caller => {
    if (Object.hasOwn(options.tokens, token)) {
      const authors = options.tokens[token]
      return { authors, member: memberOf(authors) }
    }
    const checked = linkedInOAuth.authority.check(token)
    if (checked.state === 'active')
      return { authors: [checked.user.person, ...checked.user.administers], member: checked.user }
    if (checked.state === 'expired') return EXPIRED_TOKEN
    return checked.state === 'revoked' ? REVOKED_TOKEN : INVALID_TOKEN
  }

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => {
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
    if (headers['content-type']?.startsWith('application/json')) {
      try {
        request.json = JSON.parse(body.toString('utf8'))
      } catch {
        request.json = undefined
      }
    }
    requests.push(request)
    const url = new URL(request.path, 'http://linkedin.local')
    const oauthReply = linkedInOAuth.handle({ method: request.method, url, headers, body })
    if (oauthReply) return send(res, oauthReply)
    const match = ROUTES.map(([name, method, pattern]) => ({
      name,
      found: method === request.method ? pattern.exec(url.pathname) : null,
    })).find((entry) => entry.found)
    if (!match?.found)
      return send(res, error(404, `No resource for ${request.method} ${url.pathname}`))
    const gated = gate(request, match.name !== 'PUT /dms-uploads/:id')
    if ('status' in gated) return send(res, gated)
    const failure = failures.get(match.name)?.shift()
    const reply = failure
      ? injected(failure, headers['linkedin-version'] ?? '')
      : route(match.name, decodeURIComponent(match.found[1] ?? ''), request, url, gated)
    if (reply === 'drop') return req.socket.destroy()
    send(res, reply)
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      try {
        handle(req, res, Buffer.concat(chunks))
      } catch (thrown) {
        send(res, error(500, String(thrown)))
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: origin,
    requests,
    posts,
    images,
    oauth: linkedInOAuth.authority,
    failNext: (name, failure) => failures.set(name, [...(failures.get(name) ?? []), failure]),
    setCounts: metrics.setCounts,
    metricsReads: metrics.gate.metricsReads,
    limitMetrics: (limit) => metrics.gate.limitMetrics(limit),
    failNextMetrics: (count, status) => metrics.gate.failNextMetrics(count, status),
    seedPost: (author, commentary, createdAt) =>
      storePost(
        { visibility: 'PUBLIC', lifecycleState: 'PUBLISHED' },
        author,
        commentary,
        createdAt,
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
