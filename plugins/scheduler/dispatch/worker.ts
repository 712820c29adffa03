import { randomBytes } from 'node:crypto'
import os from 'node:os'

import pLimit from 'p-limit'
import type { Payload } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'
import { defaultBaseUrls } from '../collections/channelAccounts/defaultBaseUrls'
import { startMetricsCollector } from '../metrics/collector'
import { startTokenKeeper } from '../oauth/keeper'
import { type ClaimedRow, claimDue } from './claim'
import { extendLeases, LeaseKeeper, LeaseLost } from './leases'
import { type LoadedRow, loadBatch } from './loadBatch'
import { processRow, type RowOutcome, type WorkerContext } from './processRow'
import { BatchRecorder, recordPublished } from './recordPublished'
import { sleep } from '../lib/sleep'

type Batch = { claimed: ClaimedRow[]; rows: Map<number, LoadedRow> }

export type WorkerOptions = {
  /** Stands in for the wall clock in tests. @default () => new Date() */
  now?: () => Date
  random?: () => number
  /**
   * Whether `start()` also runs the metrics collector (reading live posts' counts back from the
   * networks) in this worker. @default true
   */
  collectMetrics?: boolean
  /** Told about each finished row (tests and the benchmark watch it). */
  onOutcome?: (id: number, outcome: RowOutcome) => void
}

/**
 * A dispatch worker: claims due rows, sends them, records the outcome, and repeats; sleeps
 * `pollMs` only when a claim came back short, so a backlog drains at full speed. Run one per
 * process (`npm start` runs one, `npm run worker` runs one more); they share nothing but Postgres.
 *
 * Every row it holds is in its LeaseKeeper from claim to outcome: the leases are extended while
 * the rows wait and send, a row is only sent while its lease outlasts the send, and the worker's
 * own claims skip the rows it holds.
 */
export class DispatchWorker {
  readonly id = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
  /** Rows this worker did not record because their lease was no longer its own (logged too). */
  readonly stats = { lostLeases: 0 }
  private readonly abort = new AbortController()
  private running: Promise<void> | undefined
  private readonly ctx: Omit<WorkerContext, 'network'>
  private readonly slots: ReturnType<typeof pLimit>
  private readonly leases: LeaseKeeper

  constructor(
    private readonly payload: Payload,
    private readonly config: SanitizedSchedulerConfig,
    private readonly options: WorkerOptions = {},
  ) {
    const pool = (payload.db as unknown as { pool: import('pg').Pool }).pool
    this.slots = pLimit(config.dispatch.concurrency)
    const now = options.now ?? (() => new Date())
    this.ctx = {
      // Each batch records through its own BatchRecorder (sendBatch); nothing is recorded outside one.
      recordPublished: () => Promise.reject(new Error('recordPublished outside a batch')),
      payload,
      pool,
      config,
      workerId: this.id,
      now,
      random: options.random ?? Math.random,
      // No stop signal for sends: aborting one mid-flight could leave a post we never recorded.
    }
    this.leases = new LeaseKeeper(
      (rows, until) => extendLeases(pool, config, this.id, rows, until),
      {
        leaseMs: config.dispatch.leaseMs,
        now,
        onError: (error) =>
          payload.logger.warn(
            { err: error },
            'dispatch worker: could not extend its leases; sends wait for the next heartbeat',
          ),
      },
    )
  }

  /** One claim and everything in it; returns how many rows were claimed. */
  async runOnce(): Promise<number> {
    const batch = await this.claimBatch()
    await this.sendBatch(batch)
    return batch.claimed.length
  }

  private async claimBatch(): Promise<Batch> {
    const { batchSize, leaseMs } = this.config.dispatch
    const now = this.ctx.now()
    const claimed = await claimDue(this.ctx.pool, this.config, {
      workerId: this.id,
      limit: batchSize,
      leaseMs,
      now,
      inFlight: this.leases.ids(),
    })
    this.leases.hold(claimed, now)
    try {
      const rows = claimed.length
        ? await loadBatch(
            this.payload,
            this.config,
            claimed.map((claim) => claim.id),
          )
        : new Map()
      return { claimed, rows }
    } catch (error) {
      // Not sent: the leases run out and a later claim takes the rows again.
      for (const claim of claimed) this.leases.release(claim.id)
      throw error
    }
  }

