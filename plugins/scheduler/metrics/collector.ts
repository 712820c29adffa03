/**
 * The metrics collector (issue 18, item 1): every worker runs it beside dispatch. A pass enrols
 * newly live posts, claims the readings that are due (lease + fencing token, SKIP LOCKED: the
 * outbox's own protocol), and reads them from each network through its adapter's `metrics()`,
 * as many posts per request as the network allows, inside each account's share of the network's
 * rate limit (a budget every worker draws from). Each reading is stored as a dated snapshot.
 *
 * What goes wrong is handled per watch, never by losing what was stored: a 429 holds the
 * account until the network's reset and defers its posts to then; a failure that may pass is
 * retried with backoff (1 minute, doubling, at most an hour); one that will not (a refused token)
 * skips that reading and ends the watch after five in a row; a post the network no longer has,
 * or that Carecast took down, is no longer read.
 */
import pLimit from 'p-limit'
import type { Payload } from 'payload'

import { poolOf } from '../../postgres'
import { adapterFor } from '../channels/registry'
import type { ChannelAdapter, MetricsResult, MetricsSupport } from '../channels/types'
import type { SanitizedSchedulerConfig } from '../defaults'
import { loadAccounts, type LoadedAccount } from '../dispatch/loadBatch'
import { nextReadingAt, retryReadingAt } from './schedule'
import { callSpacingMs, holdAccount, reserveCalls } from './sql/budget'
import { type ClaimedWatch, claimReadings, nextReadingDue } from './sql/claim'
import { enrollLivePosts } from './sql/enroll'
import { type Reading, recordReadings, type Settlement, settleWatches } from './sql/record'
import { sleep } from '../lib/sleep'

/** Permanent refusals in a row after which a post is no longer read. */
const GIVE_UP_AFTER = 5
/** A 429 that names no reset time holds the account this long. */
const DEFAULT_HOLD_MS = 60_000
/** How long a reading waits for an account that must be reconnected. */
const RECONNECT_WAIT_MS = 3_600_000

export type MetricsPassStats = {
  enrolled: number
  claimed: number
  /** Snapshots stored. */
  stored: number
  /** Requests made to networks. */
  calls: number
  /** Readings moved later: a budget, a 429, an account to reconnect, a lease running short. */
  deferred: number
  /** Readings that failed and will be tried again (or skipped, when permanent). */
  failed: number
  /** Watches ended: taken down, gone from the network, given up, or past their 90 days. */
  ended: number
}

export type MetricsPassOptions = {
  workerId: string
  /** Whether this pass first enrols newly live posts. @default true */
  enroll?: boolean
  /** Stands in for the wall clock in tests. @default () => new Date() */
  now?: () => Date
}

/** The channels whose adapters can read counts back. */
export const measuredChannels = (config: SanitizedSchedulerConfig, payload: Payload) =>
  Object.keys(config.channels).filter((channel) => adapterFor(config, channel, payload)?.metrics)

const chunk = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const settle = (
  watch: ClaimedWatch,
  nextAt: Date | null,
  extra: Partial<Settlement> = {},
): Settlement => ({
  watchId: watch.id,
  fencingToken: watch.fencingToken,
  nextAt,
  failures: watch.failures,
  lastError: null,
  endedReason: null,
  ...extra,
})

