/**
 * `npm run bench:shortlinks`: the short-link redirect (issue 18) against a plain node + pg
 * redirect, in the same run, on the same database: 1,000 links of one publication, and an HTTP
 * load generator (autocannon) on loopback asking for a random one of them each time. Carecast's
 * side is the production fast path's own handler (`nodeLinkHandler`, what scripts/server.ts
 * mounts): one read of the link and its publication's state, the click counted in memory and
 * written once a second.
 * The plain one only reads the destination and redirects. Both servers run in this process,
 * beside the load generator, so both pay the same for sharing it. Prints JSON. A benchmark, not a
 * test: it reports, it does not assert.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import autocannon from 'autocannon'

import { newCode } from '../plugins/links'
import { nodeLinkHandler } from '../src/links/handler'
import { slugs } from '../src/slugs'
import { benchHeader, benchPayload } from './support'

const LINKS = Number(process.env.BENCH_LINKS ?? 1000)
const DURATION = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)

const { payload, pool, database } = await benchPayload('shortlinks')
const campaign = await payload.create({
  collection: slugs.campaigns,
  data: {
    title: 'Heart month',
    startsAt: new Date().toISOString(),
    endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    timeZone: 'America/New_York',
    _status: 'published',
  } as never,
})
const account = await payload.create({
  collection: slugs.channelAccounts,
  data: { name: 'Website', channel: 'web' } as never,
})
const post = await payload.create({
  collection: slugs.publications,
  data: {
    document: { relationTo: slugs.campaigns, value: campaign.id },
    channelAccount: account.id,
    dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    timeZone: 'America/New_York',
    text: 'Know your numbers',
    state: 'draft',
  } as never,
})
const codes = Array.from({ length: LINKS }, () => newCode())
await pool.query(
  `INSERT INTO short_links (code, destination, channel, publication_id)
   SELECT unnest($1::text[]), 'https://hospital.org/heart?utm_source=mastodon&utm_medium=social', 'mastodon', $2`,
  [codes, post.id],
)

const listen = (handler: http.RequestListener) =>
  new Promise<{ server: http.Server; origin: string }>((resolve) => {
    const server = http.createServer(handler)
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    )
  })

// Carecast: the fast path as scripts/server.ts runs it.
const links = nodeLinkHandler()
const carecast = await listen(links)
// The plain one: read the destination, redirect.
const plain = await listen((req, res) => {
  const code = req.url!.split('/').at(-1)
  pool
    .query('SELECT destination FROM short_links WHERE code = $1', [code])
    .then(({ rows }) =>
      rows[0]
        ? res.writeHead(302, { Location: rows[0].destination }).end()
        : res.writeHead(404).end(),
    )
    .catch(() => res.writeHead(500).end())
})

const measure = async (name: string, origin: string) => {
  const options = {
    url: origin,
    connections: CONNECTIONS,
    headers: { 'user-agent': 'Mozilla/5.0 (bench) AppleWebKit/605.1.15 Safari/605.1.15' },
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => ({
          ...request,
          path: `/l/${codes[Math.floor(Math.random() * codes.length)]}`,
        }),
      },
    ],
  }
  await autocannon({ ...options, duration: 2 }) // warm-up
  const result = await autocannon({ ...options, duration: DURATION })
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    // autocannon counts 3xx among the non-2xx answers: here every one should be a redirect.
    redirects: (result as unknown as Record<string, number>)['3xx'],
    non2xx: result.non2xx,
    errors: result.errors,
  }
}

const results = []
try {
  results.push(await measure('plain node + pg redirect', plain.origin))
  results.push(await measure('Carecast /l/<code> (counts the click)', carecast.origin))
  await links.stop()
  const { rows } = await pool.query('SELECT coalesce(sum(clicks), 0) AS n FROM link_clicks')
  console.log(
    JSON.stringify(
      {
        ...benchHeader('shortlinks'),
        links: LINKS,
        connections: CONNECTIONS,
        seconds: DURATION,
        results,
        ratio: Number((results[1].requestsPerSecond / results[0].requestsPerSecond).toFixed(2)),
        clicksCounted: Number(rows[0].n),
      },
      null,
      2,
    ),
  )
} finally {
  carecast.server.close()
  plain.server.close()
  await payload.destroy()
  await database.stop()
}
process.exit(0)
