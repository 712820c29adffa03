import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createMastodonAdapter, mastodonAdapter } from '../../../../plugins/channels/mastodon'
import type {
  ChannelAccount,
  ChannelMedia,
  ChannelPost,
  ChannelResult,
} from '../../../../plugins/scheduler'
import {
  type MastodonServer,
  type RecordedRequest,
  startMastodonServer,
} from '../../../support/networks/mastodonServer'

const TOKEN = 'mastodon-token-5d1e8b'
const DUE = '2026-03-01T09:00:00.000Z'

let dir: string
let image: Buffer
let video: Buffer
let server: MastodonServer
let clock: number
let waits: number[]

// Processing waits are recorded, not slept, so the poll interval can be asserted without slowing the suite.
const adapter = (options: Parameters<typeof createMastodonAdapter>[0] = {}) =>
  createMastodonAdapter({
    mediaPollIntervalMs: 1500,
    maxMediaPolls: 5,
    sleep: async (ms) => void waits.push(ms),
    ...options,
  })

const account = (overrides: Partial<ChannelAccount> = {}): ChannelAccount => ({
  baseUrl: server.url,
  accessToken: TOKEN,
  ...overrides,
})

const post = (overrides: Partial<ChannelPost> = {}): ChannelPost => ({
  idempotencyKey: `events:7:mastodon:${DUE}`,
  publicationId: 'pub-7',
  text: 'Free blood pressure checks in the main lobby on Saturday.',
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
const statusRequests = (): RecordedRequest[] =>
  server.requests.filter(
    (request) => request.method === 'POST' && request.path === '/api/v1/statuses',
  )
const expectFailure = (result: ChannelResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
  return result
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'carecast-mastodon-'))
  image = randomBytes(4000)
  video = randomBytes(20_000)
  await writeFile(path.join(dir, 'lobby.png'), image)
  await writeFile(path.join(dir, 'tour.mp4'), video)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

beforeEach(async () => {
  waits = []
  clock = Date.parse('2026-03-01T09:00:00.000Z')
  server = await startMastodonServer({
    users: { [TOKEN]: 'stmarys', 'other-token': 'someone' },
    maxCharacters: 80,
    processingPolls: 2,
    now: () => clock,
  })
})

afterEach(async () => {
  await server.close()
})

describe('Mastodon adapter: publish', () => {
  it('is the mastodon channel and can delete', () => {
    expect(mastodonAdapter.channel).toBe('mastodon')
    expect(mastodonAdapter.canDelete).toBe(true)
  })

  it('sends POST /api/v1/statuses with the bearer token, the Idempotency-Key and a JSON body, and maps the Status', async () => {
    const result = await adapter().publish(
      post(),
      account({ settings: { visibility: 'unlisted', language: 'en' } }),
    )

    expect(routes()).toEqual(['POST /api/v1/statuses'])
    const [request] = server.requests
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(request.headers['idempotency-key']).toBe(`events:7:mastodon:${DUE}`)
    expect(request.headers['content-type']).toBe('application/json')
    expect(request.body).toEqual({ status: post().text, visibility: 'unlisted', language: 'en' })
    const [status] = server.statuses.values()
    expect(result).toEqual({
      ok: true,
      remoteId: status.id,
      remoteUrl: `${server.url}/@stmarys/${status.id}`,
      status: 200,
    })
    expect(status).toMatchObject({ text: post().text, visibility: 'unlisted', language: 'en' })
  })

  it('leaves visibility and language to the account defaults when not configured, and ignores an unknown visibility', async () => {
    await adapter().publish(post(), account({ settings: { visibility: 'everyone' } }))

    expect(server.requests[0].body).toEqual({ status: post().text })
  })

  it('uploads an image with its alt text to /api/v2/media (200, processed at once), then attaches it', async () => {
    const altText = 'A nurse taking a blood pressure reading in the hospital lobby'
    const result = await adapter().publish(
      post({ media: [file('lobby.png', 'image', 'image/png', altText)] }),
      account(),
    )

    expect(routes()).toEqual(['POST /api/v2/media', 'POST /api/v1/statuses'])
    const [upload, create] = server.requests
    expect(upload.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    expect(upload.body.file).toEqual({ filename: 'lobby.png', type: 'image/png', bytes: image })
    expect(upload.body.description).toBe(altText)
    const [stored] = server.media.values()
    expect(create.body).toEqual({ status: post().text, media_ids: [stored.id] })
    expect(stored.statusId).toBe((result as { remoteId: string }).remoteId)
    expect(waits).toEqual([])
  })

  it('sends no description when the media has no alt text', async () => {
    await adapter().publish(post({ media: [file('lobby.png', 'image', 'image/png')] }), account())

    expect(server.requests[0].body).not.toHaveProperty('description')
  })

  it('waits out a video being processed (202, then 206 twice, then 200) before posting', async () => {
    const result = await adapter().publish(
      post({
        media: [file('tour.mp4', 'video', 'video/mp4', 'Walking tour of the new cardiac unit')],
      }),
      account(),
    )

    const [stored] = server.media.values()
    expect(routes()).toEqual([
      'POST /api/v2/media',
      `GET /api/v1/media/${stored.id}`,
      `GET /api/v1/media/${stored.id}`,
      `GET /api/v1/media/${stored.id}`,
      'POST /api/v1/statuses',
    ])
    expect(waits).toEqual([1500, 1500, 1500])
    expect(server.requests[1].headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(stored.bytes).toEqual(video)
    expect(result.ok).toBe(true)
  })

  it('stops checking after maxMediaPolls with a retryable failure, and posts nothing', async () => {
    const result = expectFailure(
      await adapter({ maxMediaPolls: 2 }).publish(
        post({ media: [file('tour.mp4', 'video', 'video/mp4')] }),
        account(),
      ),
    )

    expect(result).toMatchObject({ retryable: true, status: 0 })
    expect(result.message).toMatch(/still processing media \d+ after 2 checks/)
    expect(statusRequests()).toHaveLength(0)
  })

  it('stops waiting when the caller aborts, and posts nothing', async () => {
    const controller = new AbortController()
    const sleep = (_ms: number, signal?: AbortSignal) =>
      new Promise<void>((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason))
        controller.abort(new DOMException('The operation was aborted', 'TimeoutError'))
      })
    const result = expectFailure(
      await adapter({ sleep }).publish(
        post({ media: [file('tour.mp4', 'video', 'video/mp4')] }),
        account(),
        controller.signal,
      ),
    )

    expect(result).toEqual({
      ok: false,
      retryable: true,
      status: 0,
      message: 'the request timed out',
    })
    expect(routes()).toEqual(['POST /api/v2/media'])
  })

  it('fails for good, without a request, when a media file is not on disk', async () => {
    const result = expectFailure(
      await adapter().publish(
        post({
          media: [{ kind: 'image', mimeType: 'image/png', url: 'https://cdn.example/a.png' }],
        }),
        account(),
      ),
    )

    expect(result).toMatchObject({ retryable: false, status: 0 })
    expect(result.message).toMatch(/needs the image file itself/)
    expect(server.requests).toHaveLength(0)
  })

  it('sends the same Idempotency-Key on a repeat, and the instance answers with the status it already made', async () => {
    const first = await adapter().publish(post(), account())
    const second = await adapter().publish(post(), account())

    expect(server.statuses.size).toBe(1)
    expect(second).toEqual(first)
    expect(statusRequests().map((request) => request.headers['idempotency-key'])).toEqual([
      post().idempotencyKey,
      post().idempotencyKey,
    ])
  })
})

describe('Mastodon adapter: errors', () => {
  it("keeps the instance's 422 for text over its character limit, as permanent", async () => {
    const result = expectFailure(await adapter().publish(post({ text: 'x'.repeat(81) }), account()))

    expect(result).toEqual({
      ok: false,
      retryable: false,
      status: 422,
      message: 'Validation failed: Text character limit of 80 exceeded',
    })
  })

  it('counts a link as 23 characters, as the instance does', async () => {
    const text = `Flu clinic hours: https://hospital.example/flu?utm_source=mastodon&utm_medium=social&utm_campaign=flu-2026`
    const result = await adapter().publish(post({ text }), account())

    expect(result.ok).toBe(true)
  })

  it("keeps the instance's 422 for an unsupported media file, as permanent", async () => {
    const result = expectFailure(
      await adapter().publish(
        post({ media: [file('lobby.png', 'image', 'application/x-msdownload')] }),
        account(),
      ),
    )

    expect(result).toEqual({
      ok: false,
      retryable: false,
      status: 422,
      message: 'Validation failed: File content type is invalid, File is invalid',
    })
    expect(statusRequests()).toHaveLength(0)
  })

  it('treats the 401 of an invalid token as permanent', async () => {
    const result = expectFailure(
      await adapter().publish(post(), account({ accessToken: 'revoked-token' })),
    )

    expect(result).toEqual({
      ok: false,
      retryable: false,
      status: 401,
      message: 'The access token is invalid',
    })
  })

  it('treats 429 as retryable and waits until X-RateLimit-Reset (an ISO date)', async () => {
    const reset = new Date(Date.now() + 90_000).toISOString()
    server.failNext('POST', '/api/v1/statuses', {
      status: 429,
      body: { error: 'Too many requests' },
      headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset },
    })
    const result = expectFailure(await adapter().publish(post(), account()))

    expect(result).toMatchObject({ retryable: true, status: 429, message: 'Too many requests' })
    expect(result.retryAfterMs).toBeGreaterThan(85_000)
    expect(result.retryAfterMs).toBeLessThanOrEqual(90_000)
  })

  it('treats 503 as retryable and honours Retry-After', async () => {
    server.failNext('POST', '/api/v1/statuses', {
      status: 503,
      body: { error: 'Service Unavailable' },
      headers: { 'Retry-After': '30' },
    })
    const result = expectFailure(await adapter().publish(post(), account()))

    expect(result).toEqual({
      ok: false,
      retryable: true,
      status: 503,
      message: 'Service Unavailable',
      retryAfterMs: 30_000,
    })
  })

  it('keeps a short, tag-free excerpt of an HTML error page from a proxy', async () => {
    server.failNext('POST', '/api/v2/media', {
      status: 502,
      body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    })
    const result = expectFailure(
      await adapter().publish(
        post({ media: [file('lobby.png', 'image', 'image/png')] }),
        account(),
      ),
    )

    expect(result).toEqual({ ok: false, retryable: true, status: 502, message: '502 Bad Gateway' })
  })

  it('treats the "not finished processing" 422 as retryable', async () => {
    server.failNext('POST', '/api/v1/statuses', {
      status: 422,
      body: {
        error: 'Cannot attach files that have not finished processing. Try again in a moment!',
      },
    })
    const result = expectFailure(await adapter().publish(post(), account()))

    expect(result).toMatchObject({
      retryable: true,
      status: 422,
      message: 'Cannot attach files that have not finished processing. Try again in a moment!',
    })
  })

  it('turns a refused connection into a retryable failure with status 0', async () => {
    await server.close()
    const result = expectFailure(await adapter().publish(post(), account()))

    expect(result).toMatchObject({ retryable: true, status: 0 })
    expect(result.message).toMatch(/fetch failed \(ECONNREFUSED\)/)
    server = await startMastodonServer()
  })

  it('never returns the token, even when the server echoes it', async () => {
    server.failNext('POST', '/api/v1/statuses', {
      status: 400,
      body: { error: `Bad header: Bearer ${TOKEN}` },
    })
    const failure = await adapter().publish(post(), account())
    const success = await adapter().publish(post(), account())
    const removed = await adapter().remove('404404', account())

    for (const result of [failure, success, removed])
      expect(JSON.stringify(result)).not.toContain(TOKEN)
    expect(expectFailure(failure).message).toBe('Bad header: Bearer [redacted]')
  })
})

