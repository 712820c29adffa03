import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createFacebookAdapter, facebookAdapter } from '../../../../plugins/channels/facebook'
import { RATE_LIMIT_WAIT_MS } from '../../../../plugins/channels/facebook/graphErrors'
import type {
  ChannelAccount,
  ChannelMedia,
  ChannelPost,
  ChannelResult,
} from '../../../../plugins/scheduler'
import {
  graphErrors,
  startGraphApiServer,
  type GraphApiServer,
  type GraphErrorSpec,
} from '../../../support/networks/graphApiServer'
import { startImageHost, type ImageHost } from '../../../support/imageHost'

const TEXT = 'Free flu shots this Saturday, 9–1, at the main campus lobby.'
const LINK =
  'https://hospital.example/flu?utm_source=carecast&utm_medium=social&utm_campaign=flu-2026'

let server: GraphApiServer
// Facebook fetches a photo's `url` itself, and so does the fake: the image must really be there.
let host: ImageHost
let account: ChannelAccount
const adapter = createFacebookAdapter()

beforeAll(async () => {
  host = await startImageHost()
})

afterAll(async () => {
  await host.close()
})

beforeEach(async () => {
  server = await startGraphApiServer()
  account = { baseUrl: server.url, accessToken: server.accessToken, externalId: server.pageId }
})

afterEach(async () => {
  await server.close()
})

/** Due a minute ago, as the dispatcher would send it. */
const post = (overrides: Partial<ChannelPost> = {}): ChannelPost => ({
  idempotencyKey: `campaigns:42:facebook:${new Date(Date.now() - 60_000).toISOString()}`,
  publicationId: 'pub-42',
  text: TEXT,
  media: [],
  ...overrides,
})

const image = (overrides: Partial<ChannelMedia> = {}): ChannelMedia => ({
  kind: 'image',
  url: host.url('/flu.jpg'),
  mimeType: 'image/jpeg',
  altText: 'A nurse giving a flu shot to a smiling patient',
  ...overrides,
})

const expectNoToken = (value: unknown): void => {
  expect(JSON.stringify(value)).not.toContain(server.accessToken)
}

const failure = (result: ChannelResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
  return result
}

describe('facebookAdapter', () => {
  it('is the Facebook channel and can delete', () => {
    expect(facebookAdapter.channel).toBe('facebook')
    expect(facebookAdapter.canDelete).toBe(true)
    expect(typeof facebookAdapter.remove).toBe('function')
  })
})

describe('publishing text and links', () => {
  it('posts message and link to /{version}/{page-id}/feed, with the page token in the form body', async () => {
    const result = await adapter.publish(post({ link: LINK }), account)

    expect(result).toEqual({
      ok: true,
      remoteId: expect.stringMatching(/^1000001_\d+$/),
      remoteUrl: expect.any(String),
      status: 200,
    })
    if (!result.ok) return
    expect(result.remoteUrl).toBe(`https://www.facebook.com/${result.remoteId}`)
    expect(server.requests).toHaveLength(1)
    const [request] = server.requests
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v21.0/1000001/feed',
      body: { message: TEXT, link: LINK },
      tokenIn: 'body',
      token: server.accessToken,
    })
    expect(request!.contentType).toMatch(/^application\/x-www-form-urlencoded/)
    expect(request!.target).not.toContain('access_token')
    expect(server.posts.get(result.remoteId)).toMatchObject({ message: TEXT, link: LINK })
  })

  it('uses the Graph version pinned in the account settings', async () => {
    const result = await adapter.publish(post(), {
      ...account,
      settings: { graphVersion: 'v19.0' },
    })

    expect(result.ok).toBe(true)
    expect(server.requests[0]!.path).toBe('/v19.0/1000001/feed')
  })

  it('refuses an empty post, and an account without token or page id, without calling Graph', async () => {
    const empty = failure(await adapter.publish(post({ text: '  ' }), account))
    const noToken = failure(await adapter.publish(post(), { ...account, accessToken: undefined }))
    const noPage = failure(await adapter.publish(post(), { ...account, externalId: undefined }))

    expect(empty).toMatchObject({
      retryable: false,
      message: expect.stringContaining('no text, link or photo'),
    })
    expect(noToken).toMatchObject({
      retryable: false,
      message: expect.stringContaining('no access token'),
    })
    expect(noPage).toMatchObject({ retryable: false, message: expect.stringContaining('Page id') })
    expect(server.requests).toHaveLength(0)
  })

  it('lets Graph refuse the same status twice in a row (506), permanently', async () => {
    expect((await adapter.publish(post(), account)).ok).toBe(true)
    const second = failure(await adapter.publish(post(), account))

    expect(second).toMatchObject({
      retryable: false,
      status: 400,
      message: expect.stringContaining('Duplicate status message'),
    })
  })
})

