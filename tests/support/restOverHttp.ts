/**
 * Carecast's REST API on a real local port, for network fakes that fetch from Carecast the way the
 * real network would (the Graph API fake GETs a post's `image_url`). Requests go through the same
 * Payload routing as `TestApp.rest` (what /api/* runs under Next), so what a fake receives is what
 * Meta's fetcher would. Start it before the app, so its origin can be the app's `SERVER_URL`.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { TestApp } from './testPayload'

export const startRestOverHttp = async () => {
  let app: TestApp | undefined
  const requests: string[] = []
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    requests.push(`${request.method} ${url.pathname}`)
    const forward = async () => {
      if (!app || !url.pathname.startsWith('/api/') || request.method !== 'GET') {
        response.writeHead(404, { 'content-type': 'text/plain' })
        return response.end('not found')
      }
      const answer = await app.rest('GET', `${url.pathname.slice('/api'.length)}${url.search}`)
      const body = Buffer.from(await answer.arrayBuffer())
      response.writeHead(answer.status, Object.fromEntries(answer.headers.entries()))
      response.end(body)
    }
    forward().catch(() => {
      response.writeHead(502, { 'content-type': 'text/plain' })
      response.end('bad gateway')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    /** The app whose API this serves (it can only be booted once the origin is known). */
    serve: (served: TestApp) => {
      app = served
    },
    close: (): Promise<void> =>
      new Promise((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
