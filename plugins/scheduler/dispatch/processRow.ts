import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { adapterFor } from '../channels/registry'
import {
  type ChannelFailure,
  type ChannelResult,
  type ChannelSuccess,
  ReconcileFailed,
} from '../channels/types'
import type { SanitizedSchedulerConfig } from '../defaults'
import type { GuardResult } from '../types'
import { decideRetry } from '../lib/retryPolicy'
import { buildPost } from './buildPost'
import type { ClaimedRow } from './claim'
import { LeaseLost } from './leases'
import { emitFailed, emitTakenDown } from './emitOutcome'
import type { LoadedRow } from './loadBatch'
import { type AttemptEntry, recordOutcome } from './recordOutcome'
import type { PublishedItem } from './recordPublished'
import { scheduleNextOccurrence } from './reshare'
import { runGuards } from './runGuards'

export type WorkerContext = {
  payload: Payload
  pool: Pool
  config: SanitizedSchedulerConfig
  workerId: string
  now: () => Date
  random: () => number
  /** Writes successful sends in batches; see recordPublished. */
  recordPublished: (item: PublishedItem) => Promise<boolean>
  /**
   * Runs one call to a network, at most `dispatch.concurrency` at a time, with the signal that
   * bounds it (`dispatch.sendTimeoutMs` from when its slot came free). Only the call waits for a
   * slot: guards, building the post and recording the outcome don't hold one.
   */
  network: <T>(call: (signal: AbortSignal) => Promise<T>) => Promise<T>
}

export type RowOutcome = 'published' | 'retracted' | 'retry' | 'failed' | 'cancelled' | 'lost-lease'

const short = (text: string, max = 1000) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text

/** One claimed row, start to finish: guards, reconcile after a crash, send, record. */
export const processRow = async (
  ctx: WorkerContext,
  claim: ClaimedRow,
  row: LoadedRow | undefined,
): Promise<RowOutcome> => {
  const { config } = ctx
  const fence = { id: claim.id, fencingToken: claim.fencingToken, workerId: ctx.workerId }
  const entry = (
    kind: AttemptEntry['kind'],
    outcome: AttemptEntry['outcome'],
    extra: Partial<AttemptEntry> = {},
  ): AttemptEntry => ({
    at: ctx.now().toISOString(),
    kind,
    outcome,
    worker: ctx.workerId,
    ...extra,
  })
  const record = async (
    set: Parameters<typeof recordOutcome>[3],
    attempt: AttemptEntry,
    outcome: RowOutcome,
  ): Promise<RowOutcome> =>
    (await recordOutcome(ctx.pool, config, fence, set, attempt, ctx.now())) ? outcome : 'lost-lease'

  const failWith = async (
    failure: ChannelFailure,
    kind: 'publish' | 'retract',
  ): Promise<RowOutcome> => {
    const decision = decideRetry({
      attempts: claim.attempts,
      maxAttempts: config.dispatch.maxAttempts,
      failure,
      now: ctx.now(),
      random: ctx.random,
      baseMs: config.dispatch.retryBaseMs,
      capMs: config.dispatch.retryCapMs,
    })
    const error = short(failure.message)
    if (decision.action === 'retry') {
      return record(
        {
          state: kind === 'publish' ? 'scheduled' : 'retracting',
          next_attempt_at: decision.at,
          last_error: error,
        },
        entry(kind, 'retry', { status: failure.status, error, retryAt: decision.at.toISOString() }),
        'retry',
      )
    }
    const lastError = `${kind === 'retract' ? 'Retraction failed' : 'Failed'} (${decision.reason}): ${error}`
    // A post that could not be taken down is still live: say so, and stop retrying the unpublish.
    const set =
      kind === 'publish'
        ? ({ state: 'failed', last_error: lastError } as const)
        : ({ state: 'published', last_error: lastError, unpublish_at: null } as const)
    const outcome = await record(
      set,
      entry(kind, 'failed', { status: failure.status, error }),
      'failed',
    )
    if (outcome === 'failed' && kind === 'publish') await emitFailed(ctx, claim.id, row, lastError)
    return outcome
  }

  if (!row) return 'lost-lease' // deleted between claim and load: nothing to send
  if (!row.account)
    return failWith(
      { ok: false, retryable: false, status: 0, message: row.accountError ?? 'no channel account' },
      claim.kind,
    )
  const adapter = adapterFor(config, row.account.channel, ctx.payload)
  if (!adapter)
    return failWith(
      {
        ok: false,
        retryable: false,
        status: 0,
        message: `no adapter is configured for the ${row.account.channel} channel`,
      },
      claim.kind,
    )
  const account = row.account

  if (claim.kind === 'retract') {
    let remoteId = claim.remoteId
    // Taken down while a send was in flight (a revocation, say): the post may be live without its
    // id recorded, so ask the network before concluding there is nothing to delete.
    if (!remoteId && adapter.reconcile && row.document) {
      const post = await buildPost(config, ctx.payload, row, adapter)
      const found = await lookUp(() =>
        ctx.network((signal) => adapter.reconcile!(post, account, undefined, signal)),
      )
      if (!found.ok) return failWith(found.failure, 'retract')
      remoteId = found.post?.remoteId ?? null
    }
    if (!remoteId)
      return record(
        { state: 'retracted', retracted_at: ctx.now() },
        entry('retract', 'retracted', { error: 'nothing was live' }),
        'retracted',
      )
    if (!adapter.canDelete || !adapter.remove)
      return failWith(
        {
          ok: false,
          retryable: false,
          status: 0,
          message: `${account.channel} posts can't be deleted through its API`,
        },
        'retract',
      )
    const result = await safely(() =>
      ctx.network((signal) => adapter.remove!(remoteId!, account, signal)),
    )
    if (!result.ok) return failWith(result, 'retract')
    return record(
      { state: 'retracted', retracted_at: ctx.now() },
      entry('retract', 'retracted', { status: result.status }),
      'retracted',
    )
  }

  if (!row.document)
    return record(
      { state: 'cancelled', cancel_reason: 'the document was deleted' },
      entry('guard', 'cancelled', { error: 'the document was deleted' }),
      'cancelled',
    )
  // A live copy sent again because its document was edited: whatever stops it going out now
  // (a guard, a refusal of the edited document) takes the old copy down too.
  const refreshing = claim.previousState === 'published'
  const takeDownLive = async (
    reason: string,
    refusal?: Extract<GuardResult, { ok: false }>,
  ): Promise<RowOutcome> => {
    if (claim.remoteId && adapter.canDelete && adapter.remove) {
      const removed = await safely(() =>
        ctx.network((signal) => adapter.remove!(claim.remoteId!, account, signal)),
      )
      if (!removed.ok) return failWith(removed, 'retract')
    }
    const outcome = await record(
      {
        state: 'retracted',
        retracted_at: ctx.now(),
        cancel_reason: short(reason, 500),
        refresh_requested_at: null,
      },
      entry('refresh', 'retracted', { error: reason }),
      'retracted',
    )
    // Someone must hear of it (and, when consent refused, a consent officer gets a task).
    if (outcome === 'retracted') await emitTakenDown(ctx, claim.id, row, reason, refusal)
    return outcome
  }
  const verdict = await runGuards(config, {
    publication: row.publication,
    document: row.document,
    collection: row.collection,
    phase: 'dispatch',
    payload: ctx.payload,
  })
  if (!verdict.ok && refreshing) return takeDownLive(verdict.reason, verdict)
  if (!verdict.ok)
    return record(
      { state: 'cancelled', cancel_reason: short(verdict.reason, 500) },
      entry('guard', 'cancelled', { error: verdict.reason }),
      'cancelled',
    )

  const post = await buildPost(config, ctx.payload, row, adapter)
  // A lease that ran out mid-send, or an earlier attempt that failed without an answer (a
  // timeout, a dropped connection, a look-up that could not be made), may have left a live post:
  // look before posting again. A look-up that fails is not "not there": the row waits and retries.
  const mayBeLive =
    claim.previousState === 'dispatching' ||
    (claim.previousState === 'scheduled' && claim.attempts > 1)
  if (mayBeLive && adapter.reconcile) {
    const found = await lookUp(() =>
      ctx.network((signal) =>
        adapter.reconcile!(post, account, claim.remoteId ?? undefined, signal),
      ),
    )
    if (!found.ok) return failWith(found.failure, 'publish')
    if (found.post)
      return published(
        ctx,
        claim,
        row,
        found.post,
        entry('reconcile', 'found', { status: found.post.status }),
      )
  }
  const result = await safely(() => ctx.network((signal) => adapter.publish(post, account, signal)))
  if (!result.ok && refreshing && !result.retryable)
    return takeDownLive(`the edited document can't go out: ${result.message}`)
  if (!result.ok) return failWith(result, 'publish')
  return published(
    ctx,
    claim,
    row,
    result,
    entry('publish', 'published', { status: result.status }),
  )
}

