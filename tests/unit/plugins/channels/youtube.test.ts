import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

// Payload loads undici 7, which makes itself the dispatcher of every fetch in the process, so in a
// worker the adapter's requests go through it; these tests run the same way. (Under Node's own
// client, a doubled `Content-Length: 0, 0` passed here and failed every resume in production.)
import 'undici'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type {
  ChannelAccount,
  ChannelMedia,
  ChannelPost,
  ChannelResult,
} from '../../../../plugins/scheduler'
import { createYoutubeAdapter, youtubeAdapter } from '../../../../plugins/channels/youtube'
import {
  type RecordedRequest,
  startYoutubeServer,
  type YoutubeServer,
} from '../../../support/networks/youtubeServer'

const TOKEN = 'ya29.youtube-token-91c2'
const DUE = '2026-03-10T20:00:00.000Z'
// 20:00 UTC on 10 March 2026 is 13:00 PDT: the quota resets in 11 hours.
const NOW = Date.parse(DUE)
const SIZE = 300_000

let dir: string
let bytes: Buffer
let server: YoutubeServer

const adapter = (options: Parameters<typeof createYoutubeAdapter>[0] = {}) =>
  createYoutubeAdapter({ now: () => NOW, ...options })
const account = (overrides: Partial<ChannelAccount> = {}): ChannelAccount => ({
  baseUrl: server.url,
  accessToken: TOKEN,
  ...overrides,
})

const captions = [
  {
    language: 'en',
    label: 'English',
    vtt: 'WEBVTT\n\n00:00.000 --> 00:02.000\nWelcome to St Mary’s.\n',
  },
  {
    language: 'es',
    label: 'Español',
    vtt: 'WEBVTT\n\n00:00.000 --> 00:02.000\nBienvenidos a St Mary’s.\n',
  },
]

const clip = (overrides: Partial<ChannelMedia> = {}): ChannelMedia => ({
  kind: 'video',
  mimeType: 'video/mp4',
  filePath: path.join(dir, 'tour.mp4'),
  title: 'A tour of the new maternity ward',
  description: 'Meet the team and see the birthing suites.',
  ...overrides,
})

const post = (overrides: Partial<ChannelPost> = {}): ChannelPost => ({
  idempotencyKey: `videos:12:youtube:${DUE}`,
  publicationId: 'pub-12',
  text: 'Take a tour of our new maternity ward.',
  media: [clip()],
  ...overrides,
})

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')
const routes = () =>
  server.requests.map((request) => `${request.method} ${request.path.split('?')[0]}`)
const uploads = (): RecordedRequest[] =>
  server.requests.filter((request) => request.method === 'PUT')
const expectFailure = (result: ChannelResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
  return result
}
const expectSuccess = (result: ChannelResult | null | undefined) => {
  if (!result?.ok) throw new Error(`expected a success, got ${JSON.stringify(result)}`)
  return result
}

/** What a crashed worker would leave: a session with its first `sent` bytes uploaded. */
const partialSession = async (sent: number): Promise<string> => {
  const opened = await fetch(
    `${server.url}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`,
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        'Content-Type': 'application/json; charset=UTF-8',
        'X-Upload-Content-Length': String(SIZE),
        'X-Upload-Content-Type': 'video/mp4',
      },
      body: JSON.stringify({
        snippet: { title: 'A tour of the new maternity ward' },
        status: { privacyStatus: 'public' },
      }),
    },
  )
  const session = opened.headers.get('location') as string
  const partial = await fetch(session, {
    method: 'PUT',
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      'Content-Range': `bytes 0-${sent - 1}/${SIZE}`,
      'Content-Type': 'video/mp4',
    },
    body: new Uint8Array(bytes.subarray(0, sent)),
  })
  expect(partial.status).toBe(308)
  server.requests.length = 0
  return session
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'carecast-youtube-'))
  bytes = randomBytes(SIZE)
  await writeFile(path.join(dir, 'tour.mp4'), bytes)
  await writeFile(path.join(dir, 'empty.mp4'), Buffer.alloc(0))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

beforeEach(async () => {
  server = await startYoutubeServer({ tokens: [TOKEN] })
})

afterEach(async () => {
  await server.close()
})

