/**
 * A webhook receiver as Standard Webhooks (standardwebhooks.com) tells one to behave: every request
 * is verified with the package's `Webhook.verify` (signature and the 5-minute timestamp window) and
 * refused with 400 when it fails; accepted deliveries are kept, repeats of a `webhook-id` counted.
 * A real receiver would drop repeats; this one accepts and counts them so a test or the throughput
 * benchmark can prove none happened. Per request it does one HMAC and one JSON parse, nothing more.
 *
 * `program(...)` queues answers for the next verified requests, in order: a 500, a 429 with
 * Retry-After, a 400 with a JSON error, a hang (no answer until the sender gives up), or any reply.
 */
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { Webhook } from 'standardwebhooks'

export type WebhookDelivery = {
  id: string
  /** `webhook-timestamp`, unix seconds. */
  timestamp: number
  /** The JSON body, as `verify` parsed it. */
  body: unknown
  headers: http.IncomingHttpHeaders
  /** Date.now() when it arrived: lag from due time to receipt is measured with it. */
  receivedAt: number
}

/** A string `body` is sent as text/html, anything else as JSON. */
export type WebhookReply = { status: number; body?: unknown; headers?: Record<string, string> }
export type WebhookPlan = WebhookReply | { hang: true }

/** The answers tests most often program. */
export const replies = {
  serverError: (): WebhookPlan => ({ status: 500, body: { error: 'internal server error' } }),
  tooManyRequests: (retryAfter: string): WebhookPlan => ({
    status: 429,
    body: { error: 'slow down' },
    headers: { 'Retry-After': retryAfter },
  }),
  badRequest: (error: string): WebhookPlan => ({ status: 400, body: { error } }),
  hang: (): WebhookPlan => ({ hang: true }),
}

export type WebhookReceiverOptions = {
  /** The `whsec_…` secret deliveries must be signed with. @default a random one */
  secret?: string
  /**
   * Answer each accepted delivery this long after recording it, as a receiver that does work
   * before it replies: a sender killed in that window has delivered but never heard so.
   */
  delayMs?: number
}

export type WebhookReceiver = {
  url: string
  secret: string
  /** Verified deliveries answered 2xx, repeats included, in arrival order. */
  deliveries: WebhookDelivery[]
  /** Verified requests answered with a programmed failure or left hanging: a sender retries these. */
  refused: WebhookDelivery[]
  /** Requests that failed verification (answered 400), with the package's reason. */
  rejected: { headers: http.IncomingHttpHeaders; reason: string }[]
  /** Distinct `webhook-id`s among the accepted deliveries. */
  uniqueIds(): string[]
  /** Accepted deliveries whose `webhook-id` had already been accepted. */
  duplicates(): number
  /** Queues answers for the next verified requests; once used up, requests get 204. */
  program(...plans: WebhookPlan[]): void
  close(): Promise<void>
}

const header = (value: string | string[] | undefined): string =>
  Array.isArray(value) ? value.join(' ') : (value ?? '')

// A string body goes out as it is (an HTML error page, a proxy's text); anything else as JSON.
const send = (res: http.ServerResponse, reply: WebhookReply): void => {
  const text = typeof reply.body === 'string'
  const payload =
    reply.body === undefined
      ? undefined
      : text
        ? (reply.body as string)
        : JSON.stringify(reply.body)
  const type =
    payload === undefined
      ? {}
      : { 'Content-Type': text ? 'text/html; charset=utf-8' : 'application/json' }
  res.writeHead(reply.status, { ...type, ...reply.headers })
  res.end(payload)
}

export const startWebhookReceiver = async (
  options: WebhookReceiverOptions = {},
): Promise<WebhookReceiver> => {
  const secret = options.secret ?? `whsec_${randomBytes(24).toString('base64')}`
  const webhook = new Webhook(secret)
  const deliveries: WebhookDelivery[] = []
  const refused: WebhookDelivery[] = []
  const rejected: WebhookReceiver['rejected'] = []
  const plans: WebhookPlan[] = []
  const seen = new Set<string>()

  const receive = (req: http.IncomingMessage, res: http.ServerResponse, raw: string): void => {
    const signed = {
      'webhook-id': header(req.headers['webhook-id']),
      'webhook-timestamp': header(req.headers['webhook-timestamp']),
      'webhook-signature': header(req.headers['webhook-signature']),
    }
    let body: unknown
    try {
      body = webhook.verify(raw, signed)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      rejected.push({ headers: req.headers, reason })
      return send(res, { status: 400, body: { error: `invalid webhook: ${reason}` } })
    }
    const delivery: WebhookDelivery = {
      id: signed['webhook-id'],
      timestamp: Number(signed['webhook-timestamp']),
      body,
      headers: req.headers,
      receivedAt: Date.now(),
    }
    const plan = plans.shift() ?? { status: 204 }
    if ('hang' in plan) return void refused.push(delivery)
    if (plan.status < 200 || plan.status >= 300) {
      refused.push(delivery)
      return send(res, plan)
    }
    deliveries.push(delivery)
    seen.add(delivery.id)
    if (options.delayMs) setTimeout(() => send(res, plan), options.delayMs)
    else send(res, plan)
  }

  const server = http.createServer((req, res) => {
    if (req.method !== 'POST')
      return send(res, { status: 405, body: { error: 'webhooks are POSTed' } })
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => receive(req, res, Buffer.concat(chunks).toString('utf8')))
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/hooks/carecast`,
    secret,
    deliveries,
    refused,
    rejected,
    uniqueIds: () => [...seen],
    duplicates: () => deliveries.length - seen.size,
    program: (...next) => void plans.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging requests keep their sockets open; closing them is what lets close() finish.
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