/** Everything one pass does for one account's due readings, in batches the network allows. */
const readAccount = async (
  payload: Payload,
  config: SanitizedSchedulerConfig,
  args: {
    watches: ClaimedWatch[]
    adapter: ChannelAdapter & { metrics: NonNullable<ChannelAdapter['metrics']> }
    support: MetricsSupport
    account: LoadedAccount | undefined
    accountId: number
    now: () => Date
    leaseEnds: number
    stats: MetricsPassStats
    out: { readings: Reading[]; settled: Settlement[] }
  },
) => {
  const { watches, adapter, support, account, now, stats, out } = args
  const pool = poolOf(payload)
  const deferAll = (rest: ClaimedWatch[], until: Date, lastError: string | null) => {
    stats.deferred += rest.length
    for (const watch of rest) out.settled.push(settle(watch, until, { lastError }))
  }
  if (!account?.value) {
    deferAll(
      watches,
      new Date(now().getTime() + RECONNECT_WAIT_MS),
      account?.error ?? 'the channel account no longer exists',
    )
    return
  }
  if (account.connection === 'reconnect-needed') {
    deferAll(
      watches,
      new Date(now().getTime() + RECONNECT_WAIT_MS),
      'the account must be reconnected',
    )
    return
  }
  const spacingMs = callSpacingMs(support)
  const batches = chunk(watches, Math.max(1, support.batchSize))
  for (const [index, batch] of batches.entries()) {
    const rest = batches.slice(index).flat()
    // A call must end inside the lease, or another worker could read the same slot again.
    if (now().getTime() + config.metrics.timeoutMs > args.leaseEnds) {
      deferAll(rest, now(), null)
      return
    }
    const cost = support.callsFor?.(batch.length) ?? 1
    const reservation = await reserveCalls(pool, config, {
      accountId: args.accountId,
      cost,
      spacingMs,
      now: now(),
    })
    if (!reservation.granted) {
      deferAll(rest, reservation.notBefore, null)
      return
    }
    stats.calls++
    const at = now()
    const result: MetricsResult = await adapter
      .metrics(
        batch.map((watch) => ({ remoteId: watch.remoteId!, publishedAt: watch.publishedAt })),
        account.value,
        AbortSignal.timeout(config.metrics.timeoutMs),
      )
      .catch((error: unknown): MetricsResult => ({
        ok: false,
        retryable: true,
        status: 0,
        message: error instanceof Error ? error.message : String(error),
      }))
    if (result.ok) {
      const gone = new Set(result.gone)
      for (const watch of batch) {
        const metrics = result.posts[watch.remoteId!]
        if (metrics) {
          out.readings.push({
            watchId: watch.id,
            fencingToken: watch.fencingToken,
            metrics,
            nextAt: nextReadingAt(watch.publishedAt, at),
          })
        } else if (gone.has(watch.remoteId!)) {
          stats.ended++
          out.settled.push(settle(watch, null, { endedReason: 'gone from the network' }))
        } else {
          stats.failed++
          out.settled.push(
            settle(watch, retryReadingAt(at, watch.failures + 1), {
              failures: watch.failures + 1,
              lastError: 'the network answered without this post',
            }),
          )
        }
      }
      continue
    }
    if (result.status === 429) {
      // The network's own word beats our pacing: nobody asks for this account before its reset.
      const until = new Date(at.getTime() + (result.retryAfterMs ?? DEFAULT_HOLD_MS))
      await holdAccount(pool, config, { accountId: args.accountId, until, now: at })
      deferAll(rest, until, result.message)
      return
    }
    stats.failed += batch.length
    for (const watch of batch) {
      const failures = watch.failures + 1
      const regular = nextReadingAt(watch.publishedAt, at)
      if (result.retryable) {
        out.settled.push(
          regular
            ? settle(watch, retryReadingAt(at, failures, result.retryAfterMs), {
                failures,
                lastError: result.message,
              })
            : settle(watch, null, {
                failures,
                lastError: result.message,
                endedReason: 'measured for 90 days',
              }),
        )
      } else if (failures >= GIVE_UP_AFTER || !regular) {
        stats.ended++
        out.settled.push(
          settle(watch, null, {
            failures,
            lastError: result.message,
            endedReason: regular ? 'the network refused to report it' : 'measured for 90 days',
          }),
        )
      } else {
        // Asking again at once would be refused again: this reading is skipped, the next one tried.
        out.settled.push(settle(watch, regular, { failures, lastError: result.message }))
      }
    }
  }
}