  /**
   * One network call for a row: it waits for a send slot, and starts only if the row's lease
   * still outlasts the longest the call may take (`sendTimeoutMs`, counted from the slot).
   */
  private network(id: number): WorkerContext['network'] {
    const { sendTimeoutMs } = this.config.dispatch
    return (call) =>
      this.slots(() => {
        this.leases.assertHeldFor(id, sendTimeoutMs)
        return call(AbortSignal.timeout(sendTimeoutMs))
      })
  }

  private async sendBatch({ claimed, rows }: Batch): Promise<void> {
    // Every row at once; only their calls to networks queue (ctx.network), so a row waiting on its
    // outcome's write does not keep another from being sent.
    const recorder = new BatchRecorder(
      (items) => recordPublished(this.ctx.pool, this.config, this.id, items),
      claimed.length,
    )
    const lost: number[] = []
    await Promise.all(
      claimed.map(async (claim) => {
        let outcome: RowOutcome
        let recorded = false
        const ctx: WorkerContext = {
          ...this.ctx,
          network: this.network(claim.id),
          recordPublished: (item) => ((recorded = true), recorder.record(item)),
        }
        try {
          outcome = await processRow(ctx, claim, rows.get(claim.id))
          if (outcome === 'lost-lease' && rows.has(claim.id)) lost.push(claim.id)
        } catch (error) {
          if (error instanceof LeaseLost) lost.push(claim.id)
          // The lease runs out and another claim retries it; one bad row must not stop the worker.
          else
            this.payload.logger.error(
              { err: error, publication: claim.id },
              'dispatch of a publication failed unexpectedly',
            )
          outcome = 'lost-lease'
        } finally {
          if (!recorded) recorder.settled()
          this.leases.release(claim.id)
        }
        this.options.onOutcome?.(claim.id, outcome)
      }),
    )
    if (lost.length) {
      this.stats.lostLeases += lost.length
      this.payload.logger.warn(
        { publications: lost, worker: this.id },
        `dispatch: ${lost.length} publication(s) not sent or not recorded by this worker: the lease was no longer its own; the next claim checks the network before sending again`,
      )
    }
  }

  private keeper: { stop: () => Promise<void> } | undefined
  private collector: { stop: () => Promise<void> } | undefined

  start(): this {
    this.running ??= this.loop()
    // Every worker keeps the OAuth tokens fresh too; a row lock lets one refresh each at a time.
    if (this.config.oauth && !this.keeper)
      this.keeper = startTokenKeeper(this.payload, this.config, defaultBaseUrls)
    // And reads live posts' counts back, claiming readings as it claims posts (issue 18).
    if (this.options.collectMetrics !== false && !this.collector)
      this.collector = startMetricsCollector(this.payload, this.config, {
        workerId: this.id,
        now: this.options.now,
      })
    return this
  }

  /** Stops claiming, lets sends in flight finish (or time out), then resolves. */
  async stop(): Promise<void> {
    this.abort.abort()
    await Promise.all([this.running, this.keeper?.stop(), this.collector?.stop()])
    this.leases.stop()
  }

  /**
   * Claims whenever it holds no more rows than it can send at once (`concurrency`, or one batch
   * if that is larger), and sends each batch as it comes: while one batch is being sent the next
   * is claimed and loaded, so a backlog drains without the worker idling on its own queries, and a
   * slow receiver still has `concurrency` sends in flight rather than one batch's. A short claim
   * means the outbox is caught up, so the worker waits `pollMs` before looking again.
   */
  private async loop(): Promise<void> {
    const { batchSize, pollMs, concurrency } = this.config.dispatch
    const signal = this.abort.signal
    const sending = new Set<Promise<void>>()
    const stopping = new Promise<void>((resolve) =>
      signal.addEventListener('abort', () => resolve(), { once: true }),
    )
    while (!signal.aborted) {
      await Promise.race([this.leases.whenAtMost(Math.max(concurrency, batchSize)), stopping])
      // Stopping: finish what was claimed (its leases are ours), but claim nothing more.
      if (signal.aborted) break
      let batch: Batch
      try {
        batch = await this.claimBatch()
      } catch (error) {
        if (!signal.aborted)
          this.payload.logger.error(
            { err: error },
            'dispatch worker: claim failed; retrying shortly',
          )
        batch = { claimed: [], rows: new Map() }
      }
      if (batch.claimed.length) {
        const sent: Promise<void> = this.sendBatch(batch)
          .catch((error: unknown) =>
            this.payload.logger.error({ err: error }, 'dispatch worker: a batch failed'),
          )
          .finally(() => sending.delete(sent))
        sending.add(sent)
      }
      if (batch.claimed.length < batchSize) await sleep(pollMs, signal)
    }
    await Promise.all(sending)
  }
}
