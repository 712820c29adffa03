import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiKeyResolver, createDeliveryHandler } from '../../plugins/delivery'
import { localization } from '../../src/localization'
import { seedDemoUsers } from '../../seed/demoUsers'
import { payloadSecret } from '../../src/lib/payloadSecret'
import { slugs } from '../../src/slugs'
import { FRONTEND_KEY } from '../support/credentials'
import { LEAK } from '../support/expectCleanError'
import { startTestApp, type TestApp } from '../support/testPayload'

/** What the delivery API answers to bad requests, and its rate-limit tiers (no content needed for either). */
describe('delivery API: bad requests and rate limits', () => {
  let app: TestApp
  let pool: Pool
  let handler: (request: Request) => Promise<Response>
  const get = (pathAndQuery: string) =>
    handler(new Request(`http://localhost/delivery/v1${pathAndQuery}`))

  beforeAll(async () => {
    app = await startTestApp('delivery_limits')
    pool = (app.payload.db as unknown as { pool: Pool }).pool
    await seedDemoUsers(app.payload)
    handler = createDeliveryHandler({ pool, localization, onError: () => {} })
  })
  afterAll(async () => app?.close())

  it('answers bad parameters with 400 naming the parameter, unknown addresses with 404, and leaks nothing', async () => {
    const cases: [string, number, RegExp][] = [
      ['/stories?limit=0', 400, /^limit: must be a whole number from 1 to 100/],
      ['/stories?limit=abc', 400, /^limit:/],
      ['/stories?limit=101', 400, /^limit:/],
      ['/stories?locale=fr', 400, /^locale: must be one of en, es/],
      ['/stories?cursor=not-a-cursor', 400, /^cursor:/],
      ['/events?from=yesterday', 400, /^from: is not a date/],
      ['/stories?from=2026-01-01', 400, /^from: is not a parameter here/],
      ['/stories?sort=title', 400, /^sort: is not a parameter here/],
      ['/stories?serviceLine=DROP%20TABLE', 400, /^serviceLine: must be a slug/],
      ["/stories/x'%20OR%201=1", 404, /no such live item/],
      ['/stories/no-such-story', 404, /no such live item/],
      ['/patients', 404, /is not a content type/],
      ['/events/no-such.ics?locale=xx', 400, /^locale:/],
    ]
    for (const [pathAndQuery, status, message] of cases) {
      const response = await get(pathAndQuery)
      const text = await response.text()
      expect(response.status, pathAndQuery).toBe(status)
      expect(response.headers.get('content-type')).toMatch(/application\/json/)
      expect(text).not.toMatch(LEAK)
      expect(
        (JSON.parse(text) as { errors: { message: string }[] }).errors[0].message,
        pathAndQuery,
      ).toMatch(message)
    }
    const post = await handler(
      new Request('http://localhost/delivery/v1/stories', { method: 'POST', body: '{}' }),
    )
    expect(post.status).toBe(405)
    // A database failure is a 500 that says nothing about the database.
    const broken = createDeliveryHandler({
      pool,
      localization,
      slug: 'no-such-table',
      onError: () => {},
    })
    const failed = await broken(new Request('http://localhost/delivery/v1/stories'))
    expect(failed.status).toBe(500)
    expect(await failed.text()).not.toMatch(/no_such_table|relation|select|LEAK/i)
  })

  it('limits by tier: anonymous callers per address, front-end API keys per key with more; a wrong key is a 401', async () => {
    const limited = createDeliveryHandler({
      pool,
      localization,
      onError: () => {},
      rateLimit: {
        anonymous: { perMinute: 60, burst: 3 },
        withKey: { perMinute: 600, burst: 6 },
        checkApiKey: apiKeyResolver({ pool, usersTable: slugs.users, secret: payloadSecret() }),
      },
    })
    const call = (headers: Record<string, string>) =>
      limited(new Request('http://localhost/delivery/v1/stories?limit=1', { headers }))
    const anonymous = { 'x-carecast-client': '203.0.113.7' }
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await call(anonymous)).status)
    expect(statuses).toEqual([200, 200, 200, 429])
    const refused = await call(anonymous)
    expect(refused.headers.get('retry-after')).toBe('1')
    expect(refused.headers.get('ratelimit-remaining')).toBe('0')
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(
      /this address may make 60 requests a minute; retry in 1 s, or send a front-end API key/,
    )
    // Another address has its own allowance, and so has the key.
    expect((await call({ 'x-carecast-client': '203.0.113.8' })).status).toBe(200)
    const keyed: number[] = []
    for (let i = 0; i < 7; i++)
      keyed.push(
        (await call({ ...anonymous, Authorization: `users API-Key ${FRONTEND_KEY}` })).status,
      )
    expect(keyed).toEqual([200, 200, 200, 200, 200, 200, 429])
    const wrong = await call({ Authorization: 'users API-Key not-a-key' })
    expect(wrong.status).toBe(401)
    expect(await wrong.text()).toMatch(/Authorization: not a valid API key/)
  })
})
