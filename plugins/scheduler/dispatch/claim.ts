import type { Pool } from 'pg'

import type { SanitizedSchedulerConfig } from '../defaults'
import { tableName } from '../defaults'

export type ClaimedRow = {
  id: number
  /** What the worker must do: send it, or take it down. */
  kind: 'publish' | 'retract'
  /** The state before this claim: `dispatching`/`retracting` means a lease ran out mid-send. */
  previousState: string
  fencingToken: number
  attempts: number
  remoteId: string | null
}

/**
 * Takes up to `limit` due rows for this worker, atomically: rows another transaction holds are
 * skipped, not waited for (SKIP LOCKED), so any number of workers share the outbox without
 * taking the same row. Each claim sets a lease and bumps the fencing token; a row whose lease ran
 * out (its worker died) is due again. `now` comes from the caller's clock so tests can move time.
 *
 * Due means: scheduled and at or past its time (and its retry time); dispatching or retracting
 * with an expired lease; retracting and not leased (an unpublish asked for by hand or by a
 * consent revocation or expiry); published with an unpublish time that has come; published on a
 * channel that follows its document, after the document was edited (sent again: a refresh).
 *
 * A pause (the global switch, or the account's own) holds back only what would put something new
 * on a network: `scheduled` rows, `dispatching` ones whose lease ran out, and refreshes of an edited document. Takedowns go out
 * whatever the switch says: a crisis pause must never keep a revoked patient's posts online, so
 * `retracting` rows (revocation, expiry, an unpublish by hand) are claimed and sent while paused,
 * and so is a `published` row whose `unpublish_at` has come — a scheduled unpublish only takes
 * content down, and an end date (a campaign's, a consent's window) is a promise the pause must not
 * stretch. Nothing a pause holds back is lost: it is claimed as soon as the switch is off.
 * Takedowns are also claimed ahead of posts, so a full batch of due posts never delays one.
 */
export const claimDue = async (
  pool: Pool,
  config: SanitizedSchedulerConfig,
  args: {
    workerId: string
    limit: number
    leaseMs: number
    now: Date
    /** Rows this worker is still sending: never claimed again by it, whatever their lease says. */
    inFlight?: number[]
  },
): Promise<ClaimedRow[]> => {
  const publications = tableName(config.publicationsSlug)
  const accounts = tableName(config.channelAccountsSlug)
  const control = tableName(config.controlSlug)
  const stateType = `enum_${publications}_state`
  // What a pause holds back: the global switch, or the row's account's own. An account that must
  // be reconnected, or whose token has run out before the keeper could renew it, holds its posts
  // back the same way: they wait with the account's reason instead of failing on a dead token.
  const held = `(EXISTS (SELECT 1 FROM "${control}" c WHERE c.paused)
                 OR EXISTS (SELECT 1 FROM "${accounts}" a WHERE a.id = p.channel_account_id
                    AND (a.paused OR a.connection = 'reconnect-needed'
                         OR (a.refresh_token IS NOT NULL AND a.token_expires_at <= $2))))`
  // Three kinds of due row, each found through its own partial index (migration
  // 20261203_080000_outbox_claim_indexes) in due order, so a claim reads about as many rows as it
  // takes, not the whole outbox. Takedowns come first, then refreshes of edited live copies, then
  // posts: the later kinds are only read if the earlier ones did not fill the batch.
  const { rows } = await pool.query(
    `WITH takedowns AS (
       SELECT p.id, p.state::text AS previous_state
         FROM "${publications}" p
        WHERE ((p.state = 'retracting'
                AND (p.lease_expires_at < $2
                     OR (p.lease_owner IS NULL AND (p.next_attempt_at IS NULL OR p.next_attempt_at <= $2))))
            OR (p.state = 'published' AND p.unpublish_at <= $2))
          AND p.id <> ALL($5::int[])
        ORDER BY p.due_at
        LIMIT $3
        FOR UPDATE OF p SKIP LOCKED
     ), refreshes AS (
       SELECT p.id, p.state::text AS previous_state
         FROM "${publications}" p
        WHERE p.state = 'published' AND p.refresh_requested_at <= $2
          AND (p.unpublish_at IS NULL OR p.unpublish_at > $2) -- due down: a takedown above
          AND NOT ${held}
        ORDER BY p.refresh_requested_at
        LIMIT $3
        FOR UPDATE OF p SKIP LOCKED
     ), posts AS (
       SELECT p.id, p.state::text AS previous_state
         FROM "${publications}" p
        -- A dispatching row was due when it was claimed, so due_at <= now bounds both kinds.
        WHERE p.state IN ('scheduled', 'dispatching') AND p.due_at <= $2
          AND ((p.state = 'scheduled' AND (p.next_attempt_at IS NULL OR p.next_attempt_at <= $2))
            OR (p.state = 'dispatching' AND p.lease_expires_at < $2))
          AND p.id <> ALL($5::int[])
          AND NOT ${held}
        ORDER BY p.due_at
        LIMIT $3
        FOR UPDATE OF p SKIP LOCKED
     ), due AS (
       SELECT * FROM takedowns
       UNION ALL SELECT * FROM refreshes
       UNION ALL SELECT * FROM posts
       LIMIT $3
     )
     UPDATE "${publications}" p
        SET state = (CASE WHEN due.previous_state IN ('scheduled', 'dispatching')
                            -- a live copy that follows its edited document is sent again (unless it is due down)
                            OR (due.previous_state = 'published' AND p.refresh_requested_at IS NOT NULL AND (p.unpublish_at IS NULL OR p.unpublish_at > $2))
                          THEN 'dispatching' ELSE 'retracting' END)::"${stateType}",
            lease_owner = $1,
            lease_expires_at = $2::timestamptz + ($4::int * interval '1 millisecond'),
            fencing_token = coalesce(p.fencing_token, 0) + 1,
            attempts = coalesce(p.attempts, 0) + 1,
            updated_at = $2
       FROM due
      -- The id list lets the planner fetch the rows by primary key rather than scan the outbox to join.
      WHERE p.id = due.id AND p.id = ANY(ARRAY(SELECT id FROM due))
  RETURNING p.id, due.previous_state, p.state::text AS state, p.fencing_token, p.attempts, p.remote_id`,
    [args.workerId, args.now, args.limit, args.leaseMs, args.inFlight ?? []],
  )
  return rows.map((row) => ({
    id: Number(row.id),
    kind: row.state === 'dispatching' ? 'publish' : 'retract',
    previousState: row.previous_state,
    fencingToken: Number(row.fencing_token),
    attempts: Number(row.attempts),
    remoteId: row.remote_id ?? null,
  }))
}
