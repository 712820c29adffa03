/**
 * A tiny public web server holding a few files, for the network fakes that fetch a post's image
 * from a URL themselves (the Graph API fake, as Instagram and Facebook do). Serves a real JPEG,
 * an HTML page (a login page or a CDN's error page, served 200 in place of an image) and 404 for
 * anything else, and records what was fetched.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import sharp from 'sharp'

export type ImageHost = Awaited<ReturnType<typeof startImageHost>>

export const startImageHost = async () => {
  const jpeg = await sharp({
    create: { width: 1080, height: 1080, channels: 3, background: { r: 30, g: 110, b: 160 } },
  })
    .jpeg()
    .toBuffer()
  const files: Record<string, { type: string; body: Buffer }> = {
    '/okafor.jpg': { type: 'image/jpeg', body: jpeg },
    '/clinic.jpg': { type: 'image/jpeg', body: jpeg },
    '/flu.jpg': { type: 'image/jpeg', body: jpeg },
    '/sign-in.html': {
      type: 'text/html; charset=utf-8',
      body: Buffer.from('<!doctype html><title>Sign in</title><form></form>'),
    },
  }
  const requests: string[] = []
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    requests.push(`${request.method} ${path}`)
    const file = files[path]
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' })
      response.end('not found')
      return
    }
    response.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length })
    response.end(file.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    /** The absolute URL of `path` on this host, e.g. `url('/okafor.jpg')`. */
    url: (path: string) => `${origin}${path}`,
    jpegSize: jpeg.length,
    requests,
    close: (): Promise<void> =>
      new Promise((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