describe('YouTube adapter: resumable upload', () => {
  it('is the youtube channel and can delete', () => {
    expect(youtubeAdapter.channel).toBe('youtube')
    expect(youtubeAdapter.canDelete).toBe(true)
  })

  it('opens a session with the video resource, PUTs the bytes to it, and maps the 201 video', async () => {
    const settings = {
      categoryId: 27,
      tags: 'maternity, hospital tour',
      language: 'en',
      privacyStatus: 'unlisted',
    }
    const result = await adapter().publish(post(), account({ settings }))

    expect(routes()).toEqual(['POST /upload/youtube/v3/videos', 'PUT /upload/youtube/v3/videos'])
    const [open, put] = server.requests
    const query = new URL(open.path, server.url).searchParams
    expect(query.get('uploadType')).toBe('resumable')
    expect(query.get('part')).toBe('snippet,status')
    expect(open.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json; charset=UTF-8',
      'x-upload-content-length': String(SIZE),
      'x-upload-content-type': 'video/mp4',
    })
    expect(open.json).toEqual({
      snippet: {
        title: 'A tour of the new maternity ward',
        description: 'Meet the team and see the birthing suites.',
        tags: ['maternity', 'hospital tour'],
        categoryId: '27',
        defaultLanguage: 'en',
      },
      status: { privacyStatus: 'unlisted', selfDeclaredMadeForKids: false },
    })
    const [session] = server.sessions.values()
    expect(new URL(put.path, server.url).searchParams.get('upload_id')).toBe(session.id)
    expect(put.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'content-length': String(SIZE),
      'content-type': 'video/mp4',
    })
    expect(put.headers).not.toHaveProperty('content-range')
    const [video] = server.videos.values()
    expect(video.sha256).toBe(sha256(bytes))
    expect(result).toEqual({
      ok: true,
      remoteId: video.id,
      remoteUrl: `https://www.youtube.com/watch?v=${video.id}`,
      status: 201,
    })
  })

  it('without a video title, uses the first line of the text (no < or >, at most 100 characters), public and not for kids', async () => {
    const text = `${'Our <new> maternity ward '.repeat(6)}\nSecond line`
    await adapter().publish(
      post({ text, media: [clip({ title: undefined, description: undefined })] }),
      account(),
    )

    const metadata = server.requests[0].json as {
      snippet: { title: string; description: string; categoryId: string }
      status: unknown
    }
    expect(Array.from(metadata.snippet.title)).toHaveLength(100)
    expect(metadata.snippet.title).toMatch(/^Our new maternity ward Our new/)
    expect(metadata.snippet.title.endsWith('…')).toBe(true)
    expect(metadata.snippet.description).toBe(text)
    expect(metadata.snippet.categoryId).toBe('22')
    expect(metadata.status).toEqual({ privacyStatus: 'public', selfDeclaredMadeForKids: false })
  })

  it('resumes an upload cut short: queries with bytes */total, reads Range, sends the rest', async () => {
    server.cutNextUpload(100_000)
    const result = expectSuccess(await adapter().publish(post({ media: [clip()] }), account()))

    expect(routes()).toEqual([
      'POST /upload/youtube/v3/videos',
      'PUT /upload/youtube/v3/videos',
      'PUT /upload/youtube/v3/videos',
      'PUT /upload/youtube/v3/videos',
    ])
    const [cut, query, rest] = uploads()
    expect(cut.bodyLength).toBe(100_000)
    expect(query.headers).toMatchObject({
      'content-length': '0',
      'content-range': `bytes */${SIZE}`,
      authorization: `Bearer ${TOKEN}`,
    })
    expect(rest.headers).toMatchObject({
      'content-length': String(SIZE - 100_000),
      'content-range': `bytes 100000-${SIZE - 1}/${SIZE}`,
      'content-type': 'video/mp4',
    })
    expect(rest.bodyLength).toBe(SIZE - 100_000)
    const video = server.videos.get(result.remoteId)
    expect(video?.sha256).toBe(sha256(bytes))
    expect(server.videos.size).toBe(1)
  })

  it('resumes from byte 0 when a 503 left nothing (308 without Range)', async () => {
    server.failNext('PUT', '/upload/youtube/v3/videos', { status: 503, reason: 'backendError' })
    const result = expectSuccess(await adapter().publish(post(), account()))

    const [, query, again] = uploads()
    expect(query.headers['content-range']).toBe(`bytes */${SIZE}`)
    expect(again.headers['content-range']).toBe(`bytes 0-${SIZE - 1}/${SIZE}`)
    expect(server.videos.get(result.remoteId)?.sha256).toBe(sha256(bytes))
  })

  it('gives up after maxResumes interruptions with a retryable failure, then resumes the same session on the next attempt', async () => {
    for (let i = 0; i < 3; i++)
      server.failNext('PUT', '/upload/youtube/v3/videos', { status: 503, reason: 'backendError' })
    const youtube = adapter({ maxResumes: 1 })
    const failed = expectFailure(await youtube.publish(post(), account()))

    expect(failed).toMatchObject({
      retryable: true,
      status: 503,
      message: 'Backend Error [backendError]',
    })
    expect(server.videos.size).toBe(0)
    server.requests.length = 0
    const retried = expectSuccess(await youtube.publish(post(), account()))

    expect(routes()).not.toContain('POST /upload/youtube/v3/videos')
    expect(server.sessions.size).toBe(1)
    expect(server.videos.get(retried.remoteId)?.sha256).toBe(sha256(bytes))
  })

  it('does not resume at once when the 5xx says Retry-After: it returns the wait, and the next attempt resumes', async () => {
    server.cutNextUpload(50_000)
    server.failNext('PUT', '/upload/youtube/v3/videos', { status: 503, reason: 'backendError' })
    server.failNext('PUT', '/upload/youtube/v3/videos', {
      status: 503,
      reason: 'backendError',
      headers: { 'Retry-After': '120' },
    })
    const youtube = adapter()
    const failed = expectFailure(await youtube.publish(post(), account()))

    expect(failed).toMatchObject({ retryable: true, status: 503, retryAfterMs: 120_000 })
    server.requests.length = 0
    expectSuccess(await youtube.publish(post(), account()))

    const [query, rest] = uploads()
    expect(query.headers['content-range']).toBe(`bytes */${SIZE}`)
    expect(rest.headers['content-range']).toBe(`bytes 50000-${SIZE - 1}/${SIZE}`)
    expect([...server.videos.values()][0].sha256).toBe(sha256(bytes))
  })

  it('starts a new session when the remembered one has expired (404)', async () => {
    server.failNext('PUT', '/upload/youtube/v3/videos', { status: 403, reason: 'forbidden' })
    const youtube = adapter()
    expectFailure(await youtube.publish(post(), account()))
    server.expireSessions()
    server.requests.length = 0
    expectSuccess(await youtube.publish(post(), account()))

    expect(routes()).toEqual([
      'PUT /upload/youtube/v3/videos',
      'POST /upload/youtube/v3/videos',
      'PUT /upload/youtube/v3/videos',
    ])
    expect(server.requests[0].headers['content-range']).toBe(`bytes */${SIZE}`)
  })

  it('stops, without querying, when the caller aborts mid-upload', async () => {
    const controller = new AbortController()
    server.onUploadBytes = (received) => {
      if (received >= 60_000)
        controller.abort(new DOMException('The operation timed out', 'TimeoutError'))
    }
    // Requests made with the aborted signal never reach the server, so fetch itself is counted.
    const calls = vi.spyOn(globalThis, 'fetch')
    const result = expectFailure(await adapter().publish(post(), account(), controller.signal))
    const made = calls.mock.calls.map(([, init]) => init?.method)
    calls.mockRestore()

    expect(result).toEqual({
      ok: false,
      retryable: true,
      status: 0,
      message: 'the request timed out',
    })
    expect(made).toEqual(['POST', 'PUT'])
    expect(uploads()).toHaveLength(1)
  })
})

