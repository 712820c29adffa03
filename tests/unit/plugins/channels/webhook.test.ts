import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Webhook } from 'standardwebhooks'

import { webhookChannel, webhookId } from '../../../../plugins/channels/webhook'
import type {
  ChannelAccount,
  ChannelFailure,
  ChannelPost,
  ChannelResult,
} from '../../../../plugins/scheduler'
import {
  replies,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../support/networks/webhookReceiver'

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const OTHER_SECRET = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD'
const DUE = '2026-03-01T09:00:00.000Z'

let receiver: WebhookReceiver

const account = (overrides: Partial<ChannelAccount> = {}): ChannelAccount => ({
  baseUrl: '',
  url: receiver.url,
  secret: SECRET,
  ...overrides,
})

const post = (overrides: Partial<ChannelPost> = {}): ChannelPost => ({
  idempotencyKey: `events:7:webhook:${DUE}`,
  publicationId: 'pub-7',
  text: 'Free blood pressure checks in the main lobby on Saturday.',
  link: 'https://hospital.example/events/bp-checks?utm_source=webhook',
  media: [
    {
      kind: 'image',
      filePath: '/srv/media/lobby.png',
      url: 'https://cdn.hospital.example/lobby.png',
      mimeType: 'image/png',
      altText: 'A nurse taking a reading',
    },
  ],
  document: { id: 7, title: 'Blood pressure checks', startsAt: DUE },
  ...overrides,
})

const expectFailure = (result: ChannelResult): ChannelFailure => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
  return result
}

/** A fetch that keeps what was sent, so the signature can be checked independently of the receiver. */
const recordingFetch = () => {
  const sent: { url: string; headers: Record<string, string>; body: string }[] = []
  const fetcher: typeof fetch = async (input, init) => {
    sent.push({
      url: String(input),
      headers: Object.fromEntries(new Headers(init?.headers)),
      body: String(init?.body),
    })
    return fetch(input, init)
  }
  return { sent, fetcher }
}

beforeEach(async () => {
  receiver = await startWebhookReceiver({ secret: SECRET })
})

afterEach(async () => {
  await receiver.close()
})

