import type { Pool } from 'pg'

import type { SanitizedSchedulerConfig } from '../defaults'
import { tableName } from '../defaults'

/**
 * Thrown instead of sending when a row's lease is no longer this worker's, or would run out before
 * the send could end: a send under a stale token could post a copy another worker also posts.
 */
export class LeaseLost extends Error {
  constructor(readonly publication: number) {
    super(`the lease on publication ${publication} is no longer this worker's`)
    this.name = 'LeaseLost'
  }
}

export type HeldRow = { id: number; fencingToken: number }

/**
 * Extends this worker's leases on the given rows, fenced like every other write of the protocol
 * (same owner, same token); returns the ids it extended. A row missing from the answer is no
 * longer ours: another worker claimed it after its lease ran out, or it was recorded.
 */
export const extendLeases = async (
  pool: Pool,
  config: SanitizedSchedulerConfig,
  workerId: string,
  rows: HeldRow[],
  until: Date,
): Promise<Set<number>> => {
  if (!rows.length) return new Set()
  const { rows: extended } = await pool.query(
    `UPDATE "${tableName(config.publicationsSlug)}" p
        SET lease_expires_at = $2
       FROM unnest($3::int[], $4::numeric[]) AS v(id, token)
      WHERE p.id = v.id AND p.fencing_token = v.token AND p.lease_owner = $1
  RETURNING p.id`,
    [workerId, until, rows.map((row) => row.id), rows.map((row) => row.fencingToken)],
  )
  return new Set(extended.map((row) => Number(row.id)))
}

type Held = { fencingToken: number; until: number; lost: boolean }

/**
 * Every row a worker holds, from its claim until its outcome is written, with the time its lease
 * runs to. While any row is held, the leases are extended every quarter lease (a heartbeat), so a
 * batch that takes longer to send than one lease — a slow receiver, a long queue for send slots —
 * keeps its rows. A row whose extension fails is marked lost and is never sent again by this
 * worker; a row is only sent when its lease outlasts the longest the send may take. Issue 15: a
 * batch that outlived its lease was re-claimed by its own worker and resent for ever.
 */
export class LeaseKeeper {
  private readonly held = new Map<number, Held>()
  private timer: NodeJS.Timeout | undefined
  private beating: Promise<void> | undefined
  private waiters: { limit: number; resolve: () => void }[] = []

  constructor(
    private readonly extend: (rows: HeldRow[], until: Date) => Promise<Set<number>>,
    private readonly options: {
      leaseMs: number
      now: () => Date
      /** Told when a heartbeat could not be written (the database is away); the leases keep running down. */
      onError?: (error: unknown) => void
    },
  ) {}

  /** Rows just claimed, whose leases run `leaseMs` from `claimedAt`. */
  hold(rows: HeldRow[], claimedAt: Date): void {
    const until = claimedAt.getTime() + this.options.leaseMs
    for (const row of rows)
      this.held.set(row.id, { fencingToken: row.fencingToken, until, lost: false })
    if (this.held.size && !this.timer) {
      this.timer = setInterval(() => void this.beat(), Math.max(1, this.options.leaseMs / 4))
      // The worker's loop keeps the process alive; a forgotten keeper must not.
      this.timer.unref()
    }
  }

  /** A row whose outcome is written (or that will not be sent): no longer extended. */
  release(id: number): void {
    this.held.delete(id)
    if (!this.held.size) this.stop()
    this.waiters = this.waiters.filter((waiter) =>
      this.held.size <= waiter.limit ? (waiter.resolve(), false) : true,
    )
  }

  /** The rows held now: a worker's claim must not take them back. */
  ids(): number[] {
    return [...this.held.keys()]
  }

  get size(): number {
    return this.held.size
  }

  /** Resolves once at most `limit` rows are held. */
  whenAtMost(limit: number): Promise<void> {
    if (this.held.size <= limit) return Promise.resolve()
    return new Promise((resolve) => this.waiters.push({ limit, resolve }))
  }

  /** Throws LeaseLost unless the row is still this worker's for at least `ms` more. */
  assertHeldFor(id: number, ms: number): void {
    const row = this.held.get(id)
    if (!row || row.lost || row.until - this.options.now().getTime() < ms) throw new LeaseLost(id)
  }

  /** One heartbeat (the timer calls it; tests may too). Never two at once. */
  beat(): Promise<void> {
    this.beating ??= this.extendAll().finally(() => (this.beating = undefined))
    return this.beating
  }

  private async extendAll(): Promise<void> {
    const rows = [...this.held].filter(([, row]) => !row.lost)
    if (!rows.length) return
    const until = this.options.now().getTime() + this.options.leaseMs
    let extended: Set<number>
    try {
      extended = await this.extend(
        rows.map(([id, row]) => ({ id, fencingToken: row.fencingToken })),
        new Date(until),
      )
    } catch (error) {
      this.options.onError?.(error)
      return
    }
    for (const [id] of rows) {
      const row = this.held.get(id)
      // Released while the heartbeat was on its way: recorded, nothing to keep.
      if (!row) continue
      if (extended.has(id)) row.until = until
      else row.lost = true
    }
  }

  /** Stops the heartbeat (the worker is done, or holds nothing). */
  stop(): void {
    clearInterval(this.timer)
    this.timer = undefined
  }
}
