import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { linkedinAdapter } from '../../../../plugins/channels/linkedin'
import { DEFAULT_LINKEDIN_VERSION } from '../../../../plugins/channels/linkedin/api'
import { untilUtcMidnight } from '../../../../plugins/channels/linkedin/metrics'
import type { ChannelAccount, MetricsResult } from '../../../../plugins/scheduler/exports/channels'
import {
  type LinkedInApiServer,
  type StoredPost,
  startLinkedInApiServer,
} from '../../../support/networks/linkedinApiServer'

const TOKEN = 'li-metrics-token-90aa'
const ORG = 'urn:li:organization:2414183'
const PERSON = 'urn:li:person:abc123'

let server: LinkedInApiServer

const account = (overrides: Partial<ChannelAccount> = {}): ChannelAccount => ({
  baseUrl: server.url,
  accessToken: TOKEN,
  externalId: ORG,
  ...overrides,
})

const metrics = (ids: string[], over: Partial<ChannelAccount> = {}): Promise<MetricsResult> => {
  if (!linkedinAdapter.metrics) throw new Error('the LinkedIn adapter has no metrics()')
  return linkedinAdapter.metrics(
    ids.map((remoteId) => ({ remoteId, publishedAt: new Date() })),
    account(over),
  )
}

const failure = (result: MetricsResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
  return result
}

const share = (text: string) => server.seedPost(ORG, text, Date.now()).id

/** A post made through the older UGC Post API, whose URN is urn:li:ugcPost:…. */
const ugcPost = (id: string): string => {
  const urn = `urn:li:ugcPost:${id}`
  server.posts.set(urn, {
    id: urn,
    author: ORG,
    commentary: 'ugc',
    createdAt: 0,
    renderedText: 'ugc',
  } as StoredPost)
  return urn
}

beforeEach(async () => {
  server = await startLinkedInApiServer({ tokens: { [TOKEN]: [ORG, PERSON] } })
})

afterEach(async () => {
  await server.close()
})

describe('LinkedIn adapter: metrics', () => {
  it('asks organizationalEntityShareStatistics with Rest.li 2.0 lists of encoded URNs', async () => {
    const shares = [share('one'), share('two')]
    const ugc = ugcPost('7100000000000000999')
    await metrics([...shares, ugc])

    const request = server.requests.at(-1)
    const encoded = (urns: string[]) => `List(${urns.map(encodeURIComponent).join(',')})`
    expect(request?.method).toBe('GET')
    expect(request?.path).toBe(
      `/rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${encodeURIComponent(ORG)}` +
        `&shares=${encoded(shares)}&ugcPosts=${encoded([ugc])}`,
    )
    expect(request?.headers['linkedin-version']).toBe(DEFAULT_LINKEDIN_VERSION)
    expect(request?.headers['x-restli-protocol-version']).toBe('2.0.0')
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(server.metricsReads.map((read) => read.ids)).toEqual([[...shares, ugc]])
  })

  it('maps the lifetime totals of shares and UGC posts alike', async () => {
    const id = share('Heart month.')
    const ugc = ugcPost('7100000000000000888')
    const totals = {
      impressionCount: 5000,
      uniqueImpressionsCount: 3100,
      clickCount: 120,
      likeCount: 75,
      commentCount: 8,
      shareCount: 6,
    }
    server.setCounts(id, totals)
    server.setCounts(ugc, totals)
    const mapped = {
      impressions: 5000,
      reach: 3100,
      clicks: 120,
      likes: 75,
      comments: 8,
      shares: 6,
    }

    expect(await metrics([id, ugc])).toEqual({
      ok: true,
      posts: { [id]: mapped, [ugc]: mapped },
      gone: [],
    })
  })

  it('keeps a count LinkedIn left out absent, and a real 0 as 0', async () => {
    const id = share('New.')
    server.setCounts(id, { uniqueImpressionsCount: null, clickCount: 0 })

    const result = await metrics([id])
    if (!result.ok) throw new Error(result.message)
    expect(result.posts[id]).not.toHaveProperty('reach')
    expect(result.posts[id]?.clicks).toBe(0)
  })

  it('leaves a post missing from elements unread rather than calling it deleted', async () => {
    const kept = share('kept')
    const deleted = share('deleted')
    await linkedinAdapter.remove?.(deleted, account())

    const result = await metrics([kept, deleted])
    expect(result).toEqual({ ok: true, posts: { [kept]: expect.any(Object) }, gone: [] })
  })

  it('refuses a person author for good, saying why, without a request', async () => {
    const result = failure(await metrics([share('mine')], { externalId: PERSON }))

    expect(result).toMatchObject({ retryable: false, status: 0 })
    expect(result.message).toMatch(/only for organization pages/)
    expect(linkedinAdapter.metricsSupport?.limits).toMatch(/organization page/)
    expect(server.metricsReads).toHaveLength(0)
  })

  it('reads 10 posts at once and refuses 11 without asking', async () => {
    const ids = Array.from({ length: 11 }, (_, index) => share(`post ${index}`))
    expect(linkedinAdapter.metricsSupport?.batchSize).toBe(10)

    const full = await metrics(ids.slice(0, 10))
    expect(full.ok && Object.keys(full.posts)).toHaveLength(10)
    expect(failure(await metrics(ids)).retryable).toBe(false)
    expect(server.metricsReads).toHaveLength(1)
  })

  it('answers a 429 without Retry-After with the wait until the daily reset at midnight UTC', async () => {
    const id = share('busy')
    server.limitMetrics({ calls: 1, windowMs: 86_400_000 })
    await metrics([id])

    const before = Date.now()
    const limited = failure(await metrics([id]))
    expect(limited).toMatchObject({ status: 429, retryable: true })
    expect(limited.retryAfterMs).toBeLessThanOrEqual(untilUtcMidnight(before))
    expect(limited.retryAfterMs).toBeGreaterThan(untilUtcMidnight(before) - 5_000)
    expect(untilUtcMidnight(Date.parse('2026-03-01T23:00:00Z'))).toBe(3_600_000)
  })

  it('says a 5xx may succeed later and a 401 will not, never returning the token', async () => {
    const id = share('later')
    server.failNextMetrics(1, 502)
    expect(failure(await metrics([id]))).toMatchObject({ status: 502, retryable: true })

    expect(failure(await metrics([id], { accessToken: 'unknown' }))).toMatchObject({
      status: 401,
      retryable: false,
    })
    const broken = failure(await metrics([id], { accessToken: `${TOKEN}\nbroken` }))
    expect(broken.message).toContain('[redacted]')
    expect(JSON.stringify(broken)).not.toContain(TOKEN)
  })
})
