import type { Pool } from 'pg'

import type { SanitizedSchedulerConfig } from '../defaults'
import { tableName } from '../defaults'
import type { AttemptEntry } from './recordOutcome'

export type PublishedItem = {
  id: number
  fencingToken: number
  remoteId: string
  remoteUrl: string | null
  at: Date
  attempt: AttemptEntry
}

/**
 * Records many successful sends in one statement — the hot path of a backlog, where one UPDATE
 * (and one commit) per post would cost more than the sends. Each row is still fenced on its own:
 * only rows this worker holds with the token it was given are updated; the ids returned are the
 * ones that were.
 */
export const recordPublished = async (
  pool: Pool,
  config: SanitizedSchedulerConfig,
  workerId: string,
  items: PublishedItem[],
): Promise<Set<number>> => {
  if (!items.length) return new Set()
  const publications = tableName(config.publicationsSlug)
  const { rows } = await pool.query(
    `UPDATE "${publications}" p
        SET state = 'published',
            remote_id = v.remote_id,
            remote_url = v.remote_url,
            -- A refresh of a live row keeps the time it first went live.
            published_at = coalesce(p.published_at, v.at),
            refresh_requested_at = NULL,
            next_attempt_at = NULL,
            last_error = NULL,
            lease_owner = NULL,
            lease_expires_at = NULL,
            attempt_log = coalesce(p.attempt_log, '[]'::jsonb) || jsonb_build_array(v.entry),
            updated_at = v.at
       FROM unnest($2::int[], $3::numeric[], $4::text[], $5::text[], $6::timestamptz[], $7::jsonb[]) AS v(id, token, remote_id, remote_url, at, entry)
      WHERE p.id = v.id AND p.fencing_token = v.token AND p.lease_owner = $1
  RETURNING p.id`,
    [
      workerId,
      items.map((item) => item.id),
      items.map((item) => item.fencingToken),
      items.map((item) => item.remoteId),
      items.map((item) => item.remoteUrl),
      items.map((item) => item.at),
      items.map((item) => JSON.stringify(item.attempt)),
    ],
  )
  return new Set(rows.map((row) => Number(row.id)))
}

type Waiting = {
  item: PublishedItem
  resolve: (ok: boolean) => void
  reject: (error: unknown) => void
}

/**
 * Records one batch's successful sends with as few statements as it can: one, when every row of
 * the batch has reached its outcome (sent and waiting here, or finished some other way). A row
 * whose send is slow does not hold the others back: `waitMs` after the first success waits, what
 * is there is written, and the slow rows go in a later statement. Each caller learns whether its
 * own row was still its to record. (One statement per batch matters: each is a commit, and at a
 * backlog's pace three fewer commits per hundred posts was a tenth of the worker's CPU.)
 */
export class BatchRecorder {
  private queue: Waiting[] = []
  private atRest = 0
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly write: (items: PublishedItem[]) => Promise<Set<number>>,
    /** How many rows the batch has. */
    private readonly rows: number,
    private readonly waitMs = 100,
  ) {}

  /** A sent row, waiting for its record; resolves with whether it was still this worker's. */
  record(item: PublishedItem): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject })
      this.timer ??= setTimeout(() => void this.flush(), this.waitMs)
      this.rest()
    })
  }

  /** A row that finished without a success to record (failed, cancelled, lost). */
  settled(): void {
    this.rest()
  }

  private rest(): void {
    this.atRest += 1
    if (this.atRest >= this.rows) void this.flush()
  }

  private async flush(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    const batch = this.queue
    this.queue = []
    if (!batch.length) return
    try {
      const recorded = await this.write(batch.map((entry) => entry.item))
      for (const entry of batch) entry.resolve(recorded.has(entry.item.id))
    } catch (error) {
      for (const entry of batch) entry.reject(error)
    }
  }
}
