import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createXAdapter, xAdapter } from '../../../../plugins/channels/x'
import {
  type ChannelAccount,
  type ChannelMedia,
  type ChannelPost,
  type ChannelResult,
  ReconcileFailed,
} from '../../../../plugins/scheduler/exports/channels'
import {
  type RecordedRequest,
  startXApiServer,
  type XApiServer,
} from '../../../support/networks/xApiServer'

const TOKEN = 'x-user-token-7f3a9c'
const USER = '1500000000000000001'
const DUE = '2026-03-01T09:00:00.000Z'

let dir: string
let image: Buffer
let video: Buffer
let server: XApiServer
let waits: number[]

// Sleeps are recorded, not waited, so check_after_secs can be asserted without slowing the suite.
const adapter = (options: Parameters<typeof createXAdapter>[0] = {}) =>
  createXAdapter({ chunkBytes: 4096, sleep: async (ms) => void waits.push(ms), ...options })

const account = (overrides: Partial<ChannelAccount> = {}): ChannelAccount => ({
  baseUrl: server.url,
  accessToken: TOKEN,
  externalId: USER,
  ...overrides,
})

const post = (overrides: Partial<ChannelPost> = {}): ChannelPost => ({
  idempotencyKey: `campaigns:42:x:${DUE}`,
  publicationId: 'pub-1',
  text: 'Flu shots are free at every clinic this week.',
  media: [],
  ...overrides,
})

const file = (
  name: string,
  kind: ChannelMedia['kind'],
  mimeType: string,
  altText?: string,
): ChannelMedia => ({
  kind,
  mimeType,
  filePath: path.join(dir, name),
  ...(altText ? { altText } : {}),
})

const routes = () =>
  server.requests.map((request) => `${request.method} ${request.path.split('?')[0]}`)
const only = (route: string): RecordedRequest[] =>
  server.requests.filter((request) => `${request.method} ${request.path.split('?')[0]}` === route)
const formFile = (request: RecordedRequest, name: string) => {
  const value = request.form?.[name]
  if (!value || typeof value === 'string') throw new Error(`no file field ${name}`)
  return value
}
const expectFailure = (result: ChannelResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
  return result
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'carecast-x-'))
  image = randomBytes(3000)
  video = randomBytes(10_000)
  await writeFile(path.join(dir, 'nurse.png'), image)
  await writeFile(path.join(dir, 'tour.mp4'), video)
  await writeFile(path.join(dir, 'wave.gif'), image)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

beforeEach(async () => {
  waits = []
  server = await startXApiServer({
    users: { [TOKEN]: USER, 'someone-else': '42' },
    processingPolls: 2,
    checkAfterSecs: 3,
  })
})

afterEach(async () => {
  await server.close()
})

