/**
 * The baseline of `bench:dispatch` (issue 14): the least a dispatcher of this design can do, as a
 * process of its own like `npm run worker`. Over a plain table, no Payload: claim 100 due rows with
 * `FOR UPDATE SKIP LOCKED` (lease and fencing token set in the same statement), send each with the
 * same adapter Carecast uses (the webhook channel: the same fetch, the same Standard Webhooks
 * signature) 32 at a time, record the successes in one fenced UPDATE per batch, repeat; the next
 * batch is claimed while one is being sent, as Carecast's worker does. What Carecast adds on top —
 * guards, documents, media, the attempt log, notices — is what the ratio measures.
 *
 * Env: DATABASE_URL, BASELINE_URL and BASELINE_SECRET (the receiver), BASELINE_TABLE.
 */
import { randomBytes } from 'node:crypto'

import pg from 'pg'

import { webhookChannel } from '../../plugins/channels'
import type { ChannelPost } from '../../plugins/scheduler'

const BATCH = 100
const CONCURRENCY = 32
const LEASE_MS = 60_000
const POLL_MS = 200

const table = process.env.BASELINE_TABLE ?? 'baseline_outbox'
const account = { baseUrl: '', url: process.env.BASELINE_URL, secret: process.env.BASELINE_SECRET }
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 })
const adapter = webhookChannel()
const workerId = `baseline:${process.pid}:${randomBytes(3).toString('hex')}`

type Claimed = {
  id: number
  token: number
  key: string
  post: Omit<ChannelPost, 'idempotencyKey' | 'publicationId'>
}

const claim = async (): Promise<Claimed[]> => {
  const { rows } = await pool.query(
    `UPDATE "${table}" o
        SET state = 'dispatching', lease_owner = $1,
            lease_expires_at = now() + $2::int * interval '1 millisecond',
            fencing_token = o.fencing_token + 1
      WHERE o.id IN (SELECT id FROM "${table}"
                      WHERE (state = 'scheduled' AND due_at <= now())
                         OR (state = 'dispatching' AND lease_expires_at < now())
                      ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED)
  RETURNING o.id, o.fencing_token, o.idempotency_key, o.post`,
    [workerId, LEASE_MS, BATCH],
  )
  return rows.map((row) => ({
    id: Number(row.id),
    token: Number(row.fencing_token),
    key: row.idempotency_key,
    post: row.post,
  }))
}

const send = async (batch: Claimed[]) => {
  const sent: { id: number; token: number; remoteId: string }[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, batch.length) }, async () => {
      while (next < batch.length) {
        const row = batch[next++]
        const result = await adapter.publish(
          { ...row.post, idempotencyKey: row.key, publicationId: String(row.id) },
          account,
        )
        if (result.ok) sent.push({ id: row.id, token: row.token, remoteId: result.remoteId })
      }
    }),
  )
  if (!sent.length) return
  await pool.query(
    `UPDATE "${table}" o
        SET state = 'published', remote_id = v.remote_id, published_at = now(),
            lease_owner = NULL, lease_expires_at = NULL
       FROM unnest($2::bigint[], $3::int[], $4::text[]) AS v(id, token, remote_id)
      WHERE o.id = v.id AND o.fencing_token = v.token AND o.lease_owner = $1`,
    [
      workerId,
      sent.map((row) => row.id),
      sent.map((row) => row.token),
      sent.map((row) => row.remoteId),
    ],
  )
}

let stopping = false
const loop = async () => {
  let next: Promise<Claimed[]> | undefined = claim()
  while (next) {
    const batch: Claimed[] = await next
    const full = batch.length === BATCH
    next = full && !stopping ? claim() : undefined
    await send(batch)
    if (!next && !stopping) {
      if (!full) await new Promise((resolve) => setTimeout(resolve, POLL_MS))
      if (!stopping) next = claim()
    }
  }
}

const running = loop()
console.log(`Dispatch worker ${workerId} ready.`)
const stop = async () => {
  stopping = true
  await running
  await pool.end()
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