describe('YouTube adapter: captions', () => {
  it('uploads one caption track per caption, as multipart/related with the snippet and the VTT', async () => {
    const result = expectSuccess(
      await adapter().publish(post({ media: [clip({ captions })] }), account()),
    )

    expect(routes().slice(2)).toEqual([
      'POST /upload/youtube/v3/captions',
      'POST /upload/youtube/v3/captions',
    ])
    const [english, spanish] = server.requests.slice(2)
    const query = new URL(english.path, server.url).searchParams
    expect(query.get('part')).toBe('snippet')
    expect(query.get('uploadType')).toBe('multipart')
    expect(english.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(english.headers['content-type']).toMatch(/^multipart\/related; boundary=/)
    expect(english.parts?.map((part) => part.contentType)).toEqual([
      'application/json; charset=UTF-8',
      'text/vtt; charset=UTF-8',
    ])
    expect(JSON.parse(english.parts?.[0].text ?? '')).toEqual({
      snippet: { videoId: result.remoteId, language: 'en', name: 'English', isDraft: false },
    })
    expect(english.parts?.[1].text).toBe(captions[0].vtt)
    expect(JSON.parse(spanish.parts?.[0].text ?? '').snippet).toMatchObject({
      language: 'es',
      name: 'Español',
    })
    expect(
      [...server.captions.values()].map((c) => [c.videoId, c.language, c.name, c.body]),
    ).toEqual([
      [result.remoteId, 'en', 'English', captions[0].vtt],
      [result.remoteId, 'es', 'Español', captions[1].vtt],
    ])
  })

  it('fails with the live video named when a caption fails, and the retry sends only what is missing', async () => {
    server.failNext('POST', '/upload/youtube/v3/captions', { status: 403, reason: 'quotaExceeded' })
    const youtube = adapter()
    const failed = expectFailure(
      await youtube.publish(post({ media: [clip({ captions })] }), account()),
    )

    const [video] = server.videos.values()
    expect(failed.retryable).toBe(true)
    expect(failed.message).toContain(
      `YouTube video ${video.id} is uploaded, but its "English" captions are not`,
    )
    expect(failed.message).toContain('[quotaExceeded]')
    server.requests.length = 0
    const retried = expectSuccess(
      await youtube.publish(post({ media: [clip({ captions })] }), account()),
    )

    expect(retried.remoteId).toBe(video.id)
    expect(routes()).toEqual([
      'POST /upload/youtube/v3/captions',
      'POST /upload/youtube/v3/captions',
    ])
    expect(server.videos.size).toBe(1)
    expect(server.captions.size).toBe(2)
  })

  it('counts captionExists (409) as done: the answer to a track whose first answer was lost', async () => {
    server.failNext('POST', '/upload/youtube/v3/captions', { status: 503, reason: 'backendError' })
    const youtube = adapter()
    expectFailure(
      await youtube.publish(post({ media: [clip({ captions: [captions[0]] })] }), account()),
    )
    const [video] = server.videos.values()
    server.captions.set('lost', {
      id: 'lost',
      videoId: video.id,
      language: 'en',
      name: 'English',
      body: captions[0].vtt,
    })
    const retried = expectSuccess(
      await youtube.publish(post({ media: [clip({ captions: [captions[0]] })] }), account()),
    )

    expect(retried.remoteId).toBe(video.id)
    expect(server.captions.size).toBe(1)
  })

  it('keeps a permanent caption error (empty track: contentRequired) as permanent', async () => {
    const result = expectFailure(
      await adapter().publish(
        post({ media: [clip({ captions: [{ language: 'en', label: 'English', vtt: '' }] })] }),
        account(),
      ),
    )

    expect(result).toMatchObject({ retryable: false, status: 400 })
    expect(result.message).toContain(
      'The request does not contain the caption track contents. [contentRequired]',
    )
  })
})

describe('YouTube adapter: errors', () => {
  it('fails for good, without a request, when the post has no video', async () => {
    const result = expectFailure(
      await adapter().publish(
        post({
          media: [{ kind: 'image', mimeType: 'image/png', filePath: path.join(dir, 'tour.mp4') }],
        }),
        account(),
      ),
    )

    expect(result).toEqual({
      ok: false,
      retryable: false,
      status: 0,
      message: 'A YouTube post needs a video, and this post has none',
    })
    expect(server.requests).toHaveLength(0)
  })

  it('fails for good when the video file is missing or empty', async () => {
    const missing = expectFailure(
      await adapter().publish(
        post({ media: [clip({ filePath: path.join(dir, 'gone.mp4') })] }),
        account(),
      ),
    )
    const empty = expectFailure(
      await adapter().publish(
        post({ media: [clip({ filePath: path.join(dir, 'empty.mp4') })] }),
        account(),
      ),
    )

    expect(missing).toMatchObject({ retryable: false, status: 0 })
    expect(missing.message).toMatch(/Could not read the video file: ENOENT/)
    expect(empty.message).toBe('The video file is empty')
    expect(server.requests).toHaveLength(0)
  })

  it('treats quotaExceeded (403) as retryable after the midnight Pacific reset', async () => {
    server.failNext('POST', '/upload/youtube/v3/videos', { status: 403, reason: 'quotaExceeded' })
    const result = expectFailure(await adapter().publish(post(), account()))

    expect(result).toEqual({
      ok: false,
      retryable: true,
      status: 403,
      message:
        'The request cannot be completed because you have exceeded your quota. [quotaExceeded]',
      retryAfterMs: 11 * 60 * 60 * 1000,
    })
  })

  it.each(['rateLimitExceeded', 'userRateLimitExceeded'])(
    'treats %s (403) as retryable, honouring Retry-After',
    async (reason) => {
      server.failNext('POST', '/upload/youtube/v3/videos', {
        status: 403,
        reason,
        headers: { 'Retry-After': '20' },
      })
      const result = expectFailure(await adapter().publish(post(), account()))

      expect(result).toMatchObject({ retryable: true, status: 403, retryAfterMs: 20_000 })
      expect(result.message).toContain(`[${reason}]`)
    },
  )

  it('treats 429 rateLimitExceeded as retryable', async () => {
    server.failNext('POST', '/upload/youtube/v3/videos', {
      status: 429,
      reason: 'rateLimitExceeded',
    })
    expect(expectFailure(await adapter().publish(post(), account()))).toMatchObject({
      retryable: true,
      status: 429,
    })
  })

  it('treats uploadLimitExceeded (400) as the daily channel cap: retryable in 24 hours', async () => {
    server.failNext('POST', '/upload/youtube/v3/videos', {
      status: 400,
      reason: 'uploadLimitExceeded',
    })
    const result = expectFailure(await adapter().publish(post(), account()))

    expect(result).toMatchObject({
      retryable: true,
      status: 400,
      retryAfterMs: 24 * 60 * 60 * 1000,
    })
    expect(result.message).toBe(
      'The user has exceeded the number of videos they may upload. [uploadLimitExceeded]',
    )
  })

  it('treats forbidden (403) as permanent', async () => {
    server.failNext('POST', '/upload/youtube/v3/videos', { status: 403, reason: 'forbidden' })
    expect(expectFailure(await adapter().publish(post(), account()))).toMatchObject({
      retryable: false,
      status: 403,
    })
  })

  it("keeps the API's invalidTitle (400) for a title with < or >, as permanent", async () => {
    const result = expectFailure(
      await adapter().publish(post({ media: [clip({ title: 'Meet our <3 nurses' })] }), account()),
    )

    expect(result).toEqual({
      ok: false,
      retryable: false,
      status: 400,
      message: 'The request metadata specifies an invalid or empty video title. [invalidTitle]',
    })
    expect(server.sessions.size).toBe(0)
  })

  it('treats 401 authError (a revoked token) as permanent', async () => {
    const result = expectFailure(
      await adapter().publish(post(), account({ accessToken: 'revoked' })),
    )

    expect(result).toMatchObject({ retryable: false, status: 401 })
    expect(result.message).toContain('[authError]')
  })

  it('treats 500 backendError on the session request as retryable', async () => {
    server.failNext('POST', '/upload/youtube/v3/videos', { status: 500, reason: 'backendError' })
    expect(expectFailure(await adapter().publish(post(), account()))).toMatchObject({
      retryable: true,
      status: 500,
      message: 'Backend Error [backendError]',
    })
  })

  it('never returns the token, even when the server echoes it', async () => {
    server.failNext('POST', '/upload/youtube/v3/videos', {
      status: 400,
      reason: 'invalidValue',
      message: `Bad header Bearer ${TOKEN}`,
    })
    const failure = await adapter().publish(post(), account())
    const success = await adapter().publish(post(), account())
    const removed = await adapter().remove('nope', account())

    for (const result of [failure, success, removed])
      expect(JSON.stringify(result)).not.toContain(TOKEN)
    expect(expectFailure(failure).message).toBe('Bad header Bearer [redacted] [invalidValue]')
  })
})

describe('YouTube adapter: remove', () => {
  it('deletes with DELETE /youtube/v3/videos?id= (204)', async () => {
    const published = expectSuccess(await adapter().publish(post(), account()))
    const result = await adapter().remove(published.remoteId, account())

    expect(result).toEqual({ ok: true, remoteId: published.remoteId, status: 204 })
    const request = server.requests.at(-1) as RecordedRequest
    expect(request.method).toBe('DELETE')
    expect(request.path).toBe(`/youtube/v3/videos?id=${published.remoteId}`)
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(server.videos.size).toBe(0)
  })

  it('keeps 404 videoNotFound as a permanent failure', async () => {
    const result = expectFailure(await adapter().remove('dQw4w9WgXcQ', account()))

    expect(result).toMatchObject({ retryable: false, status: 404 })
    expect(result.message).toContain('[videoNotFound]')
  })
})

describe('YouTube adapter: reconcile', () => {
  it('confirms a video id with videos.list (part=id,status)', async () => {
    const published = expectSuccess(await adapter().publish(post(), account()))
    const found = await adapter().reconcile(post(), account(), published.remoteId)

    expect(found).toEqual({
      ok: true,
      remoteId: published.remoteId,
      remoteUrl: published.remoteUrl,
      status: 200,
    })
    const request = server.requests.at(-1) as RecordedRequest
    expect(request.method).toBe('GET')
    expect(request.path).toBe(`/youtube/v3/videos?part=id,status&id=${published.remoteId}`)
  })

  it('answers null for a video id the channel does not have, and when nothing is known', async () => {
    expect(await adapter().reconcile(post(), account(), 'dQw4w9WgXcQ')).toBeNull()
    expect(await adapter().reconcile(post(), account(), undefined)).toBeNull()
  })

  it('resumes an upload session given as the remote id instead of starting again, then sends the captions', async () => {
    const session = await partialSession(120_000)
    const found = expectSuccess(
      await adapter().reconcile(
        post({ media: [clip({ captions: [captions[0]] })] }),
        account(),
        session,
      ),
    )

    expect(routes()).toEqual([
      'PUT /upload/youtube/v3/videos',
      'PUT /upload/youtube/v3/videos',
      'POST /upload/youtube/v3/captions',
    ])
    expect(uploads()[1].headers['content-range']).toBe(`bytes 120000-${SIZE - 1}/${SIZE}`)
    expect(server.videos.get(found.remoteId)?.sha256).toBe(sha256(bytes))
    expect(server.captions.size).toBe(1)
  })

  it('answers with the video when the session had in fact finished (the final answer is repeated)', async () => {
    const session = await partialSession(100_000)
    await fetch(session, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        'Content-Range': `bytes 100000-${SIZE - 1}/${SIZE}`,
      },
      body: new Uint8Array(bytes.subarray(100_000)),
    })
    server.requests.length = 0
    const found = expectSuccess(await adapter().reconcile(post(), account(), session))

    expect(routes()).toEqual(['PUT /upload/youtube/v3/videos'])
    expect(server.videos.has(found.remoteId)).toBe(true)
  })

  it('answers null for an expired session (nothing was made from it) and does not open a new one', async () => {
    const session = await partialSession(10_000)
    server.expireSessions()

    expect(await adapter().reconcile(post(), account(), session)).toBeNull()
    expect(routes()).toEqual(['PUT /upload/youtube/v3/videos'])
  })

  it('uses what this process remembers when given no remote id', async () => {
    server.cutNextUpload(30_000)
    server.failNext('PUT', '/upload/youtube/v3/videos', {
      status: 503,
      reason: 'backendError',
      headers: { 'Retry-After': '5' },
    })
    const youtube = adapter()
    expectFailure(await youtube.publish(post(), account()))
    const found = expectSuccess(await youtube.reconcile(post(), account(), undefined))

    expect(server.videos.get(found.remoteId)?.sha256).toBe(sha256(bytes))
    expect(server.sessions.size).toBe(1)
  })

  it('throws, without the token, when it cannot look', async () => {
    server.failNext('GET', '/youtube/v3/videos', {
      status: 500,
      reason: 'backendError',
      message: `boom ${TOKEN}`,
    })

    await expect(adapter().reconcile(post(), account(), 'dQw4w9WgXcQ')).rejects.toThrow(
      'boom [redacted] [backendError]',
    )
  })
})
