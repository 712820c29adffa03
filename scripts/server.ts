/**
 * The production web server (`npm run serve` starts it): Next's request handler for the admin,
 * the API and the example site, and — ahead of it — the delivery API and the short links on their
 * own fast path. A
 * Next route handler costs more per request than the whole delivery query (measured: 523 against
 * 2,998 requests/s for a plain node + pg server), so /delivery/v1 is answered here, by the same
 * handler the Next route uses, and never reaches Next.
 */
import http from 'node:http'
import path from 'node:path'

import next from 'next'

import { deliveryHandler } from '../src/delivery/handler'
import { nodeLinkHandler } from '../src/links/handler'

const root = path.resolve(import.meta.dirname, '..')
const port = Number(process.env.PORT ?? 3000)
const DELIVERY = '/delivery/v1/'
const LINKS = '/l/'

const toRequest = (req: http.IncomingMessage): Request => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  // Who is asking, for the anonymous rate-limit tier: the socket's address, or behind a proxy that
  // says so (TRUST_PROXY=1), the first X-Forwarded-For entry. Never what the caller claims.
  const forwarded =
    process.env.TRUST_PROXY === '1'
      ? String(req.headers['x-forwarded-for'] ?? '')
          .split(',')[0]
          .trim()
      : ''
  headers.set('x-carecast-client', forwarded || req.socket.remoteAddress || 'unknown')
  // The delivery API is read-only: GET, HEAD and OPTIONS carry no body.
  return new Request(`http://${req.headers.host ?? `localhost:${port}`}${req.url}`, {
    method: req.method,
    headers,
  })
}

const send = async (response: Response, res: http.ServerResponse) => {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => (headers[name] = value))
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined
  res.writeHead(response.status, headers).end(body)
}

const app = next({ dev: false, dir: root, port, hostname: 'localhost' })
const handle = app.getRequestHandler()
await app.prepare()
const delivery = deliveryHandler()
const links = nodeLinkHandler()

const server = http.createServer((req, res) => {
  if (req.url?.startsWith(DELIVERY)) {
    delivery(toRequest(req))
      .then((response) => send(response, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' })
        res.end(
          JSON.stringify({
            errors: [{ message: 'The delivery API could not answer; try again.' }],
          }),
        )
      })
    return
  }
  // Short links (issue 18) on the same fast path: a click is one read, not a Next request.
  if (req.url?.startsWith(LINKS) && (req.method === 'GET' || req.method === 'HEAD'))
    return links(req, res)
  void handle(req, res)
})
server.listen(port, () => console.log(`▲ Carecast production server on http://localhost:${port}`))

// The clicks counted since the last flush are written before the process goes.
const stop = () => server.close(() => void links.stop().finally(() => process.exit(0)))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