describe('publishing photos', () => {
  it('posts one image by URL to /photos with the caption, the link in it, and the alt text', async () => {
    const result = await adapter.publish(post({ link: LINK, media: [image()] }), account)

    expect(result.ok).toBe(true)
    const [request] = server.requests
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v21.0/1000001/photos',
      body: {
        url: host.url('/flu.jpg'),
        caption: `${TEXT}\n\n${LINK}`,
        alt_text_custom: 'A nurse giving a flu shot to a smiling patient',
      },
      tokenIn: 'body',
    })
    const photo = [...server.photos.values()][0]!
    // The remote id is the feed story (`post_id`), which reconcile and delete work on.
    expect(result).toMatchObject({
      remoteId: photo.post_id,
      remoteUrl: `https://www.facebook.com/${photo.post_id}`,
    })
  })

  it('is fetched by Facebook from the photo url', async () => {
    await adapter.publish(post({ media: [image()] }), account)

    expect(server.fetches).toMatchObject([
      { url: host.url('/flu.jpg'), status: 200, accepted: true },
    ])
    expect([...server.photos.values()][0]!.fetched?.size).toBe(host.jpegSize)
  })

  it.each([
    ['is not there', '/gone.jpg'],
    ['is a web page, not an image', '/sign-in.html'],
  ])('fails permanently when the image %s (324), and posts nothing', async (_, path) => {
    const url = host.url(path)
    const result = failure(await adapter.publish(post({ media: [image({ url })] }), account))

    expect(result).toMatchObject({ retryable: false, status: 400 })
    expect(result.message).toContain('(#324) Missing or invalid image file')
    expect(server.photos.size).toBe(0)
    expect(server.posts.size).toBe(0)
    expect(server.fetches).toMatchObject([{ url, accepted: false }])
  })

  it('does not repeat a link the text already has', async () => {
    await adapter.publish(post({ text: `${TEXT} ${LINK}`, link: LINK, media: [image()] }), account)

    expect(server.requests[0]!.body.caption).toBe(`${TEXT} ${LINK}`)
  })

  it('uploads an image from disk as the multipart `source` part', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'carecast-fb-'))
    const filePath = path.join(dir, 'flu.png')
    await fs.writeFile(filePath, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))
    try {
      const result = await adapter.publish(
        post({ media: [image({ url: undefined, filePath, mimeType: 'image/png' })] }),
        account,
      )

      expect(result.ok).toBe(true)
      const [request] = server.requests
      expect(request!.contentType).toMatch(/^multipart\/form-data; boundary=/)
      expect(request).toMatchObject({
        path: '/v21.0/1000001/photos',
        body: { caption: TEXT },
        tokenIn: 'body',
      })
      expect(request!.files.source).toEqual({ filename: 'flu.png', type: 'image/png', size: 16 })
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })

  it('fails permanently, without a request, when the image file cannot be read', async () => {
    const result = failure(
      await adapter.publish(
        post({ media: [image({ url: undefined, filePath: '/nonexistent/carecast/flu.png' })] }),
        account,
      ),
    )

    expect(result).toMatchObject({
      retryable: false,
      message: expect.stringContaining('could not read the media file'),
    })
    expect(server.requests).toHaveLength(0)
  })

  it('publishes several images as unpublished photos attached to one feed post', async () => {
    const media = [image(), image({ url: host.url('/clinic.jpg'), altText: 'The clinic entrance' })]
    const result = await adapter.publish(post({ link: LINK, media }), account)

    expect(result.ok).toBe(true)
    const [first, second, feed] = server.requests
    expect(first).toMatchObject({
      path: '/v21.0/1000001/photos',
      body: { url: media[0]!.url, published: 'false', alt_text_custom: media[0]!.altText },
    })
    expect(second).toMatchObject({
      path: '/v21.0/1000001/photos',
      body: { url: media[1]!.url, published: 'false', alt_text_custom: 'The clinic entrance' },
    })
    const photoIds = [...server.photos.keys()]
    expect(feed).toMatchObject({
      path: '/v21.0/1000001/feed',
      body: {
        message: `${TEXT}\n\n${LINK}`,
        'attached_media[0]': JSON.stringify({ media_fbid: photoIds[0] }),
        'attached_media[1]': JSON.stringify({ media_fbid: photoIds[1] }),
      },
    })
    if (result.ok) expect(server.posts.get(result.remoteId)?.photos).toEqual(photoIds)
  })

  it('refuses video with a clear permanent failure, without calling Graph', async () => {
    const video: ChannelMedia = {
      kind: 'video',
      url: 'https://cdn.hospital.example/tour.mp4',
      mimeType: 'video/mp4',
    }
    const result = failure(await adapter.publish(post({ media: [video] }), account))

    expect(result).toMatchObject({
      retryable: false,
      message: expect.stringContaining('videos are not supported'),
    })
    expect(server.requests).toHaveLength(0)
  })
})

