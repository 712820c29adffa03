import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import {
  DEFAULT_LINKEDIN_VERSION,
  escapeLittleText,
  linkedinAdapter,
} from '../../../../plugins/channels/linkedin'
import type {
  ChannelAccount,
  ChannelMedia,
  ChannelPost,
  ChannelResult,
} from '../../../../plugins/scheduler'
import {
  type LinkedInApiServer,
  renderLittleText,
  startLinkedInApiServer,
} from '../../../support/networks/linkedinApiServer'

const TOKEN = 'li-token-3b8e21'
const ORG = 'urn:li:organization:2414183'
const DUE = '2026-03-01T09:00:00.000Z'

let dir: string
let photo: Buffer
let server: LinkedInApiServer

const account = (overrides: Partial<ChannelAccount> = {}): ChannelAccount => ({
  baseUrl: server.url,
  accessToken: TOKEN,
  externalId: ORG,
  settings: { linkedinVersion: '202607' },
  ...overrides,
})

const post = (overrides: Partial<ChannelPost> = {}): ChannelPost => ({
  idempotencyKey: `campaigns:42:linkedin:${DUE}`,
  publicationId: 'pub-1',
  text: 'Our heart team is hiring nurses.',
  media: [],
  ...overrides,
})

const photoMedia = (altText?: string, name = 'ward.jpg'): ChannelMedia => ({
  kind: 'image',
  mimeType: 'image/jpeg',
  filePath: path.join(dir, name),
  ...(altText ? { altText } : {}),
})
const routes = () =>
  server.requests.map((request) => `${request.method} ${request.path.split('?')[0]}`)
const expectFailure = (result: ChannelResult | undefined) => {
  if (!result || result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
  return result
}
const published = async (overrides: Partial<ChannelPost> = {}) => {
  const result = await linkedinAdapter.publish(post(overrides), account())
  if (!result.ok) throw new Error(`publish failed: ${result.message}`)
  return result
}

const BODY = {
  author: ORG,
  commentary: 'Our heart team is hiring nurses.',
  visibility: 'PUBLIC',
  distribution: {
    feedDistribution: 'MAIN_FEED',
    targetEntities: [],
    thirdPartyDistributionChannels: [],
  },
  lifecycleState: 'PUBLISHED',
  isReshareDisabledByAuthor: false,
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'carecast-linkedin-'))
  photo = randomBytes(2048)
  await writeFile(path.join(dir, 'ward.jpg'), photo)
  await writeFile(path.join(dir, 'team.jpg'), randomBytes(1024))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

beforeEach(async () => {
  server = await startLinkedInApiServer({ tokens: { [TOKEN]: [ORG] }, retiredVersions: ['202401'] })
})

afterEach(async () => {
  await server.close()
})