const published = async (
  ctx: WorkerContext,
  claim: ClaimedRow,
  row: LoadedRow,
  result: { remoteId: string; remoteUrl?: string },
  attempt: AttemptEntry,
): Promise<RowOutcome> => {
  // The next re-share first: if this worker dies after it, the next claim of this row finds the
  // post (reconcile) and the occurrence's unique key stops a second copy of it.
  // (A refresh of a live copy is the same occurrence, not the next.)
  if (row.publication.repeat && claim.previousState !== 'published')
    await scheduleNextOccurrence(ctx, row.publication).catch((error) =>
      ctx.payload.logger.error(
        { err: error, publication: claim.id },
        'could not schedule the next re-share',
      ),
    )
  const recorded = await ctx.recordPublished({
    id: claim.id,
    fencingToken: claim.fencingToken,
    remoteId: result.remoteId,
    remoteUrl: result.remoteUrl ?? null,
    at: ctx.now(),
    attempt,
  })
  return recorded ? 'published' : 'lost-lease'
}

/**
 * A reconcile's answer, or why there is none: the adapter's own failure (with its Retry-After)
 * when it says, else a retryable one — "could not look" must never read as "not there".
 */
const lookUp = async (
  reconcile: () => Promise<ChannelSuccess | null>,
): Promise<{ ok: true; post: ChannelSuccess | null } | { ok: false; failure: ChannelFailure }> => {
  try {
    return { ok: true, post: await reconcile() }
  } catch (error) {
    if (error instanceof LeaseLost) throw error
    const failure: ChannelFailure =
      error instanceof ReconcileFailed
        ? error.failure
        : {
            ok: false,
            retryable: true,
            status: 0,
            message: error instanceof Error ? error.message : String(error),
          }
    return {
      ok: false,
      failure: {
        ...failure,
        message: `could not check whether it is already posted: ${failure.message}`,
      },
    }
  }
}

/** An adapter that throws (a bug, a file gone) is a permanent failure with its message, not a crash. */
const safely = async (send: () => Promise<ChannelResult>): Promise<ChannelResult> => {
  try {
    return await send()
  } catch (error) {
    // Not the adapter's failure: the worker refused to send (see LeaseLost).
    if (error instanceof LeaseLost) throw error
    return {
      ok: false,
      retryable: false,
      status: 0,
      message: error instanceof Error ? error.message : String(error),
    }
  }
}