describe('Graph errors', () => {
  const cases: [string, GraphErrorSpec, boolean][] = [
    ['application rate limit (4)', graphErrors.appRateLimit, true],
    ['user rate limit (17)', graphErrors.userRateLimit, true],
    ['page rate limit (32)', graphErrors.pageRateLimit, true],
    ['API rate limit (613)', graphErrors.apiRateLimit, true],
    ['Pages business use case limit (80001)', graphErrors.pageBucLimit, true],
    ['unknown error (1)', graphErrors.unknown, true],
    ['service error (2)', graphErrors.transient, true],
    [
      'an error flagged is_transient',
      { code: 9004, message: 'Temporary upload failure', isTransient: true },
      true,
    ],
    ['invalid token (190)', graphErrors.invalidToken, false],
    ['expired token (190/463)', graphErrors.expiredToken, false],
    ['permission (200)', graphErrors.permission, false],
    ['permission denied (10)', graphErrors.permissionDenied, false],
    ['invalid parameter (100)', graphErrors.invalidParameter, false],
    ['policy block (368)', graphErrors.policyBlock, false],
    ['duplicate post (506)', graphErrors.duplicate, false],
  ]

  it.each(cases)(
    '%s → retryable %s, keeping Graph’s message and code',
    async (_name, spec, retryable) => {
      server.failNext(spec)
      const result = failure(await adapter.publish(post(), account))

      expect(result.retryable).toBe(retryable)
      expect(result.status).toBe(spec.status ?? 400)
      expect(result.message).toContain(spec.message)
      expect(result.message).toContain(`code ${spec.code}`)
      if (retryable && spec.code !== 1 && spec.code !== 2 && !spec.isTransient)
        expect(result.retryAfterMs).toBeGreaterThan(0)
      if (!retryable) expect(result.retryAfterMs).toBeUndefined()
      expect(result).not.toHaveProperty('graphCode')
      expectNoToken(result)
    },
  )

  it('(the local Graph) answers a request without a token with the OAuthException 190 body', async () => {
    const response = await fetch(`${server.url}/v21.0/${server.pageId}/feed`, {
      method: 'POST',
      body: new URLSearchParams({ message: TEXT }),
    })

    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: {
        message: expect.any(String),
        type: 'OAuthException',
        code: 190,
        is_transient: false,
        fbtrace_id: expect.any(String),
      },
    })
    expect(server.posts.size).toBe(0)
  })

  it('waits as long as the business use case header says (estimated_time_to_regain_access, minutes)', async () => {
    server.failNext(graphErrors.pageBucLimit)
    expect(failure(await adapter.publish(post(), account)).retryAfterMs).toBe(7 * 60_000)
  })

  it('honours Retry-After in seconds over any other wait', async () => {
    server.failNext({
      ...graphErrors.pageBucLimit,
      headers: { ...graphErrors.pageBucLimit.headers, 'retry-after': '120' },
    })
    expect(failure(await adapter.publish(post(), account)).retryAfterMs).toBe(120_000)
  })

  it('honours Retry-After as an HTTP date', async () => {
    const now = Date.parse('2026-03-01T09:00:00Z')
    server.failNext({
      ...graphErrors.pageRateLimit,
      headers: { 'retry-after': new Date(now + 30_000).toUTCString() },
    })
    const result = failure(await createFacebookAdapter({ now: () => now }).publish(post(), account))

    expect(result.retryAfterMs).toBe(30_000)
  })

  it('treats an error as throttling when a usage header reports 100%', async () => {
    const odd = { code: 12345, message: 'Something went wrong' }
    server.failNext(odd)
    server.failNext({
      ...odd,
      headers: { 'x-page-usage': '{"call_count":100,"total_cputime":40,"total_time":35}' },
    })

    expect(failure(await adapter.publish(post(), account))).toMatchObject({
      retryable: false,
      status: 400,
    })
    expect(failure(await adapter.publish(post(), account))).toMatchObject({
      retryable: true,
      retryAfterMs: RATE_LIMIT_WAIT_MS,
    })
  })

  it('classifies a 5xx without a JSON body by its status', async () => {
    server.failNext({ status: 502, rawBody: '<html><body>Bad Gateway</body></html>' })
    const result = failure(await adapter.publish(post(), account))

    expect(result).toMatchObject({
      retryable: true,
      status: 502,
      message: expect.stringContaining('Bad Gateway'),
    })
  })

  it('gets Graph’s 190 answer for a wrong token and fails permanently, without echoing either token', async () => {
    const wrong = 'EAAGwrongtoken999'
    const result = failure(await adapter.publish(post(), { ...account, accessToken: wrong }))

    expect(result).toMatchObject({
      retryable: false,
      status: 400,
      message: expect.stringContaining('Invalid OAuth access token'),
    })
    expect(result.message).toContain('code 190')
    expect(JSON.stringify(result)).not.toContain(wrong)
  })

  it('strips the token from messages that quote it', async () => {
    const token = server.accessToken
    server.failNext({
      code: 100,
      message: `(#100) Bad request https://graph.facebook.com/v21.0/1000001/feed?access_token=${token}&message=x (token ${token})`,
    })
    const result = failure(await adapter.publish(post(), account))

    expect(result.message).toContain('access_token=[redacted]')
    expectNoToken(result)
  })

  it('reports a connection failure as retryable with status 0', async () => {
    const gone = await startGraphApiServer()
    await gone.close()
    const result = failure(await adapter.publish(post(), { ...account, baseUrl: gone.url }))

    expect(result).toMatchObject({ retryable: true, status: 0 })
    expectNoToken(result)
  })

  it('stops when the caller aborts, as a retryable timeout', async () => {
    const result = failure(await adapter.publish(post(), account, AbortSignal.abort()))

    expect(result).toEqual({
      ok: false,
      retryable: true,
      status: 0,
      message: 'the request timed out',
    })
  })
})

