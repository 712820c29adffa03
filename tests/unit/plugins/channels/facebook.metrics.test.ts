import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createFacebookAdapter } from '../../../../plugins/channels/facebook'
import { RATE_LIMIT_WAIT_MS } from '../../../../plugins/channels/facebook/graphErrors'
import type { ChannelAccount, MetricsResult } from '../../../../plugins/scheduler/exports/channels'
import {
  graphErrors,
  startGraphApiServer,
  type GraphApiServer,
} from '../../../support/networks/graphApiServer'

let server: GraphApiServer
let account: ChannelAccount
const adapter = createFacebookAdapter()

const metrics = (ids: string[], over: Partial<ChannelAccount> = {}): Promise<MetricsResult> => {
  if (!adapter.metrics) throw new Error('the Facebook adapter has no metrics()')
  return adapter.metrics(
    ids.map((remoteId) => ({ remoteId, publishedAt: new Date() })),
    { ...account, ...over },
  )
}

const failure = (result: MetricsResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
  return result
}

const post = (message: string) => server.addPost({ message })

beforeEach(async () => {
  server = await startGraphApiServer()
  account = { baseUrl: server.url, accessToken: server.accessToken, externalId: server.pageId }
})

afterEach(async () => {
  await server.close()
})

describe('Facebook adapter: metrics', () => {
  it('reads every post in one multiple-ID request with the counts and insights fields', async () => {
    const ids = [post('one'), post('two')]
    await metrics(ids)

    const request = server.requests.at(-1)
    expect(`${request?.method} ${request?.path}`).toBe('GET /v21.0/')
    expect(request?.query.ids).toBe(ids.join(','))
    expect(request?.query.fields).toBe(
      'shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),' +
        'insights.metric(post_impressions,post_impressions_unique,post_clicks)',
    )
    expect(request?.tokenIn).toBe('query')
    expect(server.metricsReads.map((read) => read.ids)).toEqual([ids])
  })

  it('maps reactions to likes, unique impressions to reach, and the rest by name', async () => {
    const id = post('Flu shots Saturday.')
    server.setCounts(id, {
      post_impressions: 900,
      post_impressions_unique: 610,
      post_clicks: 31,
      reactions: 44,
      comments: 7,
      shares: 5,
    })

    expect(await metrics([id])).toEqual({
      ok: true,
      posts: {
        [id]: { impressions: 900, reach: 610, clicks: 31, likes: 44, comments: 7, shares: 5 },
      },
      gone: [],
    })
  })

  it('reads a post nobody shared (Graph leaves shares out) as 0 shares', async () => {
    const id = post('Not shared yet.')
    const result = await metrics([id])
    if (!result.ok) throw new Error(result.message)
    expect(result.posts[id]?.shares).toBe(0)
  })

  it('keeps an insight Graph did not return absent, and a real 0 as 0', async () => {
    const id = post('Small page.')
    server.setCounts(id, { post_clicks: null, post_impressions: 0 })

    const result = await metrics([id])
    if (!result.ok) throw new Error(result.message)
    expect(result.posts[id]).not.toHaveProperty('clicks')
    expect(result.posts[id]?.impressions).toBe(0)
  })

  it('reports a deleted post (#803 names it) as gone, leaving the others for the next read', async () => {
    const kept = post('kept')
    const deleted = post('deleted')
    server.posts.delete(deleted)

    expect(await metrics([kept, deleted])).toEqual({ ok: true, posts: {}, gone: [deleted] })
    const next = await metrics([kept])
    expect(next.ok && Object.keys(next.posts)).toEqual([kept])
  })

  it('also reads "Object with ID … does not exist" (100/33) naming a post as deleted', async () => {
    const kept = post('kept')
    const deleted = post('deleted')
    server.failNext(
      {
        code: 100,
        subcode: 33,
        message: `Unsupported get request. Object with ID '${deleted}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      },
      { path: /^\/v21\.0\/$/ },
    )

    expect(await metrics([kept, deleted])).toEqual({ ok: true, posts: {}, gone: [deleted] })
  })

  it('takes 50 ids per read, each a call of the hourly limit, and refuses 51 without asking', async () => {
    const ids = Array.from({ length: 51 }, (_, index) => post(`post ${index}`))
    expect(adapter.metricsSupport).toMatchObject({
      batchSize: 50,
      rateLimit: { calls: 200, windowMs: 3_600_000 },
    })
    expect(adapter.metricsSupport?.callsFor?.(50)).toBe(50)

    const full = await metrics(ids.slice(0, 50))
    expect(full.ok && Object.keys(full.posts)).toHaveLength(50)
    expect(failure(await metrics(ids)).retryable).toBe(false)
    expect(server.metricsReads).toHaveLength(1)
  })

  it('answers throttling (#80001) as retryable after the time Graph says it needs', async () => {
    const ids = [post('a'), post('b')]
    // Each id is a call: the second read of two ids goes past three calls an hour.
    server.limitMetrics({ calls: 3, windowMs: 3_600_000 })
    await metrics(ids)

    const limited = failure(await metrics(ids))
    expect(limited).toMatchObject({ retryable: true, retryAfterMs: 60 * 60_000 })
    expect(limited.message).toMatch(/80001/)
  })

  it('answers a user-level throttle (#17) without a time with the default wait', async () => {
    const id = post('busy')
    server.failNext(graphErrors.userRateLimit, { path: /^\/v21\.0\/$/ })

    expect(failure(await metrics([id]))).toMatchObject({
      retryable: true,
      retryAfterMs: RATE_LIMIT_WAIT_MS,
    })
  })

  it('says a 5xx (transient code 2) may succeed later', async () => {
    const id = post('later')
    server.failNextMetrics(1, 500)

    expect(failure(await metrics([id]))).toMatchObject({ status: 500, retryable: true })
    expect((await metrics([id])).ok).toBe(true)
  })

  it('says a bad token (190) will not succeed by retrying, and never returns it', async () => {
    const id = post('who')
    const bad = failure(await metrics([id], { accessToken: 'EAAGnotthetoken' }))
    expect(bad).toMatchObject({ status: 400, retryable: false })

    server.failNext(
      { status: 401, code: 190, message: `Malformed access token ${server.accessToken}` },
      { path: /^\/v21\.0\/$/ },
    )
    const echoed = failure(await metrics([id]))
    expect(echoed.retryable).toBe(false)
    expect(JSON.stringify(echoed)).not.toContain(server.accessToken)
  })
})