describe('webhook adapter: publish', () => {
  it('is the webhook channel, can delete, and reconciles to "send it" (the receiver dedupes)', async () => {
    const adapter = webhookChannel()
    expect(adapter.channel).toBe('webhook')
    expect(adapter.canDelete).toBe(true)
    expect(await adapter.reconcile(post(), account(), undefined)).toBeNull()
    expect(receiver.refused).toHaveLength(0)
    expect(receiver.deliveries).toHaveLength(0)
  })

  it("signs per Standard Webhooks: the package's verify accepts it with the secret and refuses it with another", async () => {
    const { sent, fetcher } = recordingFetch()
    const result = await webhookChannel({ fetch: fetcher }).publish(post(), account())

    expect(result.ok).toBe(true)
    const [request] = sent
    expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/)
    expect(request.headers['webhook-timestamp']).toMatch(/^\d+$/)
    expect(Math.abs(Number(request.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(
      5,
    )
    expect(new Webhook(SECRET).verify(request.body, request.headers)).toEqual(
      JSON.parse(request.body),
    )
    expect(() => new Webhook(OTHER_SECRET).verify(request.body, request.headers)).toThrow(
      /No matching signature/,
    )
    expect(() =>
      new Webhook(SECRET).verify(request.body.replace('Saturday', 'Sunday'), request.headers),
    ).toThrow(/No matching signature/)
  })

  it('is refused (400, permanent) by a receiver holding a different secret', async () => {
    const result = expectFailure(
      await webhookChannel().publish(post(), account({ secret: OTHER_SECRET })),
    )

    expect(result).toMatchObject({ retryable: false, status: 400 })
    expect(result.message).toMatch(/No matching signature found/)
    expect(receiver.rejected).toHaveLength(1)
    expect(receiver.deliveries).toHaveLength(0)
  })

  it('sends the documented JSON body, with public media fields only', async () => {
    const before = Date.now()
    await webhookChannel().publish(post(), account())

    const [delivery] = receiver.deliveries
    expect(delivery.headers['content-type']).toBe('application/json')
    expect(delivery.body).toEqual({
      type: 'publication.published',
      timestamp: expect.any(String),
      data: {
        publicationId: 'pub-7',
        idempotencyKey: `events:7:webhook:${DUE}`,
        text: post().text,
        link: post().link,
        media: [
          {
            kind: 'image',
            url: 'https://cdn.hospital.example/lobby.png',
            mimeType: 'image/png',
            altText: 'A nurse taking a reading',
          },
        ],
        document: { id: 7, title: 'Blood pressure checks', startsAt: DUE },
      },
    })
    const at = Date.parse((delivery.body as { timestamp: string }).timestamp)
    expect(at).toBeGreaterThanOrEqual(before)
    expect(delivery.timestamp).toBe(Math.floor(at / 1000))
    expect(JSON.stringify(delivery.body)).not.toContain('/srv/media')
  })

  it('keeps the webhook-id stable for one idempotency key and distinct across keys, and returns it as the remote id', async () => {
    const adapter = webhookChannel()
    const first = await adapter.publish(post(), account())
    const second = await adapter.publish(post(), account())
    const other = await adapter.publish(
      post({ idempotencyKey: `events:8:webhook:${DUE}` }),
      account(),
    )

    const [a, b, c] = receiver.deliveries.map((delivery) => delivery.id)
    expect(a).toMatch(/^msg_[A-Za-z0-9_-]{32}$/)
    expect(b).toBe(a)
    expect(c).not.toBe(a)
    expect(a).toBe(webhookId(post().idempotencyKey))
    expect(first).toEqual({ ok: true, remoteId: a, status: 204 })
    expect(second).toEqual(first)
    expect(other).toEqual({ ok: true, remoteId: c, status: 204 })
    expect(receiver.uniqueIds()).toEqual([a, c])
    expect(receiver.duplicates()).toBe(1)
  })

  it('takes any 2xx as success and keeps the webhook-id even when the receiver answers with its own id', async () => {
    receiver.program({ status: 202, body: { id: 'receiver-123' } })
    const result = await webhookChannel().publish(post(), account())

    expect(result).toEqual({ ok: true, remoteId: webhookId(post().idempotencyKey), status: 202 })
  })

  it('uses the fetch it is given', async () => {
    const { sent, fetcher } = recordingFetch()
    await webhookChannel({ fetch: fetcher }).publish(post(), account())

    expect(sent.map((request) => request.url)).toEqual([receiver.url])
  })
})

describe('webhook adapter: failures', () => {
  it('treats a 500 as retryable, and the retry carries the same webhook-id', async () => {
    receiver.program(replies.serverError())
    const adapter = webhookChannel()
    const failed = expectFailure(await adapter.publish(post(), account()))
    const retried = await adapter.publish(post(), account())

    expect(failed).toEqual({
      ok: false,
      retryable: true,
      status: 500,
      message: 'internal server error',
    })
    expect(retried.ok).toBe(true)
    expect(receiver.refused.map((delivery) => delivery.id)).toEqual(receiver.uniqueIds())
    expect(receiver.duplicates()).toBe(0)
  })

  it('turns 429 with Retry-After: 7 into a retryable failure waiting 7000 ms', async () => {
    receiver.program(replies.tooManyRequests('7'))
    const result = expectFailure(await webhookChannel().publish(post(), account()))

    expect(result).toEqual({
      ok: false,
      retryable: true,
      status: 429,
      message: 'slow down',
      retryAfterMs: 7000,
    })
  })

  it('reads an HTTP-date Retry-After on a 503', async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 30_000)
    receiver.program({
      status: 503,
      body: 'down for maintenance',
      headers: { 'Retry-After': at.toUTCString() },
    })
    const result = expectFailure(await webhookChannel().publish(post(), account()))

    expect(result).toMatchObject({ retryable: true, status: 503, message: 'down for maintenance' })
    expect(result.retryAfterMs).toBeGreaterThan(28_000)
    expect(result.retryAfterMs).toBeLessThanOrEqual(31_000)
  })

  it("keeps a 400's JSON error as a permanent failure", async () => {
    receiver.program(replies.badRequest('unknown event type publication.published'))
    const result = expectFailure(await webhookChannel().publish(post(), account()))

    expect(result).toEqual({
      ok: false,
      retryable: false,
      status: 400,
      message: 'unknown event type publication.published',
    })
  })

  it('keeps at most 500 characters of an HTML error page, tags dropped', async () => {
    receiver.program({
      status: 404,
      body: `<html><body><h1>Not Found</h1><p>${'x'.repeat(2000)}</p></body></html>`,
    })
    const result = expectFailure(await webhookChannel().publish(post(), account()))

    expect(result).toMatchObject({ retryable: false, status: 404 })
    expect(result.message.length).toBeLessThanOrEqual(500)
    expect(result.message).toMatch(/^Not Found x+/)
    expect(result.message).not.toContain('<')
  })

  it('does not follow a redirect, and says the URL needs updating', async () => {
    receiver.program({ status: 308, headers: { Location: 'https://elsewhere.example/hook' } })
    const result = expectFailure(await webhookChannel().publish(post(), account()))

    expect(result).toMatchObject({ retryable: false, status: 308 })
    expect(result.message).toMatch(
      /redirected to https:\/\/elsewhere\.example\/hook.*URL needs updating/,
    )
    expect(receiver.refused).toHaveLength(1)
  })

  it("times out a hanging receiver after the account's timeoutMs, as retryable", async () => {
    receiver.program(replies.hang())
    const started = Date.now()
    const result = expectFailure(
      await webhookChannel().publish(post(), account({ settings: { timeoutMs: 150 } })),
    )

    expect(result).toEqual({
      ok: false,
      retryable: true,
      status: 0,
      message: 'the webhook receiver did not answer within 150 ms',
    })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(receiver.refused).toHaveLength(1)
  })

  it('uses the adapter timeout when the account sets none', async () => {
    receiver.program(replies.hang())
    const result = expectFailure(
      await webhookChannel({ timeoutMs: 100 }).publish(post(), account()),
    )

    expect(result).toMatchObject({
      retryable: true,
      status: 0,
      message: 'the webhook receiver did not answer within 100 ms',
    })
  })

  it("stops when the caller's signal aborts, as retryable", async () => {
    receiver.program(replies.hang())
    const result = expectFailure(
      await webhookChannel().publish(post(), account(), AbortSignal.timeout(100)),
    )

    expect(result).toEqual({
      ok: false,
      retryable: true,
      status: 0,
      message: 'the request timed out',
    })
  })

  it('reports a refused connection as retryable, with its cause', async () => {
    const url = receiver.url
    await receiver.close()
    const result = expectFailure(await webhookChannel().publish(post(), account({ url })))
    receiver = await startWebhookReceiver({ secret: SECRET })

    expect(result).toMatchObject({ retryable: true, status: 0 })
    expect(result.message).toMatch(/ECONNREFUSED/)
  })

  it.each([
    ['no url', { url: undefined }, /no URL/],
    ['a blank url', { url: '  ' }, /no URL/],
    ['an unparsable url', { url: 'not a url' }, /not a valid URL/],
    ['a non-http url', { url: 'ftp://hospital.example/hook' }, /must be http\(s\)/],
    [
      'credentials in the url',
      { url: 'https://user:pw@hospital.example/hook' },
      /must not carry credentials/,
    ],
    ['no secret', { secret: undefined }, /no signing secret \(secret\)/],
    ['an invalid secret', { secret: 'whsec_not base64!!' }, /not a valid key/],
  ])('fails for good, without a request, on %s', async (_name, overrides, message) => {
    const result = expectFailure(await webhookChannel().publish(post(), account(overrides)))

    expect(result).toMatchObject({ ok: false, retryable: false, status: 0 })
    expect(result.message).toMatch(message)
    expect([...receiver.deliveries, ...receiver.refused, ...receiver.rejected]).toHaveLength(0)
  })

  it('never lets the secret, or its bare key, into a message', async () => {
    const key = SECRET.slice('whsec_'.length)
    receiver.program(replies.badRequest(`secret ${SECRET} rejected`), {
      status: 500,
      body: { message: `key ${key} revoked` },
    })
    const adapter = webhookChannel({ timeoutMs: 100 })
    const results = [
      await adapter.publish(post(), account()),
      await adapter.publish(post(), account()),
      await adapter.publish(post(), account({ secret: 'whsec_not base64!!' })),
      await adapter.publish(post(), account({ url: undefined })),
      await adapter.remove(webhookId('x'), account({ secret: OTHER_SECRET })),
    ].map(expectFailure)

    expect(results[0].message).toBe('secret [redacted] rejected')
    expect(results[1].message).toBe('key [redacted] revoked')
    for (const result of results) {
      expect(result.message).not.toContain(key)
      expect(result.message).not.toContain('not base64')
      expect(result.message).not.toContain(OTHER_SECRET.slice('whsec_'.length))
    }
  })
})

describe('webhook adapter: remove', () => {
  it('sends a signed publication.retracted event with its own stable webhook-id', async () => {
    const adapter = webhookChannel()
    const published = await adapter.publish(post(), account())
    if (!published.ok) throw new Error(published.message)
    const first = await adapter.remove(published.remoteId, account())
    const second = await adapter.remove(published.remoteId, account())

    const [, retraction, repeat] = receiver.deliveries
    expect(retraction.body).toEqual({
      type: 'publication.retracted',
      timestamp: expect.any(String),
      data: { remoteId: published.remoteId },
    })
    expect(retraction.id).toBe(webhookId(`${published.remoteId}:retracted`))
    expect(retraction.id).not.toBe(published.remoteId)
    expect(repeat.id).toBe(retraction.id)
    expect(first).toEqual({ ok: true, remoteId: published.remoteId, status: 204 })
    expect(second).toEqual(first)
  })

  it('maps a failed retraction like a failed publish', async () => {
    receiver.program(replies.tooManyRequests('3'))
    const result = expectFailure(await webhookChannel().remove(webhookId('x'), account()))

    expect(result).toEqual({
      ok: false,
      retryable: true,
      status: 429,
      message: 'slow down',
      retryAfterMs: 3000,
    })
  })
})