describe('X adapter: publish', () => {
  it('is the x channel and can delete', () => {
    expect(xAdapter.channel).toBe('x')
    expect(xAdapter.canDelete).toBe(true)
  })

  it('sends POST /2/tweets with the bearer token and a JSON body, and maps the 201', async () => {
    const result = await adapter().publish(post(), account())

    const [request] = server.requests
    expect(routes()).toEqual(['POST /2/tweets'])
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(request.headers['content-type']).toBe('application/json')
    expect(request.json).toEqual({ text: 'Flu shots are free at every clinic this week.' })
    const [tweet] = server.tweets.values()
    expect(result).toEqual({
      ok: true,
      remoteId: tweet.id,
      remoteUrl: `https://x.com/i/web/status/${tweet.id}`,
      status: 201,
    })
    expect(tweet).toMatchObject({
      authorId: USER,
      text: 'Flu shots are free at every clinic this week.',
    })
  })

  it('sends the text exactly as given: links, entities, emoji, line breaks and spacing untouched', async () => {
    const text =
      'Walk-in flu shots 💉 & screenings <free>\n\nhttps://example-hospital.org/flu?utm_source=carecast&utm_medium=social  #FluSeason '
    const result = await adapter().publish(post({ text }), account())

    expect(result.ok).toBe(true)
    expect(server.requests[0].json).toEqual({ text })
  })

  it('uploads an image in one multipart request, sets its alt text, then attaches it', async () => {
    const altText = 'A nurse giving a flu shot to a smiling patient'
    const result = await adapter().publish(
      post({ media: [file('nurse.png', 'image', 'image/png', altText)] }),
      account(),
    )

    expect(routes()).toEqual(['POST /2/media/upload', 'POST /2/media/metadata', 'POST /2/tweets'])
    const [upload, metadata, create] = server.requests
    const [stored] = server.media.values()
    expect(upload.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    expect(formFile(upload, 'media')).toMatchObject({
      filename: 'nurse.png',
      type: 'image/png',
      bytes: image,
    })
    expect(upload.form).toMatchObject({ media_category: 'tweet_image', media_type: 'image/png' })
    expect(metadata.json).toEqual({ id: stored.id, metadata: { alt_text: { text: altText } } })
    expect(create.json).toEqual({ text: post().text, media: { media_ids: [stored.id] } })
    expect(stored.altText).toBe(altText)
    expect(result.ok).toBe(true)
  })

  it('makes no metadata request when the image has no alt text', async () => {
    await adapter().publish(post({ media: [file('nurse.png', 'image', 'image/png')] }), account())

    expect(routes()).toEqual(['POST /2/media/upload', 'POST /2/tweets'])
  })

  it('uploads a video in segments (initialize, append, finalize), polls STATUS as told, then posts', async () => {
    const result = await adapter().publish(
      post({ media: [file('tour.mp4', 'video', 'video/mp4', 'Tour of the new maternity ward')] }),
      account(),
    )

    const [stored] = server.media.values()
    expect(routes()).toEqual([
      'POST /2/media/upload/initialize',
      'POST /2/media/upload/' + stored.id + '/append',
      'POST /2/media/upload/' + stored.id + '/append',
      'POST /2/media/upload/' + stored.id + '/append',
      'POST /2/media/upload/' + stored.id + '/finalize',
      'GET /2/media/upload',
      'GET /2/media/upload',
      'POST /2/tweets',
    ])
    expect(server.requests[0].json).toEqual({
      media_type: 'video/mp4',
      total_bytes: video.length,
      media_category: 'tweet_video',
    })
    const appends = only(`POST /2/media/upload/${stored.id}/append`)
    expect(appends.map((request) => request.form?.segment_index)).toEqual(['0', '1', '2'])
    expect(Buffer.concat(appends.map((request) => formFile(request, 'media').bytes))).toEqual(video)
    expect(only('GET /2/media/upload')[0].path).toBe(
      `/2/media/upload?command=STATUS&media_id=${stored.id}`,
    )
    expect(waits).toEqual([3000, 3000])
    expect(only('POST /2/tweets')[0].json).toEqual({
      text: post().text,
      media: { media_ids: [stored.id] },
    })
    expect(stored.bytes).toEqual(video)
    expect(result.ok).toBe(true)
  })

  it('sends GIFs through the segmented flow as tweet_gif, with their alt text', async () => {
    await adapter().publish(
      post({ media: [file('wave.gif', 'image', 'image/gif', 'Staff waving')] }),
      account(),
    )

    expect(server.requests[0].json).toEqual({
      media_type: 'image/gif',
      total_bytes: image.length,
      media_category: 'tweet_gif',
    })
    expect(routes().slice(-2)).toEqual(['POST /2/media/metadata', 'POST /2/tweets'])
  })

  it('fails for good when X reports the video could not be processed, and posts nothing', async () => {
    server.failNext('GET /2/media/upload', { kind: 'processing-failed' })
    const result = await adapter().publish(
      post({ media: [file('tour.mp4', 'video', 'video/mp4')] }),
      account(),
    )

    expect(result).toEqual({
      ok: false,
      retryable: false,
      status: 200,
      message: 'Unsupported video format',
    })
    expect(server.tweets.size).toBe(0)
  })

  it('stops polling at its bound and says to try again later', async () => {
    await server.close()
    server = await startXApiServer({
      users: { [TOKEN]: USER },
      processingPolls: 50,
      checkAfterSecs: 3,
    })
    const result = await adapter({ maxStatusPolls: 2 }).publish(
      post({ media: [file('tour.mp4', 'video', 'video/mp4')] }),
      account(),
    )

    expect(expectFailure(result)).toMatchObject({ retryable: true, status: 0, retryAfterMs: 3000 })
    expect(expectFailure(result).message).toMatch(/still processing/)
    expect(only('GET /2/media/upload')).toHaveLength(2)
    expect(server.tweets.size).toBe(0)
  })

  it('stops waiting for processing as soon as the caller aborts', async () => {
    await server.close()
    server = await startXApiServer({
      users: { [TOKEN]: USER },
      processingPolls: 2,
      checkAfterSecs: 30,
    })
    const started = Date.now()
    const result = await createXAdapter({ chunkBytes: 4096 }).publish(
      post({ media: [file('tour.mp4', 'video', 'video/mp4')] }),
      account(),
      AbortSignal.timeout(300),
    )

    expect(result).toEqual({
      ok: false,
      retryable: true,
      status: 0,
      message: 'the request timed out',
    })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(only('GET /2/media/upload')).toHaveLength(0)
    expect(server.tweets.size).toBe(0)
  })

  it('fails for good, without calling X, when the media file is missing', async () => {
    const result = await adapter().publish(
      post({ media: [file('gone.png', 'image', 'image/png')] }),
      account(),
    )

    expect(expectFailure(result)).toMatchObject({ retryable: false, status: 0 })
    expect(expectFailure(result).message).toMatch(/cannot read the media file/)
    expect(server.requests).toHaveLength(0)
  })
})

describe('X adapter: documented errors', () => {
  it('429: retryable, waiting until x-rate-limit-reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 120
    server.failNext('POST /2/tweets', { kind: 'rate-limit', resetEpochSeconds: reset })
    const failure = expectFailure(await adapter().publish(post(), account()))

    expect(failure).toMatchObject({ retryable: true, status: 429, message: 'Too Many Requests' })
    expect(failure.retryAfterMs).toBeGreaterThan(reset * 1000 - Date.now() - 2000)
    expect(failure.retryAfterMs).toBeLessThanOrEqual(reset * 1000 - Date.now() + 1000)
  })

  it('429 from the 24-hour user cap: waits for that cap, not the 15-minute window', async () => {
    const reset = Math.floor(Date.now() / 1000) + 6 * 3600
    server.failNext('POST /2/tweets', {
      kind: 'rate-limit',
      resetEpochSeconds: reset,
      limit: 'user-24h',
    })
    const failure = expectFailure(await adapter().publish(post(), account()))

    expect(failure.retryable).toBe(true)
    expect(failure.retryAfterMs).toBeGreaterThan(6 * 3600 * 1000 - 5000)
  })

  it('403 duplicate content: permanent, with X’s message', async () => {
    await adapter().publish(post(), account())
    const failure = expectFailure(await adapter().publish(post(), account()))

    expect(failure).toEqual({
      ok: false,
      retryable: false,
      status: 403,
      message: 'Forbidden: You are not allowed to create a Tweet with duplicate content.',
    })
    expect(server.tweets.size).toBe(1)
  })

  it('400 for text X finds too long: the text still went out as given, and the failure is permanent', async () => {
    const text = `${'a'.repeat(281)}`
    const failure = expectFailure(await adapter().publish(post({ text }), account()))

    expect(server.requests[0].json).toEqual({ text })
    expect(failure).toMatchObject({ retryable: false, status: 400 })
    expect(failure.message).toBe(
      'Invalid Request: One or more parameters to your request was invalid. — Your Tweet text is too long.',
    )
  })

  it('401 for a wrong token and for none: permanent, and no Authorization header is invented', async () => {
    const wrong = expectFailure(
      await adapter().publish(post(), account({ accessToken: 'expired-token' })),
    )
    const none = expectFailure(await adapter().publish(post(), account({ accessToken: undefined })))

    expect(wrong).toEqual({ ok: false, retryable: false, status: 401, message: 'Unauthorized' })
    expect(none).toEqual({ ok: false, retryable: false, status: 401, message: 'Unauthorized' })
    expect(server.requests[1].headers.authorization).toBeUndefined()
  })

  it('other 403s are permanent, with X’s detail', async () => {
    server.failNext('POST /2/tweets', {
      kind: 'forbidden',
      detail: 'You are not permitted to perform this action.',
    })
    const failure = expectFailure(await adapter().publish(post(), account()))

    expect(failure).toEqual({
      ok: false,
      retryable: false,
      status: 403,
      message: 'Forbidden: You are not permitted to perform this action.',
    })
  })

  it.each([500, 503] as const)('%i: retryable, with X’s title', async (status) => {
    server.failNext('POST /2/tweets', { kind: 'server-error', status })
    const failure = expectFailure(await adapter().publish(post(), account()))

    expect(failure).toMatchObject({ retryable: true, status })
    expect(failure.message).toBe(status === 500 ? 'Internal Server Error' : 'Service Unavailable')
  })

  it('a failed media upload ends the publish before any post is made', async () => {
    server.failNext('POST /2/media/upload', { kind: 'server-error', status: 503 })
    const failure = expectFailure(
      await adapter().publish(
        post({ media: [file('nurse.png', 'image', 'image/png')] }),
        account(),
      ),
    )

    expect(failure).toMatchObject({ retryable: true, status: 503 })
    expect(routes()).toEqual(['POST /2/media/upload'])
  })

  it('a dropped connection is a retryable network failure (status 0)', async () => {
    server.failNext('POST /2/tweets', { kind: 'drop-connection' })
    const failure = expectFailure(await adapter().publish(post(), account()))

    expect(failure).toMatchObject({ retryable: true, status: 0 })
  })

  it('never returns the token, even when the error text quotes the header', async () => {
    const token = `${TOKEN}\nbroken`
    const failure = expectFailure(await adapter().publish(post(), account({ accessToken: token })))

    expect(failure.status).toBe(0)
    expect(failure.message).toContain('[redacted]')
    expect(JSON.stringify(failure)).not.toContain(TOKEN)
  })
})

