import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { PUBLISHING_QUOTA_WAIT_MS } from '../../../../plugins/channels/facebook/graphErrors'
import {
  CAPTION_LIMIT,
  createInstagramAdapter,
  instagramAdapter,
} from '../../../../plugins/channels/instagram'
import { STILL_PROCESSING_WAIT_MS } from '../../../../plugins/channels/instagram/container'
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

const TEXT = 'Meet Dr. Okafor, who leads our new pediatric asthma clinic. #asthma #kidshealth'
const VIDEO_URL = 'https://cdn.hospital.example/clinic-tour.mp4'

let server: GraphApiServer
// Instagram fetches `image_url` itself, and so does the fake: the image must really be there.
let host: ImageHost
let IMAGE_URL: string
let account: ChannelAccount
const adapter = createInstagramAdapter({ pollIntervalMs: 1 })

beforeAll(async () => {
  host = await startImageHost()
  IMAGE_URL = host.url('/okafor.jpg')
})

afterAll(async () => {
  await host.close()
})

beforeEach(async () => {
  server = await startGraphApiServer()
  account = { baseUrl: server.url, accessToken: server.accessToken, externalId: server.igUserId }
})

afterEach(async () => {
  await server.close()
})

const image = (overrides: Partial<ChannelMedia> = {}): ChannelMedia => ({
  kind: 'image',
  url: IMAGE_URL,
  mimeType: 'image/jpeg',
  altText: 'Dr. Okafor listening to a child’s breathing',
  ...overrides,
})

const video: ChannelMedia = { kind: 'video', url: VIDEO_URL, mimeType: 'video/mp4' }

/** Due a minute ago, as the dispatcher would send it. */
const post = (overrides: Partial<ChannelPost> = {}): ChannelPost => ({
  idempotencyKey: `stories:7:instagram:${new Date(Date.now() - 60_000).toISOString()}`,
  publicationId: 'pub-7',
  text: TEXT,
  media: [image()],
  ...overrides,
})

const failure = (result: ChannelResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
  return result
}

const paths = (): string[] => server.requests.map((request) => `${request.method} ${request.path}`)
const statusChecks = (): number =>
  server.requests.filter(
    (request) => request.method === 'GET' && server.containers.has(request.path.split('/').at(-1)!),
  ).length

describe('instagramAdapter', () => {
  it('is the Instagram channel and cannot delete (the API has no delete)', () => {
    expect(instagramAdapter.channel).toBe('instagram')
    expect(instagramAdapter.canDelete).toBe(false)
    expect(instagramAdapter.remove).toBeUndefined()
  })
})