describe('remove', () => {
  it('deletes the post with DELETE /{version}/{post-id}, the token in the query string', async () => {
    const published = await adapter.publish(post(), account)
    if (!published.ok) throw new Error(published.message)
    const result = await adapter.remove!(published.remoteId, account)

    expect(result).toEqual({ ok: true, remoteId: published.remoteId, status: 200 })
    expect(server.requests[1]).toMatchObject({
      method: 'DELETE',
      path: `/v21.0/${published.remoteId}`,
      tokenIn: 'query',
    })
    expect(server.posts.has(published.remoteId)).toBe(false)
  })

  it('reports a post Graph cannot find instead of assuming it is gone', async () => {
    const result = failure(await adapter.remove!('1000001_424242', account))

    expect(result).toMatchObject({
      retryable: false,
      message: expect.stringContaining('does not exist'),
    })
  })

  it('fails permanently on an expired token, and retryably when throttled', async () => {
    server.failNext(graphErrors.expiredToken)
    server.failNext(graphErrors.userRateLimit)

    expect(failure(await adapter.remove!('1000001_1', account)).retryable).toBe(false)
    expect(failure(await adapter.remove!('1000001_1', account)).retryable).toBe(true)
  })
})

describe('reconcile', () => {
  it('finds a post by its remote id', async () => {
    const published = await adapter.publish(post(), account)
    if (!published.ok) throw new Error(published.message)
    const found = await adapter.reconcile!(post(), account, published.remoteId)

    expect(found).toEqual({
      ok: true,
      remoteId: published.remoteId,
      remoteUrl: `https://www.facebook.com/${published.remoteId}`,
      status: 200,
    })
    expect(server.requests[1]).toMatchObject({
      method: 'GET',
      path: `/v21.0/${published.remoteId}`,
      query: { fields: 'id,permalink_url' },
      tokenIn: 'query',
    })
  })

  it('answers null for a remote id Graph does not know', async () => {
    expect(await adapter.reconcile!(post(), account, '1000001_777')).toBeNull()
  })

  it('without a remote id, finds a post made before a crash by its exact message', async () => {
    const published = await adapter.publish(post({ link: LINK, media: [image()] }), account)
    if (!published.ok) throw new Error(published.message)
    const found = await adapter.reconcile!(
      post({ link: LINK, media: [image()] }),
      account,
      undefined,
    )

    expect(found).toMatchObject({ ok: true, remoteId: published.remoteId })
    expect(server.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/v21.0/1000001/posts',
      query: { fields: 'id,message,permalink_url,created_time', limit: '25' },
    })
  })

  it('does not take a different message, or the same text from before the due time, for ours', async () => {
    server.addPost({ message: `${TEXT} (updated)` })
    server.addPost({ message: TEXT, createdAt: Date.now() - 7 * 86_400_000 })

    expect(await adapter.reconcile!(post(), account, undefined)).toBeNull()
  })

  it('throws when it cannot read the Page, rather than answering "not there"', async () => {
    server.failNext(graphErrors.transient)
    await expect(adapter.reconcile!(post(), account, undefined)).rejects.toThrow(
      'An unexpected error has occurred',
    )
  })
})
