import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createYoutubeAdapter } from '../../../../plugins/channels/youtube'
import { untilPacificMidnight } from '../../../../plugins/channels/youtube/api'
import type { ChannelAccount, MetricsResult } from '../../../../plugins/scheduler/exports/channels'
import { startYoutubeServer, type YoutubeServer } from '../../../support/networks/youtubeServer'

const TOKEN = 'ya29.youtube-metrics-token'
const NOW = Date.parse('2026-03-01T20:00:00.000Z')

let server: YoutubeServer
const adapter = createYoutubeAdapter({ now: () => NOW })

const account = (overrides: Partial<ChannelAccount> = {}): ChannelAccount => ({
  baseUrl: server.url,
  accessToken: TOKEN,
  ...overrides,
})

const metrics = (ids: string[], over: Partial<ChannelAccount> = {}): Promise<MetricsResult> =>
  adapter.metrics
    ? adapter.metrics(
        ids.map((remoteId) => ({ remoteId, publishedAt: new Date(NOW) })),
        account(over),
      )
    : Promise.reject(new Error('the YouTube adapter has no metrics()'))

const failure = (result: MetricsResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
  return result
}

let sequence = 0
/** A video on the channel, as an upload would have left it. */
const video = (): string => {
  const id = `vid${String((sequence += 1)).padStart(8, '0')}`
  server.videos.set(id, {
    id,
    snippet: { title: id },
    status: { privacyStatus: 'public' },
    bytes: Buffer.alloc(0),
    sha256: '',
    mimeType: 'video/mp4',
  })
  return id
}

beforeEach(async () => {
  server = await startYoutubeServer({ tokens: [TOKEN] })
})

afterEach(async () => {
  await server.close()
})

describe('YouTube adapter: metrics', () => {
  it('asks videos.list for statistics of every id at once, as the channel', async () => {
    const ids = [video(), video()]
    await metrics(ids)

    const request = server.requests.at(-1)
    const url = new URL(request?.path ?? '', 'http://youtube.test')
    expect(`${request?.method} ${url.pathname}`).toBe('GET /youtube/v3/videos')
    expect(url.searchParams.get('part')).toBe('statistics')
    expect(url.searchParams.get('id')).toBe(ids.join(','))
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(server.metricsReads.map((read) => read.ids)).toEqual([ids])
  })

  it('reads the string counts as numbers: views are video views', async () => {
    const id = video()
    server.setCounts(id, { viewCount: 12_345, likeCount: 210, commentCount: 17 })

    expect(await metrics([id])).toEqual({
      ok: true,
      posts: { [id]: { videoViews: 12_345, likes: 210, comments: 17 } },
      gone: [],
    })
  })

  it('keeps hidden likes absent, and a real 0 as 0', async () => {
    const id = video()
    server.setCounts(id, { likeCount: null, commentCount: 0 })

    const result = await metrics([id])
    if (!result.ok) throw new Error(result.message)
    expect(result.posts[id]).toEqual({ videoViews: 0, comments: 0 })
  })

  it('reports a video missing from items as gone', async () => {
    const kept = video()
    const deleted = video()
    await adapter.remove(deleted, account())

    expect(await metrics([kept, deleted])).toEqual({
      ok: true,
      posts: { [kept]: expect.any(Object) },
      gone: [deleted],
    })
  })

  it('reads 50 videos at once and refuses 51 without asking', async () => {
    const ids = Array.from({ length: 51 }, video)
    expect(adapter.metricsSupport?.batchSize).toBe(50)

    const full = await metrics(ids.slice(0, 50))
    expect(full.ok && Object.keys(full.posts)).toHaveLength(50)
    expect(failure(await metrics(ids)).retryable).toBe(false)
    expect(server.metricsReads).toHaveLength(1)
  })

  it('answers quotaExceeded as retryable at midnight Pacific, when the quota resets', async () => {
    const id = video()
    server.limitMetrics({ calls: 1, windowMs: 86_400_000 })
    await metrics([id])

    const spent = failure(await metrics([id]))
    expect(spent).toMatchObject({ status: 403, retryable: true })
    expect(spent.retryAfterMs).toBe(untilPacificMidnight(NOW))
    expect(spent.message).toMatch(/quotaExceeded/)
  })

  it('answers rateLimitExceeded as retryable, after Retry-After or else a minute', async () => {
    const id = video()
    server.failNext('GET', '/youtube/v3/videos', { status: 403, reason: 'rateLimitExceeded' })
    expect(failure(await metrics([id]))).toMatchObject({ retryable: true, retryAfterMs: 60_000 })

    server.failNext('GET', '/youtube/v3/videos', {
      status: 429,
      reason: 'rateLimitExceeded',
      headers: { 'Retry-After': '30' },
    })
    expect(failure(await metrics([id]))).toMatchObject({ retryable: true, retryAfterMs: 30_000 })
  })

  it('says a 5xx may succeed later and a 401 will not, never returning the token', async () => {
    const id = video()
    server.failNextMetrics(1, 503)
    expect(failure(await metrics([id]))).toMatchObject({ status: 503, retryable: true })

    expect(failure(await metrics([id], { accessToken: 'expired' }))).toMatchObject({
      status: 401,
      retryable: false,
    })
    const broken = failure(await metrics([id], { accessToken: `${TOKEN}\nbroken` }))
    expect(broken.message).toContain('[redacted]')
    expect(JSON.stringify(broken)).not.toContain(TOKEN)
  })
})