describe('publishing an image', () => {
  it('checks the quota, creates a container, publishes it and reads the permalink', async () => {
    const result = await adapter.publish(
      post({ link: 'https://hospital.example/asthma?utm_source=carecast' }),
      account,
    )

    const media = server.igMedia[0]!
    expect(result).toEqual({
      ok: true,
      remoteId: media.id,
      remoteUrl: media.permalink,
      status: 200,
    })
    expect(paths()).toEqual([
      'GET /v21.0/17841400000000001/content_publishing_limit',
      'POST /v21.0/17841400000000001/media',
      'POST /v21.0/17841400000000001/media_publish',
      `GET /v21.0/${media.id}`,
    ])
    const [limit, create, publish, permalink] = server.requests
    expect(limit).toMatchObject({
      query: { fields: 'config,quota_usage' },
      tokenIn: 'query',
      token: server.accessToken,
    })
    // Links are not clickable in Instagram captions, so the caption is the text alone.
    expect(create).toMatchObject({
      body: {
        image_url: IMAGE_URL,
        caption: TEXT,
        alt_text: 'Dr. Okafor listening to a child’s breathing',
      },
      tokenIn: 'body',
    })
    expect(create!.target).not.toContain('access_token')
    expect(publish).toMatchObject({
      body: { creation_id: [...server.containers.keys()][0] },
      tokenIn: 'body',
    })
    expect(permalink).toMatchObject({ query: { fields: 'permalink' } })
    expect(media.caption).toBe(TEXT)
    expect(server.quota.usage).toBe(1)
  })

  it('is fetched by Instagram from image_url while the container is made', async () => {
    await adapter.publish(post(), account)

    expect(server.fetches).toEqual([
      {
        url: IMAGE_URL,
        status: 200,
        contentType: 'image/jpeg',
        size: host.jpegSize,
        accepted: true,
      },
    ])
    expect(host.requests).toContain('GET /okafor.jpg')
  })

  it.each([
    ['is not there', '/gone.jpg'],
    ['is a web page, not an image', '/sign-in.html'],
  ])(
    'fails permanently when the image %s (9004 / 2207052), and spends no container',
    async (_, path) => {
      const url = host.url(path)
      const result = failure(await adapter.publish(post({ media: [image({ url })] }), account))

      expect(result).toMatchObject({ retryable: false, status: 400 })
      expect(result.message).toContain('Only photo or video can be accepted as media type.')
      expect(result.message).toContain(`The media could not be fetched from this uri: ${url}`)
      expect(result.message).toContain('code 9004, subcode 2207052')
      expect(server.containers.size).toBe(0)
      expect(server.fetches).toMatchObject([{ url, accepted: false }])
      expect(paths()).not.toContain('POST /v21.0/17841400000000001/media_publish')
    },
  )

  it('fails permanently when the image host does not answer at all', async () => {
    const gone = await startImageHost()
    const url = gone.url('/okafor.jpg')
    await gone.close()
    const result = failure(await adapter.publish(post({ media: [image({ url })] }), account))

    expect(result).toMatchObject({ retryable: false, status: 400 })
    expect(result.message).toContain('code 9004, subcode 2207052')
    expect(server.fetches).toEqual([{ url, status: 0, size: 0, accepted: false }])
  })

  it('uses the Graph version pinned in the account settings', async () => {
    await adapter.publish(post(), { ...account, settings: { graphVersion: 'v22.0' } })

    expect(server.requests.every((request) => request.version === 'v22.0')).toBe(true)
  })

  it('keeps the post when only the permalink read fails', async () => {
    server.failNext(graphErrors.transient, { method: 'GET', path: /^\/v21\.0\/1790\d+$/ })
    const result = await adapter.publish(post(), account)

    expect(result).toEqual({ ok: true, remoteId: server.igMedia[0]!.id, status: 200 })
  })
})

describe('publishing a video as a reel', () => {
  it('creates a REELS container, polls status_code until FINISHED, then publishes', async () => {
    server.setVideoProcessing({ polls: 2, outcome: 'FINISHED' })
    const result = await adapter.publish(post({ media: [video] }), account)

    expect(result.ok).toBe(true)
    const create = server.requests[1]!
    expect(create).toMatchObject({
      method: 'POST',
      path: '/v21.0/17841400000000001/media',
      body: { media_type: 'REELS', video_url: VIDEO_URL, caption: TEXT },
    })
    expect(create.body).not.toHaveProperty('alt_text')
    const containerId = [...server.containers.keys()][0]!
    expect(paths().slice(2, 6)).toEqual([
      `GET /v21.0/${containerId}`,
      `GET /v21.0/${containerId}`,
      `GET /v21.0/${containerId}`,
      'POST /v21.0/17841400000000001/media_publish',
    ])
    expect(server.requests[2]!.query).toEqual({ fields: 'status_code,status' })
    expect(server.igMedia[0]).toMatchObject({ caption: TEXT, media_type: 'VIDEO' })
  })

  it('fails permanently when processing ends in ERROR, keeping Instagram’s status text', async () => {
    server.setVideoProcessing({ polls: 1, outcome: 'ERROR' })
    const result = failure(await adapter.publish(post({ media: [video] }), account))

    expect(result).toMatchObject({ retryable: false, message: expect.stringContaining('2207026') })
    expect(paths()).not.toContain('POST /v21.0/17841400000000001/media_publish')
  })

  it('retries an ERROR whose documented remedy is a new container', async () => {
    server.setVideoProcessing({
      polls: 0,
      outcome: 'ERROR',
      errorDetail: 'Media upload has failed with error code 2207053',
    })

    expect(failure(await adapter.publish(post({ media: [video] }), account))).toMatchObject({
      retryable: true,
      message: expect.stringContaining('2207053'),
    })
  })

  it('retries an EXPIRED container', async () => {
    server.setVideoProcessing({ polls: 0, outcome: 'EXPIRED' })

    expect(failure(await adapter.publish(post({ media: [video] }), account))).toMatchObject({
      retryable: true,
      message: expect.stringContaining('expired'),
    })
  })

  it('gives up after maxPolls checks, retryably, without publishing', async () => {
    server.setVideoProcessing({ polls: 10, outcome: 'FINISHED' })
    const result = failure(
      await createInstagramAdapter({ pollIntervalMs: 1, maxPolls: 3 }).publish(
        post({ media: [video] }),
        account,
      ),
    )

    expect(result).toMatchObject({
      retryable: true,
      retryAfterMs: STILL_PROCESSING_WAIT_MS,
      message: expect.stringContaining('still processing'),
    })
    expect(statusChecks()).toBe(3)
    expect(server.igMedia).toHaveLength(0)
  })

  it('stops polling as soon as the caller aborts', async () => {
    server.setVideoProcessing({ polls: 100, outcome: 'FINISHED' })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const started = Date.now()
    const result = failure(
      await createInstagramAdapter({ pollIntervalMs: 10_000 }).publish(
        post({ media: [video] }),
        account,
        controller.signal,
      ),
    )

    expect(result).toMatchObject({ retryable: true, status: 0, message: 'the request timed out' })
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(statusChecks()).toBe(1)
  })
})

