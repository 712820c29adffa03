import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createInstagramAdapter } from '../../../../plugins/channels/instagram'
import type { ChannelAccount, MetricsResult } from '../../../../plugins/scheduler/exports/channels'
import { startGraphApiServer, type GraphApiServer } from '../../../support/networks/graphApiServer'

let server: GraphApiServer
let account: ChannelAccount
const adapter = createInstagramAdapter()

const metrics = (ids: string[], over: Partial<ChannelAccount> = {}): Promise<MetricsResult> => {
  if (!adapter.metrics) throw new Error('the Instagram adapter has no metrics()')
  return adapter.metrics(
    ids.map((remoteId) => ({ remoteId, publishedAt: new Date() })),
    { ...account, ...over },
  )
}

const failure = (result: MetricsResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
  return result
}

const media = (caption: string) => server.addIgMedia({ caption })

beforeEach(async () => {
  server = await startGraphApiServer()
  account = { baseUrl: server.url, accessToken: server.accessToken, externalId: server.igUserId }
})

afterEach(async () => {
  await server.close()
})

describe('Instagram adapter: metrics', () => {
  it('reads every media in one multiple-ID request with the insights as a field', async () => {
    const ids = [media('one'), media('two')]
    await metrics(ids)

    const request = server.requests.at(-1)
    expect(`${request?.method} ${request?.path}`).toBe('GET /v21.0/')
    expect(request?.query).toEqual({
      ids: ids.join(','),
      fields: 'insights.metric(reach,likes,comments,shares,saved,views)',
    })
    expect(server.metricsReads.map((read) => read.ids)).toEqual([ids])
  })

  it('maps views to impressions and saved to saves; clicks do not exist', async () => {
    const id = media('Meet our new midwives.')
    server.setCounts(id, { views: 2400, reach: 1300, likes: 88, comments: 9, shares: 4, saved: 12 })

    expect(await metrics([id])).toEqual({
      ok: true,
      posts: {
        [id]: { impressions: 2400, reach: 1300, likes: 88, comments: 9, shares: 4, saves: 12 },
      },
      gone: [],
    })
    expect(adapter.metricsSupport?.reports).not.toContain('clicks')
  })

  it('keeps a metric Instagram did not return absent, and a real 0 as 0', async () => {
    const id = media('New reel.')
    server.setCounts(id, { shares: null, likes: 0 })

    const result = await metrics([id])
    if (!result.ok) throw new Error(result.message)
    expect(result.posts[id]).not.toHaveProperty('shares')
    expect(result.posts[id]?.likes).toBe(0)
  })

  it('reports media removed in the app (#803 names it) as gone', async () => {
    const kept = media('kept')
    const removed = media('removed')
    server.igMedia.splice(
      server.igMedia.findIndex((item) => item.id === removed),
      1,
    )

    expect(await metrics([kept, removed])).toEqual({ ok: true, posts: {}, gone: [removed] })
  })

  it('takes 50 ids per read, each a call, and refuses 51 without asking', async () => {
    const ids = Array.from({ length: 51 }, (_, index) => media(`media ${index}`))
    expect(adapter.metricsSupport?.batchSize).toBe(50)
    expect(adapter.metricsSupport?.callsFor?.(7)).toBe(7)

    const full = await metrics(ids.slice(0, 50))
    expect(full.ok && Object.keys(full.posts)).toHaveLength(50)
    expect(failure(await metrics(ids)).retryable).toBe(false)
    expect(server.metricsReads).toHaveLength(1)
  })

  it('answers Instagram throttling (#80002) as retryable after the time Graph gives', async () => {
    const id = media('busy')
    server.limitMetrics({ calls: 1, windowMs: 3_600_000 })
    await metrics([id])

    const limited = failure(await metrics([id]))
    expect(limited).toMatchObject({ retryable: true, retryAfterMs: 60 * 60_000 })
    expect(limited.message).toMatch(/80002/)
  })

  it('says a 5xx may succeed later and a bad token will not, never returning the token', async () => {
    const id = media('later')
    server.failNextMetrics(1, 503)
    expect(failure(await metrics([id]))).toMatchObject({ status: 503, retryable: true })

    server.failNext(
      { status: 401, code: 190, message: `Malformed access token ${server.accessToken}` },
      { path: /^\/v21\.0\/$/ },
    )
    const bad = failure(await metrics([id]))
    expect(bad).toMatchObject({ status: 401, retryable: false })
    expect(JSON.stringify(bad)).not.toContain(server.accessToken)
  })
})