describe('Mastodon adapter: remove', () => {
  it('deletes with DELETE /api/v1/statuses/:id (200)', async () => {
    const published = await adapter().publish(post(), account())
    const id = (published as { remoteId: string }).remoteId
    const result = await adapter().remove(id, account())

    expect(result).toEqual({ ok: true, remoteId: id, status: 200 })
    const request = server.requests.at(-1) as RecordedRequest
    expect(`${request.method} ${request.path}`).toBe(`DELETE /api/v1/statuses/${id}`)
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(server.statuses.has(id)).toBe(false)
  })

  it("keeps 404 (gone, or another account's) as a permanent failure", async () => {
    const published = await adapter().publish(post(), account())
    const result = expectFailure(
      await adapter().remove(
        (published as { remoteId: string }).remoteId,
        account({ accessToken: 'other-token' }),
      ),
    )

    expect(result).toEqual({
      ok: false,
      retryable: false,
      status: 404,
      message: 'Record not found',
    })
    expect(server.statuses.size).toBe(1)
  })

  it('treats a 429 on delete (30 deletions per 30 minutes) as retryable with the reset', async () => {
    server.failNext('DELETE', /^\/api\/v1\/statuses\//, {
      status: 429,
      body: { error: 'Too many requests' },
      headers: { 'X-RateLimit-Reset': new Date(Date.now() + 60_000).toISOString() },
    })
    const result = expectFailure(await adapter().remove('1', account()))

    expect(result).toMatchObject({ retryable: true, status: 429 })
    expect(result.retryAfterMs).toBeGreaterThan(55_000)
  })
})

