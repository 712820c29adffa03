import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

import type { Pool } from 'pg'

const root = path.resolve(import.meta.dirname, '../..')

export type WorkerProcess = {
  child: ChildProcess
  id: string
  output: () => string
  stop: () => Promise<void>
}

/**
 * Starts `npm run worker`'s script as its own OS process (not a promise in this one), so the claim
 * protocol is tested the way it runs in production: separate processes, one Postgres.
 */
export const spawnWorker = (
  env: Record<string, string>,
  {
    readyTimeoutMs = 120_000,
    nodeArgs = [] as string[],
    // The benchmark's baseline dispatcher speaks the same "ready" line.
    script = 'scripts/worker.ts',
  } = {},
): Promise<WorkerProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...nodeArgs, '--conditions=development', '--import', 'tsx', script],
      {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: 'error', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    const timer = setTimeout(
      () => reject(new Error(`worker did not start in ${readyTimeoutMs} ms:\n${output}`)),
      readyTimeoutMs,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const ready = /Dispatch worker (\S+) ready/.exec(output)
      if (ready) {
        clearTimeout(timer)
        child.stdout!.off('data', onData)
        child.stdout!.on('data', (more: Buffer) => (output += more.toString()))
        resolve({
          child,
          id: ready[1],
          output: () => output,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done()
              child.once('exit', () => done())
              child.kill('SIGTERM')
            }),
        })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`worker exited (${code ?? signal}) before it was ready:\n${output}`))
    })
  })

/**
 * Inserts `count` approved, due publications of one document to one account with two SQL
 * statements — the fast way to fill an outbox for load tests and the benchmark. With `spreadMs`
 * the due times are spaced evenly over that span instead of all at once.
 */
export const insertDuePublications = async (
  pool: Pool,
  {
    count,
    collection = 'campaigns',
    documentId,
    accountId,
    dueAt,
    channel = 'webhook',
    spreadMs = 0,
  }: {
    count: number
    collection?: string
    documentId: number | string
    accountId: number | string
    dueAt: Date
    channel?: string
    spreadMs?: number
  },
): Promise<number[]> => {
  const { rows } = await pool.query(
    `INSERT INTO publications (title, channel_account_id, channel, due_at, time_zone, text, state, idempotency_key, attempts, fencing_token)
     SELECT 'Load ' || n, $1::int, $2::text::enum_publications_channel, $3::timestamptz + ((n - 1) * $7::float8 / $6::int) * interval '1 millisecond', 'America/New_York', 'Load test post ' || n, 'scheduled',
            $4::text || ':' || $5::text || ':' || $2::text || '-' || $1::text || ':' || to_char($3::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '#' || n, 0, 0
       FROM generate_series(1, $6::int) AS n
     RETURNING id`,
    [accountId, channel, dueAt, collection, String(documentId), count, spreadMs],
  )
  const ids = rows.map((row) => Number(row.id))
  const column = `${collection.replace(/-/g, '_')}_id`
  await pool.query(
    `INSERT INTO publications_rels ("order", parent_id, path, "${column}") SELECT 1, id, 'document', $1::int FROM unnest($2::int[]) AS id`,
    [documentId, ids],
  )
  return ids
}

/** Polls until `check` holds or the time runs out; returns whether it held. */
export const waitFor = async (
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  everyMs = 100,
): Promise<boolean> => {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
  return check()
}
