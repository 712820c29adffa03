import { describe, expect, it } from 'vitest'

import { sanitizeSchedulerOptions } from '../../../../plugins/scheduler/defaults'
import { type HeldRow, LeaseKeeper, LeaseLost } from '../../../../plugins/scheduler/dispatch/leases'

const keeper = (extend: (rows: HeldRow[], until: Date) => Promise<Set<number>>) => {
  let clock = 1_000_000
  const leases = new LeaseKeeper(extend, { leaseMs: 60_000, now: () => new Date(clock) })
  return { leases, advance: (ms: number) => (clock += ms), now: () => clock }
}

describe('LeaseKeeper', () => {
  it('extends every held row by one lease, fenced by its token, and keeps sends allowed', async () => {
    const calls: { rows: HeldRow[]; until: number }[] = []
    const { leases, advance, now } = keeper(async (rows, until) => {
      calls.push({ rows, until: until.getTime() })
      return new Set(rows.map((row) => row.id))
    })
    leases.hold(
      [
        { id: 1, fencingToken: 7 },
        { id: 2, fencingToken: 3 },
      ],
      new Date(now()),
    )
    advance(40_000)
    // 20 s left: a 30 s send may not start under it.
    expect(() => leases.assertHeldFor(1, 30_000)).toThrow(LeaseLost)
    await leases.beat()
    expect(calls).toEqual([
      {
        rows: [
          { id: 1, fencingToken: 7 },
          { id: 2, fencingToken: 3 },
        ],
        until: now() + 60_000,
      },
    ])
    expect(() => leases.assertHeldFor(1, 30_000)).not.toThrow()
    leases.stop()
  })

  it('marks a row the database did not extend as lost: it is never sent again', async () => {
    const { leases, now } = keeper(async () => new Set([2]))
    leases.hold(
      [
        { id: 1, fencingToken: 1 },
        { id: 2, fencingToken: 1 },
      ],
      new Date(now()),
    )
    await leases.beat()
    expect(() => leases.assertHeldFor(1, 1)).toThrow(/publication 1 is no longer this worker's/)
    expect(() => leases.assertHeldFor(2, 1)).not.toThrow()
    // Lost rows are not asked for again; they stay held until their outcome is in.
    expect(leases.ids()).toEqual([1, 2])
    leases.stop()
  })

  it('keeps the old lease when a heartbeat cannot be written, and says so', async () => {
    const errors: unknown[] = []
    let clock = 0
    const leases = new LeaseKeeper(
      async () => {
        throw new Error('connection refused')
      },
      { leaseMs: 60_000, now: () => new Date(clock), onError: (error) => errors.push(error) },
    )
    leases.hold([{ id: 1, fencingToken: 1 }], new Date(0))
    await leases.beat()
    expect(errors).toHaveLength(1)
    clock = 35_000
    expect(() => leases.assertHeldFor(1, 30_000)).toThrow(LeaseLost)
    leases.stop()
  })

  it('never extends a row released while the heartbeat was on its way, nor one it never held', async () => {
    let release: () => void = () => {}
    const { leases, now } = keeper(
      (rows) =>
        new Promise((resolve) => {
          release = () => resolve(new Set())
          void rows
        }),
    )
    leases.hold([{ id: 1, fencingToken: 1 }], new Date(now()))
    const beat = leases.beat()
    leases.release(1)
    release()
    await beat
    expect(leases.size).toBe(0)
    expect(() => leases.assertHeldFor(9, 0)).toThrow(LeaseLost)
  })

  it('wakes a claim waiting for room once enough rows are released', async () => {
    const { leases, now } = keeper(async () => new Set())
    leases.hold(
      [1, 2, 3].map((id) => ({ id, fencingToken: 1 })),
      new Date(now()),
    )
    let woke = false
    const waiting = leases.whenAtMost(1).then(() => (woke = true))
    leases.release(1)
    await Promise.resolve()
    expect(woke).toBe(false)
    leases.release(2)
    await waiting
    expect(woke).toBe(true)
    leases.stop()
  })
})

describe('dispatch settings', () => {
  it('refuse a lease shorter than two send timeouts, naming both settings', () => {
    expect(() =>
      sanitizeSchedulerOptions({
        collections: ['campaigns'],
        dispatch: { leaseMs: 5000, sendTimeoutMs: 30_000 },
      } as never),
    ).toThrow(
      /dispatch\.leaseMs \(DISPATCH_LEASE_MS, 5000\) must be at least twice dispatch\.sendTimeoutMs \(DISPATCH_SEND_TIMEOUT_MS, 30000\)/,
    )
    expect(sanitizeSchedulerOptions({ collections: ['campaigns'] } as never).dispatch.leaseMs).toBe(
      60_000,
    )
  })
})