describe('Mastodon adapter: reconcile', () => {
  it('confirms a remote id with GET /api/v1/statuses/:id', async () => {
    const published = await adapter().publish(post(), account())
    const found = await adapter().reconcile(
      post(),
      account(),
      (published as { remoteId: string }).remoteId,
    )

    expect(found).toEqual(published)
    expect(routes().at(-1)).toBe(
      `GET /api/v1/statuses/${(published as { remoteId: string }).remoteId}`,
    )
  })

  it('answers null for a remote id the instance does not have', async () => {
    expect(await adapter().reconcile(post(), account(), '999')).toBeNull()
  })

  it('without a remote id, re-sends with the same Idempotency-Key and gets the status already made', async () => {
    const published = await adapter().publish(
      post({ media: [file('lobby.png', 'image', 'image/png', 'Lobby')] }),
      account(),
    )
    const found = await adapter().reconcile(
      post({ media: [file('lobby.png', 'image', 'image/png', 'Lobby')] }),
      account(),
      undefined,
    )

    expect(found).toEqual(published)
    expect(server.statuses.size).toBe(1)
    expect(statusRequests()).toHaveLength(2)
  })

  it('without a remote id and no status made for the key, creates it (the next step anyway)', async () => {
    const found = await adapter().reconcile(post(), account(), undefined)

    const [status] = server.statuses.values()
    expect(found).toEqual({
      ok: true,
      remoteId: status.id,
      remoteUrl: `${server.url}/@stmarys/${status.id}`,
      status: 200,
    })
  })

  it('answers null when the re-send is refused with a permanent 422 (no status exists for the key)', async () => {
    expect(
      await adapter().reconcile(post({ text: 'y'.repeat(200) }), account(), undefined),
    ).toBeNull()
    expect(server.statuses.size).toBe(0)
  })

  it('throws, without the token, when it cannot look', async () => {
    server.failNext('GET', /^\/api\/v1\/statuses\//, {
      status: 500,
      body: { error: `Internal error for ${TOKEN}` },
    })

    await expect(adapter().reconcile(post(), account(), '1')).rejects.toThrow(
      'Internal error for [redacted]',
    )
  })

  it('the instance keeps an Idempotency-Key for an hour only: after that a repeat is a new status', async () => {
    await adapter().publish(post(), account())
    clock += 61 * 60 * 1000
    await adapter().publish(post(), account())

    expect(server.statuses.size).toBe(2)
  })
})
