import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createXAdapter } from '../../../../plugins/channels/x'
import type {
  ChannelAccount,
  MetricsQuery,
  MetricsResult,
} from '../../../../plugins/scheduler/exports/channels'
import { startXApiServer, type XApiServer } from '../../../support/networks/xApiServer'

const TOKEN = 'x-user-token-metrics-51c2'
const USER = '1500000000000000001'

let server: XApiServer
const adapter = createXAdapter()

const account = (overrides: Partial<ChannelAccount> = {}): ChannelAccount => ({
  baseUrl: server.url,
  accessToken: TOKEN,
  externalId: USER,
  ...overrides,
})

const queries = (...ids: string[]): MetricsQuery[] =>
  ids.map((remoteId) => ({ remoteId, publishedAt: new Date('2026-03-01T09:00:00Z') }))

const seed = (text: string) => server.seedTweet(USER, text, new Date('2026-03-01T09:00:00Z')).id

const metrics = (ids: string[], over: Partial<ChannelAccount> = {}): Promise<MetricsResult> => {
  if (!adapter.metrics) throw new Error('the X adapter has no metrics()')
  return adapter.metrics(queries(...ids), account(over))
}

const failure = (result: MetricsResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
  return result
}

beforeEach(async () => {
  server = await startXApiServer({ users: { [TOKEN]: USER } })
})

afterEach(async () => {
  await server.close()
})

describe('X adapter: metrics', () => {
  it('asks GET /2/tweets for every id at once with public_metrics, as the user', async () => {
    const ids = [seed('one'), seed('two')]
    await metrics(ids)

    const request = server.requests.at(-1)
    const url = new URL(request?.path ?? '', 'http://x.local')
    expect(`${request?.method} ${url.pathname}`).toBe('GET /2/tweets')
    expect(url.searchParams.get('ids')).toBe(ids.join(','))
    expect(url.searchParams.get('tweet.fields')).toBe('public_metrics')
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(server.metricsReads.map((read) => read.ids)).toEqual([ids])
  })

  it("maps X's public counts: reposts and quotes are shares, bookmarks are saves", async () => {
    const id = seed('Flu shots are free this week.')
    server.setCounts(id, {
      impression_count: 1200,
      like_count: 40,
      reply_count: 6,
      retweet_count: 9,
      quote_count: 2,
      bookmark_count: 5,
    })

    expect(await metrics([id])).toEqual({
      ok: true,
      posts: { [id]: { impressions: 1200, likes: 40, comments: 6, shares: 11, saves: 5 } },
      gone: [],
    })
  })

  it('keeps a count X left out absent, and a real 0 as 0', async () => {
    const id = seed('An older post')
    server.setCounts(id, { impression_count: null, like_count: 0 })

    const result = await metrics([id])
    if (!result.ok) throw new Error(result.message)
    expect(result.posts[id]).toEqual({ likes: 0, comments: 0, shares: 0, saves: 0 })
    expect(result.posts[id]).not.toHaveProperty('impressions')
  })

  it('reports a deleted post, named in errors[] with HTTP 200, as gone', async () => {
    const kept = seed('kept')
    const deleted = seed('deleted')
    server.tweets.delete(deleted)

    const result = await metrics([kept, deleted])
    expect(result).toEqual({ ok: true, posts: { [kept]: expect.any(Object) }, gone: [deleted] })
  })

  it('reads a full batch of 100 in one request, and refuses 101 without asking', async () => {
    const ids = Array.from({ length: 101 }, (_, index) => seed(`post ${index}`))
    expect(adapter.metricsSupport?.batchSize).toBe(100)

    const full = await metrics(ids.slice(0, 100))
    if (!full.ok) throw new Error(full.message)
    expect(Object.keys(full.posts)).toHaveLength(100)

    const over = failure(await metrics(ids))
    expect(over.retryable).toBe(false)
    expect(server.metricsReads).toHaveLength(1)
  })

  it('answers a 429 with the wait until x-rate-limit-reset', async () => {
    const id = seed('busy')
    server.limitMetrics({ calls: 1, windowMs: 15 * 60_000 })
    await metrics([id])

    const limited = failure(await metrics([id]))
    expect(limited).toMatchObject({ status: 429, retryable: true })
    // The reset is the window's end, in whole seconds: 15 minutes away, give or take one.
    expect(limited.retryAfterMs).toBeGreaterThan(14 * 60_000)
    expect(limited.retryAfterMs).toBeLessThanOrEqual(15 * 60_000 + 1000)
  })

  it('says a 5xx may succeed later', async () => {
    const id = seed('later')
    server.failNextMetrics(1, 503)

    expect(failure(await metrics([id]))).toMatchObject({ status: 503, retryable: true })
    expect((await metrics([id])).ok).toBe(true)
  })

  it('says a 401 will not succeed by retrying', async () => {
    const id = seed('who')
    const result = failure(await metrics([id], { accessToken: 'not-a-token' }))
    expect(result).toMatchObject({ status: 401, retryable: false })
  })

  it('never returns the token, even when the error text quotes the header', async () => {
    const result = failure(await metrics([seed('x')], { accessToken: `${TOKEN}\nbroken` }))
    expect(result.message).toContain('[redacted]')
    expect(JSON.stringify(result)).not.toContain(TOKEN)
  })

  it('uses the rate limit of the account plan it is given, Basic by default', () => {
    expect(adapter.metricsSupport?.rateLimit).toEqual({ calls: 15, windowMs: 15 * 60_000 })
    const pro = createXAdapter({ metricsRateLimit: { calls: 900, windowMs: 15 * 60_000 } })
    expect(pro.metricsSupport?.rateLimit.calls).toBe(900)
  })
})
