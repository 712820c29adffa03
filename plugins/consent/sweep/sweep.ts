import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
} from 'payload'

import { upcomingOrLiveStates } from '../../scheduler'
import { ident, param, poolExecutor, poolOf, sql, tableName } from '../../postgres'
import { takeDown } from '../cascade/takeDown'
import type { SanitizedConsentConfig } from '../defaults'
import { consentEndsAtSql } from '../rules/inForce'
import { relyingPublicationsWhere } from '../sql/relyingPublications'

const DAY = 86_400_000
// One sweep at a time across every worker process: the lock is Postgres's, not ours.
const LOCK_KEY = 0x63617265 // "care"

export type SweepResult = { expired: number; warned: number; skipped?: 'locked' }

/**
 * Expiry works like revocation, driven by time: a consent whose last day has passed gets the same
 * cascade (once), and one that expires within `warnDaysBefore` days while content still relies on
 * it gets a renewal task for the consent officers (once). `now` is the caller's clock.
 */
export const runConsentSweep = async (
  payload: Payload,
  config: SanitizedConsentConfig,
  now = new Date(),
): Promise<SweepResult> => {
  const pool = poolOf(payload)
  const execute = poolExecutor(pool)
  const records = ident(tableName(config.consentRecordsSlug))
  const expiresOn = ident(config.recordColumns.expiresOn)
  const revokedAt = ident(config.recordColumns.revokedAt)
  const lock = await pool.connect()
  try {
    const { rows: locked } = await lock.query('SELECT pg_try_advisory_lock($1) AS ok', [LOCK_KEY])
    if (!locked[0].ok) return { expired: 0, warned: 0, skipped: 'locked' }
    try {
      // Expired: past the end of its last day, by the one in-force rule.
      const expired = await execute(
        sql`SELECT id FROM ${records} WHERE ${expiresOn} IS NOT NULL AND takedown_done_at IS NULL AND ${revokedAt} IS NULL
               AND ${consentEndsAtSql(expiresOn)} <= ${now}::timestamptz`,
      )
      for (const { id } of expired) await expire(payload, config, Number(id), now)

      const soon = await execute(
        sql`SELECT id FROM ${records} WHERE ${expiresOn} IS NOT NULL AND takedown_done_at IS NULL AND renewal_warned_at IS NULL AND ${revokedAt} IS NULL
               AND ${expiresOn} <= ${now}::timestamptz + (${config.warnDaysBefore}::int * interval '1 day') AND ${consentEndsAtSql(expiresOn)} > ${now}::timestamptz`,
      )
      let warned = 0
      for (const { id } of soon) if (await warn(payload, config, Number(id), now)) warned++
      return { expired: expired.length, warned }
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY])
    }
  } finally {
    lock.release()
  }
}

/** The cascade for one expired consent, and the stamp that it ran, in one transaction. */
const expire = async (payload: Payload, config: SanitizedConsentConfig, id: number, now: Date) => {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const record = config.readConsent(
      (await payload.findByID({
        collection: config.consentRecordsSlug,
        id,
        depth: 0,
        overrideAccess: true,
        req,
      })) as unknown as Record<string, unknown>,
    )
    const summary = await takeDown(config, {
      consentRecordId: id,
      reference: record.reference,
      reason: `consent expired (${record.reference})`,
      channelsAllowed: record.channelsAllowed,
      recordedBy: null,
      req,
      now,
    })
    // In the same transaction: the host's record of the expiry commits with the takedown or not at all.
    await config.onEvent(
      {
        type: 'consent.expired',
        consentRecordId: id,
        reference: record.reference,
        actor: null,
        cancelled: summary.cancelled,
        retracted: summary.retracted,
        queued: summary.queued,
        tasks: summary.tasks,
      },
      { payload, req },
    )
    await payload.update({
      collection: config.consentRecordsSlug,
      id,
      data: { takedownDoneAt: now.toISOString() } as never,
      overrideAccess: true,
      req,
      context: { audit: false },
    })
    await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    payload.logger.error(
      { err: error, consentRecord: id },
      'consent expiry takedown failed; the next sweep tries again',
    )
  }
}

/** A renewal task, only when something live or scheduled still relies on the consent. */
const warn = async (
  payload: Payload,
  config: SanitizedConsentConfig,
  id: number,
  now: Date,
): Promise<boolean> => {
  const record = config.readConsent(
    (await payload.findByID({
      collection: config.consentRecordsSlug,
      id,
      depth: 0,
      overrideAccess: true,
    })) as unknown as Record<string, unknown>,
  )
  const documents = await config.relyingDocuments(id, { payload })
  const relying = await livePublicationsOf(payload, config, id, documents)
  if (relying.length && record.expiresOn) {
    const expiresOn = record.expiresOn
    await payload.create({
      collection: config.tasksSlug,
      data: {
        kind: 'renewal',
        consentRecord: id,
        place: `consent ${record.reference}`,
        instructions: `Consent ${record.reference} expires on ${expiresOn.toISOString().slice(0, 10)}, and ${relying.length} live or scheduled publication(s) rely on it. Ask the patient to renew, or plan the takedown: on that date everything relying on it comes down.`,
        dueAt: new Date(Math.max(now.getTime(), expiresOn.getTime() - DAY)).toISOString(),
      } as never,
      overrideAccess: true,
    })
  }
  await payload.update({
    collection: config.consentRecordsSlug,
    id,
    data: { renewalWarnedAt: now.toISOString() } as never,
    overrideAccess: true,
    context: { audit: false },
  })
  return relying.length > 0
}

const livePublicationsOf = (
  payload: Payload,
  config: SanitizedConsentConfig,
  id: number,
  documents: { collection: string; id: number | string }[],
) =>
  poolExecutor(poolOf(payload))(
    sql`SELECT p.id FROM ${ident(tableName(config.publicationsSlug))} p
         WHERE ${relyingPublicationsWhere(config, id, documents)} AND p.state::text = ANY(${param([...upcomingOrLiveStates])}::text[])`,
  )

/** Runs the sweep every `everyMs` (at least once a minute is the promise) until stopped. */
export const startConsentSweep = (
  payload: Payload,
  config: SanitizedConsentConfig,
  everyMs = 30_000,
) => {
  let stopped = false
  let running: Promise<unknown> = Promise.resolve()
  const tick = () => {
    if (stopped) return
    running = runConsentSweep(payload, config).catch((error) =>
      payload.logger.error({ err: error }, 'consent sweep failed'),
    )
  }
  tick()
  const timer = setInterval(tick, everyMs)
  return {
    stop: async () => {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
