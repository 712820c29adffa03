import type { Payload } from 'payload'

import { poolOf } from '../postgres'
import { notificationsConfigOf } from './config'
import { sendDigests } from './digest/sendDigests'
import { runTimedNotices } from './timed/runTimedNotices'

// One pass at a time across every worker process: the lock is Postgres's, not ours.
const LOCK_KEY = 0x6e6f7465 // "note"

export type NotificationsPassResult = { noticed: number; mailed: number; skipped?: 'locked' }

/**
 * One pass: the timed notices, then the digests, under an advisory lock, so two workers never
 * record the same notice or send the same digest. `now` is the caller's clock (tests pass a fake one).
 */
export const runNotifications = async (
  payload: Payload,
  { now = new Date() }: { now?: Date } = {},
): Promise<NotificationsPassResult> => {
  const config = notificationsConfigOf(payload)
  const lock = await poolOf(payload).connect()
  try {
    const { rows } = await lock.query('SELECT pg_try_advisory_lock($1) AS ok', [LOCK_KEY])
    if (!rows[0].ok) return { noticed: 0, mailed: 0, skipped: 'locked' }
    try {
      const noticed = await runTimedNotices(payload, config, now)
      const mailed = await sendDigests(payload, config, now)
      return { noticed, mailed }
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY])
    }
  } finally {
    lock.release()
  }
}

/** Runs a pass every `digest.pollMs` in this process until stopped; `stop()` it before destroying Payload. */
export const startNotifications = (payload: Payload, { now }: { now?: () => Date } = {}) => {
  const config = notificationsConfigOf(payload)
  let stopped = false
  let running: Promise<unknown> = Promise.resolve()
  const tick = () => {
    if (stopped) return
    running = runNotifications(payload, { now: now?.() }).catch((error) =>
      payload.logger.error({ err: error }, 'notifications pass failed'),
    )
  }
  tick()
  const timer = setInterval(tick, config.digest.pollMs)
  return {
    stop: async () => {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
