import type { Payload } from 'payload'

import { poolOf } from '../../plugins/postgres'
import { adapterFor, schedulerConfigOf } from '../../plugins/scheduler'
import { networkName } from '../../plugins/scheduler/exports/admin'
import { assembleResults } from './assemble'
import { readCampaignPosts } from './sql/campaignPosts'
import { readCampaignScope } from './sql/campaignScope'
import { readDailyChanges } from './sql/dailyTotals'
import { resultTables } from './tables'
import type { CampaignResults } from './types'

/** What a channel cannot count, from its adapter's own word; the website counts its views itself. */
const limitsOf = (payload: Payload) => {
  const config = schedulerConfigOf(payload)
  return (channel: string): string | undefined => {
    if (channel === 'web') return undefined
    const support = adapterFor(config, channel, payload)?.metricsSupport
    return (
      support?.limits ??
      `${networkName(channel)} reports nothing back: only its short-link clicks are counted.`
    )
  }
}

/**
 * A campaign's results (issue 18, items 4 and 5): its posts' latest readings, clicks and views,
 * the day-by-day running totals and its KPIs' progress, read with plain SQL (four queries, two of
 * them side by side; none through Payload's `find`, whose per-document work would not fit 1,000
 * posts in 200 ms).
 * `null` when there is no such campaign. `daily: false` skips the series (the dashboard's check).
 */
export const campaignResults = async (
  payload: Payload,
  id: number,
  options: { now?: Date; daily?: boolean } = {},
): Promise<CampaignResults | null> => {
  const pool = poolOf(payload)
  const scope = await readCampaignScope(pool, id)
  if (!scope) return null
  // The posts and the days are independent reads: side by side, on two of the pool's connections.
  const [posts, changes] = await Promise.all([
    readCampaignPosts(pool, scope.documents),
    options.daily === false ? [] : readDailyChanges(pool, scope.documents),
  ])
  return assembleResults({
    scope,
    posts,
    changes,
    now: options.now ?? new Date(),
    labelOf: networkName,
    limitsOf: limitsOf(payload),
  })
}

/** Campaigns running at `now` (started, not ended), for the dashboard's "behind target" panel. */
export const runningCampaignIds = async (payload: Payload, now: Date): Promise<number[]> => {
  const { rows } = await poolOf(payload).query<{ id: number }>(
    `SELECT id FROM "${resultTables.campaigns}" WHERE starts_at <= $1 AND ends_at >= $1 ORDER BY ends_at, id`,
    [now],
  )
  return rows.map((row) => Number(row.id))
}