describe('LinkedIn adapter: publish', () => {
  it('is the linkedin channel and can delete', () => {
    expect(linkedinAdapter.channel).toBe('linkedin')
    expect(linkedinAdapter.canDelete).toBe(true)
  })

  it('sends POST /rest/posts with the versioned headers and the documented body, and maps x-restli-id', async () => {
    const result = await linkedinAdapter.publish(post(), account())

    const [request] = server.requests
    const [stored] = server.posts.values()
    expect(routes()).toEqual(['POST /rest/posts'])
    expect(request.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'linkedin-version': '202607',
      'x-restli-protocol-version': '2.0.0',
      'content-type': 'application/json',
    })
    expect(request.json).toEqual(BODY)
    expect(result).toEqual({
      ok: true,
      remoteId: stored.id,
      remoteUrl: `https://www.linkedin.com/feed/update/${stored.id}/`,
      status: 201,
    })
    expect(stored.id).toMatch(/^urn:li:share:\d+$/)
  })

  it('uses the default LinkedIn-Version when the account sets none', async () => {
    await linkedinAdapter.publish(post(), account({ settings: {} }))

    expect(server.requests[0].headers['linkedin-version']).toBe(DEFAULT_LINKEDIN_VERSION)
    expect(DEFAULT_LINKEDIN_VERSION).toMatch(/^\d{6}$/)
  })

  it('escapes every little-text reserved character, so members see the text exactly as written', async () => {
    const text =
      'Flu shots (free!) for ages 6+ | walk-ins @ main lobby [Bldg A] <3 #1 priority \\o/ *today* _only_ ~9am {no appt}'
    await published({ text })

    const [stored] = server.posts.values()
    expect(stored.commentary).toBe(escapeLittleText(text))
    expect(stored.renderedText).toBe(text)
    // Unescaped, LinkedIn would cut the text at the first parenthesis.
    expect(renderLittleText(text)).toBe('Flu shots ')
  })

  it('uploads an image (initializeUpload, then PUT to the URL LinkedIn gave) and references it with alt text', async () => {
    const altText = 'Nurses at the new cardiac ward'
    const result = await linkedinAdapter.publish(post({ media: [photoMedia(altText)] }), account())

    const [initialize, upload, create] = server.requests
    const [image] = server.images.values()
    expect(routes()).toEqual([
      'POST /rest/images',
      `PUT ${upload.path.split('?')[0]}`,
      'POST /rest/posts',
    ])
    expect(initialize.path).toBe('/rest/images?action=initializeUpload')
    expect(initialize.headers).toMatchObject({
      'linkedin-version': '202607',
      'x-restli-protocol-version': '2.0.0',
      authorization: `Bearer ${TOKEN}`,
    })
    expect(initialize.json).toEqual({ initializeUploadRequest: { owner: ORG } })
    expect(upload.path).toMatch(/^\/dms-uploads\/D4E10AQ\d+\?ca=vector_feedshare&cn=uploads$/)
    expect(upload.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'image/jpeg',
    })
    expect(upload.body).toEqual(photo)
    expect(create.json).toEqual({ ...BODY, content: { media: { id: image.urn, altText } } })
    expect(image).toMatchObject({ owner: ORG, status: 'AVAILABLE', bytes: photo })
    expect(result.ok).toBe(true)
  })

  it('sends several images as multiImage', async () => {
    await published({ media: [photoMedia('Ward'), photoMedia(undefined, 'team.jpg')] })

    const [first, second] = server.images.values()
    expect(server.requests.at(-1)?.json).toMatchObject({
      content: { multiImage: { images: [{ id: first.urn, altText: 'Ward' }, { id: second.urn }] } },
    })
  })

  it('sends a link as an article, titled from the document', async () => {
    const link = 'https://example-hospital.org/careers?utm_source=carecast'
    await published({ link, document: { title: 'Join our heart team' } })
    await published({ text: 'Second post', link })

    expect(server.requests[0].json).toEqual({
      ...BODY,
      content: { article: { source: link, title: 'Join our heart team' } },
    })
    expect(server.requests[1].json).toMatchObject({
      content: { article: { source: link, title: 'example-hospital.org' } },
    })
  })

  it('refuses videos and accounts without an author URN for good, without calling LinkedIn', async () => {
    const video = expectFailure(
      await linkedinAdapter.publish(
        post({
          media: [{ kind: 'video', mimeType: 'video/mp4', filePath: path.join(dir, 'x.mp4') }],
        }),
        account(),
      ),
    )
    const noAuthor = expectFailure(
      await linkedinAdapter.publish(post(), account({ externalId: undefined })),
    )

    expect(video).toMatchObject({
      retryable: false,
      status: 0,
      message: 'LinkedIn video posts are not supported by this adapter yet',
    })
    expect(noAuthor).toMatchObject({ retryable: false, status: 0 })
    expect(noAuthor.message).toMatch(/author URN/)
    expect(server.requests).toHaveLength(0)
  })
})