describe('X adapter: remove', () => {
  it('sends DELETE /2/tweets/:id and confirms { deleted: true }', async () => {
    const published = await adapter().publish(post(), account())
    if (!published.ok) throw new Error('publish failed')
    const result = await adapter().remove?.(published.remoteId, account())

    const request = server.requests.at(-1)
    expect(`${request?.method} ${request?.path}`).toBe(`DELETE /2/tweets/${published.remoteId}`)
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(result).toEqual({ ok: true, remoteId: published.remoteId, status: 200 })
    expect(server.tweets.size).toBe(0)
  })

  it('does not report a post X cannot find as removed', async () => {
    const failure = expectFailure(
      (await adapter().remove?.('1860000000000009999', account())) as ChannelResult,
    )

    expect(failure).toMatchObject({ retryable: false, status: 404 })
  })

  it('is retryable when rate-limited', async () => {
    server.failNext('DELETE /2/tweets/:id', {
      kind: 'rate-limit',
      resetEpochSeconds: Math.floor(Date.now() / 1000) + 60,
    })
    const failure = expectFailure(
      (await adapter().remove?.('1860000000000000001', account())) as ChannelResult,
    )

    expect(failure).toMatchObject({ retryable: true, status: 429 })
  })
})

describe('X adapter: reconcile', () => {
  const text =
    'Free screenings & flu shots <Saturday> https://example-hospital.org/flu?utm_source=carecast and example.org'

  it('finds the post made since the due time, through X’s t.co links and escaped entities', async () => {
    const published = await adapter().publish(
      post({ text, media: [file('nurse.png', 'image', 'image/png')] }),
      account(),
    )
    if (!published.ok) throw new Error('publish failed')
    const found = await adapter().reconcile?.(post({ text }), account(), undefined)

    const lookup = server.requests.at(-1)
    const query = new URL(lookup?.path ?? '', server.url).searchParams
    expect(lookup?.path.split('?')[0]).toBe(`/2/users/${USER}/tweets`)
    expect(Object.fromEntries(query)).toEqual({
      max_results: '100',
      exclude: 'replies,retweets',
      'tweet.fields': 'created_at,entities,note_tweet',
      start_time: '2026-03-01T08:50:00Z',
    })
    expect(found).toEqual({
      ok: true,
      remoteId: published.remoteId,
      remoteUrl: published.remoteUrl,
      status: 200,
    })
  })

  it('returns null when no post has that text, or only one from before the due time', async () => {
    server.seedTweet(USER, text, new Date('2026-02-01T00:00:00Z'))
    await adapter().publish(post({ text: `${text} (updated)` }), account())

    expect(await adapter().reconcile?.(post({ text }), account(), undefined)).toBeNull()
  })

  it('with a remote id, looks that post up: found, or null when X says Not Found', async () => {
    const published = await adapter().publish(post(), account())
    if (!published.ok) throw new Error('publish failed')

    expect(await adapter().reconcile?.(post(), account(), published.remoteId)).toEqual({
      ...published,
      status: 200,
    })
    expect(server.requests.at(-1)?.path).toBe(`/2/tweets/${published.remoteId}`)
    expect(await adapter().reconcile?.(post(), account(), '1860000000000009999')).toBeNull()
  })

  it('throws, token-free, when X cannot be asked: that is not "not there"', async () => {
    server.failNext('GET /2/users/:id/tweets', {
      kind: 'rate-limit',
      resetEpochSeconds: Math.floor(Date.now() / 1000) + 60,
    })

    const limited = await adapter()
      .reconcile?.(post(), account(), undefined)
      .catch((error: unknown) => error)
    // The failure as publish would give it, so the dispatcher waits until the window resets.
    expect(limited).toBeInstanceOf(ReconcileFailed)
    expect((limited as ReconcileFailed).message).toBe(
      'X lookup failed (HTTP 429): Too Many Requests',
    )
    expect((limited as ReconcileFailed).failure).toMatchObject({ retryable: true, status: 429 })
    expect((limited as ReconcileFailed).failure.retryAfterMs).toBeGreaterThan(55_000)
    const unconfigured = await adapter()
      .reconcile?.(post(), account({ externalId: undefined }), undefined)
      .catch((error: unknown) => error)
    expect((unconfigured as ReconcileFailed).failure).toMatchObject({
      retryable: false,
      message: expect.stringMatching(/externalId/),
    })
    await expect(
      adapter().reconcile?.(post(), account({ accessToken: `${TOKEN}\nbroken` }), undefined),
    ).rejects.toThrow(/\[redacted\]/)
  })
})