describe('refusals', () => {
  it('requires an image or a video: no media is a permanent failure, before any request', async () => {
    const result = failure(await adapter.publish(post({ media: [] }), account))

    expect(result).toMatchObject({
      retryable: false,
      message: 'Instagram: a post needs an image or a video, and this one has none',
    })
    expect(server.requests).toHaveLength(0)
  })

  it('requires a public URL, one media item, and a caption within 2,200 characters', async () => {
    const onDisk = failure(
      await adapter.publish(
        post({ media: [image({ url: undefined, filePath: '/srv/media/okafor.jpg' })] }),
        account,
      ),
    )
    const two = failure(await adapter.publish(post({ media: [image(), image()] }), account))
    const long = failure(
      await adapter.publish(post({ text: 'a'.repeat(CAPTION_LIMIT + 1) }), account),
    )

    expect(onDisk).toMatchObject({
      retryable: false,
      message: expect.stringContaining('public URL'),
    })
    expect(two).toMatchObject({
      retryable: false,
      message: expect.stringContaining('carousels are not supported'),
    })
    expect(long).toMatchObject({
      retryable: false,
      message: expect.stringContaining('limit is 2200'),
    })
    expect(server.requests).toHaveLength(0)
  })

  it('refuses retryably, before creating a container, when the 24-hour publishing quota is used up', async () => {
    server.quota.usage = 50
    const result = failure(await adapter.publish(post(), account))

    expect(result).toMatchObject({
      retryable: true,
      status: 429,
      retryAfterMs: PUBLISHING_QUOTA_WAIT_MS,
      message: expect.stringContaining('50 of 50'),
    })
    expect(paths()).toEqual(['GET /v21.0/17841400000000001/content_publishing_limit'])
    expect(server.containers.size).toBe(0)
  })

  it('treats the documented limit error from media_publish (9/2207042) as retryable', async () => {
    server.failNext(graphErrors.igQuota, { path: '/media_publish' })
    const result = failure(await adapter.publish(post(), account))

    expect(result).toMatchObject({
      retryable: true,
      status: 400,
      retryAfterMs: PUBLISHING_QUOTA_WAIT_MS,
    })
    expect(result.message).toContain('You reached maximum number of posts')
  })
})