describe('LinkedIn adapter: documented errors', () => {
  it('429 with Retry-After: retryable, waiting as told', async () => {
    server.failNext('POST /rest/posts', { kind: 'rate-limit', retryAfterSeconds: 90 })
    const failure = expectFailure(await linkedinAdapter.publish(post(), account()))

    expect(failure).toEqual({
      ok: false,
      retryable: true,
      status: 429,
      message:
        'Resource level throttle APPLICATION DAY limit for calls to this resource is reached. (TOO_MANY_REQUESTS)',
      retryAfterMs: 90_000,
    })
  })

  it('429 without Retry-After: retryable, the wait left to the dispatcher', async () => {
    server.failNext('POST /rest/posts', { kind: 'rate-limit' })
    const failure = expectFailure(await linkedinAdapter.publish(post(), account()))

    expect(failure.retryable).toBe(true)
    expect(failure).not.toHaveProperty('retryAfterMs')
  })

  it('426 for a version LinkedIn no longer serves: permanent, with its message', async () => {
    const failure = expectFailure(
      await linkedinAdapter.publish(post(), account({ settings: { linkedinVersion: '202401' } })),
    )

    expect(failure).toEqual({
      ok: false,
      retryable: false,
      status: 426,
      message: 'Requested version 20240101 is not active (NONEXISTENT_VERSION)',
    })
    expect(server.posts.size).toBe(0)
  })

  it('the fake answers a call without LinkedIn-Version as LinkedIn does (400 VERSION_MISSING)', async () => {
    const response = await fetch(`${server.url}/rest/posts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(BODY),
    })

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ status: 400, code: 'VERSION_MISSING' })
  })

  it('401 for an unknown, revoked or missing token: permanent', async () => {
    const unknown = expectFailure(
      await linkedinAdapter.publish(post(), account({ accessToken: 'stale' })),
    )
    server.failNext('POST /rest/posts', { kind: 'revoked-token' })
    const revoked = expectFailure(await linkedinAdapter.publish(post(), account()))
    const missing = expectFailure(
      await linkedinAdapter.publish(post(), account({ accessToken: undefined })),
    )

    expect(unknown).toEqual({
      ok: false,
      retryable: false,
      status: 401,
      message: 'Invalid access token (INVALID_ACCESS_TOKEN)',
    })
    expect(revoked).toMatchObject({
      retryable: false,
      status: 401,
      message: 'The token used in the request has been revoked by the user (REVOKED_ACCESS_TOKEN)',
    })
    expect(missing).toEqual({
      ok: false,
      retryable: false,
      status: 401,
      message: 'Empty oauth2_access_token',
    })
  })

  it('403 and 422 are permanent, with LinkedIn’s message', async () => {
    server.failNext('POST /rest/posts', { kind: 'forbidden' })
    const forbidden = expectFailure(await linkedinAdapter.publish(post(), account()))
    const notOurs = expectFailure(
      await linkedinAdapter.publish(post(), account({ externalId: 'urn:li:organization:999' })),
    )

    expect(forbidden).toMatchObject({ retryable: false, status: 403 })
    expect(forbidden.message).toMatch(/^Not enough permissions to access/)
    expect(notOurs).toMatchObject({ retryable: false, status: 403 })
  })

  it('5xx is retryable, on the post or on the image upload', async () => {
    server.failNext('POST /rest/posts', { kind: 'server-error', status: 503 })
    const onPost = expectFailure(await linkedinAdapter.publish(post(), account()))
    server.failNext('PUT /dms-uploads/:id', { kind: 'server-error', status: 500 })
    const onUpload = expectFailure(
      await linkedinAdapter.publish(post({ media: [photoMedia()] }), account()),
    )

    expect(onPost).toEqual({
      ok: false,
      retryable: true,
      status: 503,
      message: 'Internal Server Error',
    })
    expect(onUpload).toMatchObject({ retryable: true, status: 500 })
    expect(server.posts.size).toBe(0)
  })

  it('a dropped connection is a retryable network failure (status 0)', async () => {
    server.failNext('POST /rest/images', { kind: 'drop-connection' })
    const failure = expectFailure(
      await linkedinAdapter.publish(post({ media: [photoMedia()] }), account()),
    )

    expect(failure).toMatchObject({ retryable: true, status: 0 })
  })

  it('never returns the token, even when the error text quotes the header', async () => {
    const failure = expectFailure(
      await linkedinAdapter.publish(post(), account({ accessToken: `${TOKEN}\nbroken` })),
    )

    expect(failure.message).toContain('[redacted]')
    expect(JSON.stringify(failure)).not.toContain(TOKEN)
  })
})

describe('LinkedIn adapter: remove', () => {
  it('sends DELETE /rest/posts/{encoded URN} and takes the 204', async () => {
    const { remoteId } = await published()
    const result = await linkedinAdapter.remove?.(remoteId, account())

    const request = server.requests.at(-1)
    expect(`${request?.method} ${request?.path}`).toBe(
      `DELETE /rest/posts/${encodeURIComponent(remoteId)}`,
    )
    expect(request?.headers).toMatchObject({
      'linkedin-version': '202607',
      'x-restli-protocol-version': '2.0.0',
      'x-restli-method': 'DELETE',
    })
    expect(result).toEqual({ ok: true, remoteId, status: 204 })
    expect(server.posts.size).toBe(0)
    expect(await linkedinAdapter.remove?.(remoteId, account())).toEqual({
      ok: true,
      remoteId,
      status: 204,
    })
  })

  it('does not report a post LinkedIn never had as removed', async () => {
    const failure = expectFailure(await linkedinAdapter.remove?.('urn:li:share:1', account()))

    expect(failure).toMatchObject({ retryable: false, status: 404 })
  })
})

describe('LinkedIn adapter: reconcile', () => {
  const text = 'Blood drive (Saturday) #GiveBlood'

  it('finds the post through the author finder by its commentary', async () => {
    const { remoteId, remoteUrl } = await published({ text })
    const found = await linkedinAdapter.reconcile?.(post({ text }), account(), undefined)

    const lookup = server.requests.at(-1)
    expect(lookup?.path).toBe(
      `/rest/posts?author=${encodeURIComponent(ORG)}&q=author&count=50&sortBy=LAST_MODIFIED`,
    )
    expect(lookup?.headers).toMatchObject({
      'x-restli-method': 'FINDER',
      'linkedin-version': '202607',
    })
    expect(found).toEqual({ ok: true, remoteId, remoteUrl, status: 200 })
  })

  it('returns null for other text, or the same text posted before the due time', async () => {
    server.seedPost(ORG, escapeLittleText(text), Date.parse('2026-02-01T00:00:00Z'))
    await published({ text: 'Blood drive moved to Sunday' })

    expect(await linkedinAdapter.reconcile?.(post({ text }), account(), undefined)).toBeNull()
  })

  it('with a remote id, looks that post up: found, or null on 404', async () => {
    const { remoteId, remoteUrl } = await published()

    expect(await linkedinAdapter.reconcile?.(post(), account(), remoteId)).toEqual({
      ok: true,
      remoteId,
      remoteUrl,
      status: 200,
    })
    expect(server.requests.at(-1)?.path).toBe(`/rest/posts/${encodeURIComponent(remoteId)}`)
    expect(await linkedinAdapter.reconcile?.(post(), account(), 'urn:li:share:1')).toBeNull()
  })

  it('throws, token-free, when LinkedIn cannot be asked', async () => {
    server.failNext('GET /rest/posts', { kind: 'server-error', status: 503 })

    await expect(linkedinAdapter.reconcile?.(post(), account(), undefined)).rejects.toThrow(
      'LinkedIn lookup failed (HTTP 503): Internal Server Error',
    )
    await expect(
      linkedinAdapter.reconcile?.(post(), account({ accessToken: `${TOKEN}\nbroken` }), undefined),
    ).rejects.toThrow(/\[redacted\]/)
  })
})
