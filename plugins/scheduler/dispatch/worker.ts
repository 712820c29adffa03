import { randomBytes } from 'node:crypto'
import os from 'node:os'

import pLimit from 'p-limit'
import type { Payload } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'
import { type ClaimedRow, claimDue } from './claim'
import { type LoadedRow, loadBatch } from './loadBatch'
import { processRow, type RowOutcome, type WorkerContext } from './processRow'
import { BatchRecorder, recordPublished } from './recordPublished'

type Batch = { claimed: ClaimedRow[]; rows: Map<number, LoadedRow> }

export type WorkerOptions = {
  /** Stands in for the wall clock in tests. @default () => new Date() */
  now?: () => Date
  random?: () => number
  /** Told about each finished row (tests and the benchmark watch it). */
  onOutcome?: (id: number, outcome: RowOutcome) => void
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve()
    const onAbort = () => (clearTimeout(timer), resolve())
    // Removed when the wait ends normally, or every idle poll would leave a listener behind.
    const timer = setTimeout(() => (signal.removeEventListener('abort', onAbort), resolve()), ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })

/**
 * A dispatch worker: claims due rows, sends them, records the outcome, and repeats; sleeps
 * `pollMs` only when a claim came back short, so a backlog drains at full speed. Run one per
 * process (`npm start` runs one, `npm run worker` runs one more); they share nothing but Postgres.
 */
export class DispatchWorker {
  readonly id = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
  private readonly abort = new AbortController()
  private running: Promise<void> | undefined
  private readonly ctx: WorkerContext

  constructor(
    private readonly payload: Payload,
    private readonly config: SanitizedSchedulerConfig,
    private readonly options: WorkerOptions = {},
  ) {
    const pool = (payload.db as unknown as { pool: import('pg').Pool }).pool
    const slots = pLimit(config.dispatch.concurrency)
    this.ctx = {
      // Each batch records through its own BatchRecorder (sendBatch); nothing is recorded outside one.
      recordPublished: () => Promise.reject(new Error('recordPublished outside a batch')),
      network: (call) => slots(() => call(AbortSignal.timeout(config.dispatch.sendTimeoutMs))),
      payload,
      pool,
      config,
      workerId: this.id,
      now: options.now ?? (() => new Date()),
      random: options.random ?? Math.random,
      // No stop signal for sends: aborting one mid-flight could leave a post we never recorded.
    }
  }

  /** One claim and everything in it; returns how many rows were claimed. */
  async runOnce(): Promise<number> {
    const batch = await this.claimBatch()
    await this.sendBatch(batch)
    return batch.claimed.length
  }

  private async claimBatch(): Promise<Batch> {
    const { batchSize, leaseMs } = this.config.dispatch
    const claimed = await claimDue(this.ctx.pool, this.config, {
      workerId: this.id,
      limit: batchSize,
      leaseMs,
      now: this.ctx.now(),
    })
    const rows = claimed.length
      ? await loadBatch(
          this.payload,
          this.config,
          claimed.map((claim) => claim.id),
        )
      : new Map()
    return { claimed, rows }
  }

  private async sendBatch({ claimed, rows }: Batch): Promise<void> {
    // Every row at once; only their calls to networks queue (ctx.network), so a row waiting on its
    // outcome's write does not keep another from being sent.
    const recorder = new BatchRecorder(
      (items) => recordPublished(this.ctx.pool, this.config, this.id, items),
      claimed.length,
    )
    await Promise.all(
      claimed.map(async (claim) => {
        let outcome: RowOutcome
        let recorded = false
        const ctx: WorkerContext = {
          ...this.ctx,
          recordPublished: (item) => ((recorded = true), recorder.record(item)),
        }
        try {
          outcome = await processRow(ctx, claim, rows.get(claim.id))
        } catch (error) {
          // The lease runs out and another claim retries it; one bad row must not stop the worker.
          this.payload.logger.error(
            { err: error, publication: claim.id },
            'dispatch of a publication failed unexpectedly',
          )
          outcome = 'lost-lease'
        } finally {
          if (!recorded) recorder.settled()
        }
        this.options.onOutcome?.(claim.id, outcome)
      }),
    )
  }

  start(): this {
    this.running ??= this.loop()
    return this
  }

  /** Stops claiming, lets sends in flight finish (or time out), then resolves. */
  async stop(): Promise<void> {
    this.abort.abort()
    await this.running
  }

  /**
   * While one full batch is being sent, the next is claimed and loaded: a backlog drains without
   * the worker idling on its own queries. A short batch means the outbox is caught up, so the
   * worker waits `pollMs` before looking again.
   */
  private async loop(): Promise<void> {
    const { batchSize, pollMs } = this.config.dispatch
    const claimSafely = () =>
      this.claimBatch().catch((error: unknown) => {
        if (!this.abort.signal.aborted)
          this.payload.logger.error(
            { err: error },
            'dispatch worker: claim failed; retrying shortly',
          )
        return { claimed: [], rows: new Map() } as Batch
      })
    let next: Promise<Batch> | undefined = claimSafely()
    while (next) {
      const batch: Batch = await next
      const full = batch.claimed.length === batchSize
      // Stopping: finish what was claimed (its leases are ours), but claim nothing more.
      next = full && !this.abort.signal.aborted ? claimSafely() : undefined
      await this.sendBatch(batch)
      if (!next && !this.abort.signal.aborted) {
        if (!full) await sleep(pollMs, this.abort.signal)
        if (!this.abort.signal.aborted) next = claimSafely()
      }
    }
  }
}