/** One pass: enrol, claim, read, store. Returns what it did. */
export const runMetricsPass = async (
  payload: Payload,
  config: SanitizedSchedulerConfig,
  options: MetricsPassOptions,
): Promise<MetricsPassStats> => {
  const now = options.now ?? (() => new Date())
  const pool = poolOf(payload)
  const stats: MetricsPassStats = {
    enrolled: 0,
    claimed: 0,
    stored: 0,
    calls: 0,
    deferred: 0,
    failed: 0,
    ended: 0,
  }
  const channels = measuredChannels(config, payload)
  if (!channels.length) return stats
  const start = now()
  if (options.enroll !== false)
    stats.enrolled = await enrollLivePosts(pool, config, channels, start)
  const perAccount: Record<string, number> = {}
  for (const channel of channels)
    perAccount[channel] = adapterFor(config, channel, payload)?.metricsSupport?.batchSize ?? 1
  const claimed = await claimReadings(pool, config, {
    workerId: options.workerId,
    limit: config.metrics.batchSize,
    leaseMs: config.metrics.leaseMs,
    now: start,
    perAccount,
  })
  stats.claimed = claimed.length
  if (!claimed.length) return stats
  const leaseEnds = start.getTime() + config.metrics.leaseMs
  const out: { readings: Reading[]; settled: Settlement[] } = { readings: [], settled: [] }

  const byAccount = new Map<number, ClaimedWatch[]>()
  for (const watch of claimed) {
    if (watch.state !== 'published' || !watch.remoteId) {
      stats.ended++
      out.settled.push(settle(watch, null, { endedReason: 'taken down' }))
    } else if (watch.accountId === null || !adapterFor(config, watch.channel, payload)?.metrics) {
      stats.ended++
      out.settled.push(settle(watch, null, { endedReason: 'its network no longer reports counts' }))
    } else {
      byAccount.set(watch.accountId, [...(byAccount.get(watch.accountId) ?? []), watch])
    }
  }
  const accounts = await loadAccounts(payload, config, [...byAccount.keys()])
  const slots = pLimit(config.metrics.concurrency)
  await Promise.all(
    [...byAccount].map(([accountId, watches]) =>
      slots(async () => {
        const adapter = adapterFor(config, watches[0].channel, payload)!
        await readAccount(payload, config, {
          watches,
          adapter: adapter as Parameters<typeof readAccount>[2]['adapter'],
          support: adapter.metricsSupport!,
          account: accounts.get(String(accountId)),
          accountId,
          now,
          leaseEnds,
          stats,
          out,
        }).catch((error: unknown) => {
          // Unread, not lost: the lease runs out and a later pass claims them again.
          payload.logger.error(
            { err: error, account: accountId },
            'metrics: reading an account failed',
          )
        })
      }),
    ),
  )
  stats.stored = await recordReadings(pool, config, now(), out.readings)
  await settleWatches(pool, config, now(), out.settled)
  return stats
}

/** The collector's shortest nap: a budget opening this soon is waited for in one go. */
const MIN_NAP_MS = 250

/**
 * Runs passes until stopped. After each it sleeps until the next reading could be made — a watch
 * due, its account's budget open — but at most `pollMs` (new posts are enrolled at that pace) and
 * at least a quarter second. Errors are logged and the loop goes on.
 */
export const startMetricsCollector = (
  payload: Payload,
  config: SanitizedSchedulerConfig,
  options: MetricsPassOptions,
) => {
  const abort = new AbortController()
  const now = options.now ?? (() => new Date())
  const running = (async () => {
    let enrolledAt = -Infinity
    while (!abort.signal.aborted) {
      let napMs = config.metrics.pollMs
      try {
        const enroll = now().getTime() - enrolledAt >= config.metrics.pollMs
        if (enroll) enrolledAt = now().getTime()
        const stats = await runMetricsPass(payload, config, { ...options, enroll })
        const next = await nextReadingDue(poolOf(payload), config)
        if (stats.claimed >= config.metrics.batchSize) napMs = 0
        else if (next)
          napMs = Math.min(napMs, Math.max(MIN_NAP_MS, next.getTime() - now().getTime()))
      } catch (error) {
        if (!abort.signal.aborted)
          payload.logger.error({ err: error }, 'metrics: a pass failed; trying again later')
      }
      if (napMs > 0) await sleep(napMs, abort.signal)
    }
  })()
  return {
    stop: async () => {
      abort.abort()
      await running
    },
  }
}
