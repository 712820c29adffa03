import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createMastodonAdapter } from '../../../../plugins/channels/mastodon'
import type { ChannelAccount, MetricsResult } from '../../../../plugins/scheduler/exports/channels'
import { type MastodonServer, startMastodonServer } from '../../../support/networks/mastodonServer'

const TOKEN = 'mastodon-metrics-token-7d1e'

let server: MastodonServer
const adapter = createMastodonAdapter()

const account = (overrides: Partial<ChannelAccount> = {}): ChannelAccount => ({
  baseUrl: server.url,
  accessToken: TOKEN,
  ...overrides,
})

/** A status made the way the scheduler makes them. */
const status = async (text: string): Promise<string> => {
  const result = await adapter.publish(
    { idempotencyKey: `campaigns:1:mastodon:${text}`, publicationId: 'pub-1', text, media: [] },
    account(),
  )
  if (!result.ok) throw new Error(result.message)
  return result.remoteId
}

const metrics = (ids: string[], over: Partial<ChannelAccount> = {}): Promise<MetricsResult> => {
  if (!adapter.metrics) throw new Error('the Mastodon adapter has no metrics()')
  return adapter.metrics(
    ids.map((remoteId) => ({ remoteId, publishedAt: new Date() })),
    account(over),
  )
}

const failure = (result: MetricsResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
  return result
}

beforeEach(async () => {
  server = await startMastodonServer({ users: { [TOKEN]: 'stmarys' } })
})

afterEach(async () => {
  await server.close()
})

describe('Mastodon adapter: metrics', () => {
  it('reads one status per call with GET /api/v1/statuses/:id and the bearer token', async () => {
    const id = await status('Flu clinic open late on Thursday.')
    await metrics([id])

    const request = server.requests.at(-1)
    expect(`${request?.method} ${request?.path}`).toBe(`GET /api/v1/statuses/${id}`)
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(server.metricsReads.map((read) => read.ids)).toEqual([[id]])
    expect(adapter.metricsSupport?.batchSize).toBe(1)
  })

  it('maps favourites to likes, reblogs to shares and replies to comments; no views', async () => {
    const id = await status('Blood drive at noon.')
    server.setCounts(id, { favourites_count: 14, reblogs_count: 3, replies_count: 2 })

    expect(await metrics([id])).toEqual({
      ok: true,
      posts: { [id]: { likes: 14, shares: 3, comments: 2 } },
      gone: [],
    })
    expect(adapter.metricsSupport?.reports).not.toContain('impressions')
    expect(adapter.metricsSupport?.limits).toMatch(/does not count views/)
  })

  it('keeps a count the instance left out absent, and a real 0 as 0', async () => {
    const id = await status('Quiet post.')
    server.setCounts(id, { favourites_count: null })

    const result = await metrics([id])
    if (!result.ok) throw new Error(result.message)
    expect(result.posts[id]).toEqual({ shares: 0, comments: 0 })
  })

  it('reports a deleted status (404 Record not found) as gone', async () => {
    const id = await status('Soon deleted.')
    await adapter.remove(id, account())

    expect(await metrics([id])).toEqual({ ok: true, posts: {}, gone: [id] })
  })

  it('refuses more than one status per call without asking', async () => {
    const ids = [await status('a'), await status('b')]
    const result = failure(await metrics(ids))

    expect(result.retryable).toBe(false)
    expect(server.metricsReads).toHaveLength(0)
  })

  it('answers a 429 with the wait until X-RateLimit-Reset', async () => {
    const id = await status('Busy day.')
    server.limitMetrics({ calls: 1, windowMs: 5 * 60_000 })
    await metrics([id])

    const limited = failure(await metrics([id]))
    expect(limited).toMatchObject({ status: 429, retryable: true })
    expect(limited.retryAfterMs).toBeGreaterThan(4 * 60_000)
    expect(limited.retryAfterMs).toBeLessThanOrEqual(5 * 60_000)
  })

  it("says a 5xx from the instance's proxy may succeed later, with its page reduced to words", async () => {
    const id = await status('Later.')
    server.failNextMetrics(1, 502)

    const result = failure(await metrics([id]))
    expect(result).toMatchObject({ status: 502, retryable: true })
    expect(result.message).not.toMatch(/</)
  })

  it('says a 401 will not succeed by retrying, and never returns the token', async () => {
    const id = await status('Who?')
    const unknown = failure(await metrics([id], { accessToken: 'revoked-token' }))
    expect(unknown).toMatchObject({ status: 401, retryable: false })

    const broken = failure(await metrics([id], { accessToken: `${TOKEN}\nbroken` }))
    expect(broken.message).toContain('[redacted]')
    expect(JSON.stringify(broken)).not.toContain(TOKEN)
  })
})