describe('Graph errors while creating the container', () => {
  const cases: [string, GraphErrorSpec, boolean][] = [
    ['invalid token (190)', graphErrors.invalidToken, false],
    ['permission (200)', graphErrors.permission, false],
    ['invalid parameter (100)', graphErrors.invalidParameter, false],
    ['suspected spam (4/2207051)', graphErrors.igSpam, false],
    ['rate limit (4)', graphErrors.appRateLimit, true],
    [
      'Instagram business use case limit (80002)',
      {
        code: 80002,
        message: '(#80002) There have been too many calls to this Instagram account.',
      },
      true,
    ],
    ['Instagram server error (-1/2207001)', graphErrors.igServerError, true],
    ['media not ready (9007/2207027)', graphErrors.igNotReady, true],
    ['service error (2)', graphErrors.transient, true],
  ]

  it.each(cases)(
    '%s → retryable %s, keeping Instagram’s message',
    async (_name, spec, retryable) => {
      server.failNext(spec, { method: 'POST', path: '/media' })
      const result = failure(await adapter.publish(post(), account))

      expect(result.retryable).toBe(retryable)
      expect(result.status).toBe(spec.status ?? 400)
      expect(result.message).toContain(spec.message)
      if (spec.userMessage) expect(result.message).toContain(spec.userMessage)
      expect(server.igMedia).toHaveLength(0)
      expect(JSON.stringify(result)).not.toContain(server.accessToken)
    },
  )

  it('(the local Graph) refuses a container without image_url with code 100, as Graph does', async () => {
    const body = new URLSearchParams({ caption: TEXT, access_token: server.accessToken })
    const response = await fetch(`${server.url}/v21.0/${server.igUserId}/media`, {
      method: 'POST',
      body,
    })

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      error: {
        type: 'OAuthException',
        code: 100,
        message: '(#100) The parameter image_url is required',
      },
    })
    expect(server.containers.size).toBe(0)
  })

  it('stops at the quota check when the token is wrong, without echoing it', async () => {
    const wrong = 'IGQVJwrongtoken42'
    const result = failure(await adapter.publish(post(), { ...account, accessToken: wrong }))

    expect(result).toMatchObject({ retryable: false, message: expect.stringContaining('code 190') })
    expect(server.requests).toHaveLength(1)
    expect(JSON.stringify(result)).not.toContain(wrong)
  })

  it('strips the token from a message that quotes it', async () => {
    server.failNext(
      { code: 100, message: `(#100) Bad image_url for access_token=${server.accessToken}` },
      { path: '/media' },
    )
    const result = failure(await adapter.publish(post(), account))

    expect(result.message).toContain('access_token=[redacted]')
    expect(result.message).not.toContain(server.accessToken)
  })
})

describe('reconcile', () => {
  it('finds a media by its remote id', async () => {
    const published = await adapter.publish(post(), account)
    if (!published.ok) throw new Error(published.message)
    const found = await adapter.reconcile!(post(), account, published.remoteId)

    expect(found).toEqual({
      ok: true,
      remoteId: published.remoteId,
      remoteUrl: published.remoteUrl,
      status: 200,
    })
    expect(server.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: `/v21.0/${published.remoteId}`,
      query: { fields: 'id,permalink' },
    })
  })

  it('answers null for a remote id Graph does not know', async () => {
    expect(await adapter.reconcile!(post(), account, '17900000000000')).toBeNull()
  })

  it('without a remote id, finds a post made before a crash by its exact caption', async () => {
    const id = server.addIgMedia({ caption: TEXT })
    const found = await adapter.reconcile!(post(), account, undefined)

    expect(found).toEqual({
      ok: true,
      remoteId: id,
      remoteUrl: server.igMedia[0]!.permalink,
      status: 200,
    })
    expect(server.requests[0]).toMatchObject({
      method: 'GET',
      path: '/v21.0/17841400000000001/media',
      query: { fields: 'id,caption,permalink,timestamp', limit: '25' },
    })
  })

  it('does not take a near-identical caption, or the same caption from before the due time, for ours', async () => {
    server.addIgMedia({ caption: `${TEXT} ` })
    server.addIgMedia({ caption: TEXT, timestamp: Date.now() - 3 * 86_400_000 })

    expect(await adapter.reconcile!(post(), account, undefined)).toBeNull()
  })

  it('throws when it cannot read the account’s media, rather than answering "not there"', async () => {
    server.failNext(graphErrors.appRateLimit)
    await expect(adapter.reconcile!(post(), account, undefined)).rejects.toThrow(
      'Application request limit reached',
    )
  })
})
