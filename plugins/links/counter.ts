/**
 * Counts kept in memory and added to a table once a second in one statement: what the short-link
 * redirect and the web-view beacon share (issue 18). A request only increments a number, so
 * counting costs it nothing, and the totals are exact under any concurrency: JavaScript
 * increments one counter at a time, and each flush adds to the stored row atomically
 * (`ON CONFLICT … DO UPDATE SET n = n + EXCLUDED.n`), whichever process it comes from. A crash loses
 * at most the last second; nothing is counted twice; a flush that fails is kept for the next.
 */
import type { Pool } from 'pg'

export type DailyCount = { key: string; day: string; extra: string }

export const createDailyCounter = ({
  pool,
  write,
  flushEveryMs = 1000,
}: {
  pool: Pool
  /** One statement taking four arrays: keys (as text), days, the extra column, counts. */
  write: string
  flushEveryMs?: number
}) => {
  let pending = new Map<string, DailyCount & { n: number }>()
  let flushing: Promise<void> = Promise.resolve()

  const flush = (): Promise<void> => {
    // One flush at a time, each after the last whatever its outcome (a failed one is not final).
    flushing = flushing
      .catch(() => undefined)
      .then(async () => {
        if (!pending.size) return
        const batch = pending
        pending = new Map()
        const rows = [...batch.values()]
        try {
          await pool.query(write, [
            rows.map((row) => row.key),
            rows.map((row) => row.day),
            rows.map((row) => row.extra),
            rows.map((row) => row.n),
          ])
        } catch (error) {
          // Kept, not lost: added back to what came in meanwhile, for the next flush.
          for (const [id, row] of batch) {
            const later = pending.get(id)
            pending.set(id, later ? { ...row, n: row.n + later.n } : row)
          }
          throw error
        }
      })
    return flushing
  }
  // A failed flush keeps its counts; it is said, so a broken table is not silent.
  const timer = setInterval(
    () =>
      void flush().catch((error: Error) =>
        console.error(`counts not written yet (kept for the next try): ${error.message}`),
      ),
    flushEveryMs,
  )
  timer.unref()

  return {
    add: (count: DailyCount) => {
      const id = `${count.key}|${count.day}`
      const held = pending.get(id)
      if (held) held.n++
      else pending.set(id, { ...count, n: 1 })
    },
    flush,
    /** Stops the timer and writes what is left. */
    stop: async () => {
      clearInterval(timer)
      await flush()
    },
  }
}

/** The UTC day a count belongs to, as the `date` columns store it. */
export const dayOf = (at: Date) => `${at.toISOString().slice(0, 10)}T00:00:00.000Z`
