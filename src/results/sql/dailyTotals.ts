import type { Pool } from 'pg'

import { resultTables as t } from '../tables'
import { postsInScope, readingSql } from './campaignPosts'

/** The report's measures on a day's changes: the same rules as on a reading. */
const dayChange = readingSql('d')

/** What changed on one UTC day, summed over the posts (not running totals yet). */
export type DayChange = {
  day: string
  reach: number | null
  impressions: number | null
  engagement: number | null
  clicks: number
  views: number
}

/**
 * The campaign's figures day by day. Network readings are running totals taken at uneven times
 * (hourly, then daily, then weekly); as each is stored, its change since the post's previous
 * reading is added to the post's row for that day (`metric-days`), so the running sum of a
 * campaign's days up to a day is every post's latest total then, with no days between readings
 * to fill. One grouped read of about 40 rows a post. Clicks and views are counted per day already.
 */
export const readDailyChanges = async (
  pool: Pool,
  documents: Record<string, number[]>,
): Promise<DayChange[]> => {
  const scope = postsInScope(documents)
  if (!scope) return []
  const { rows } = await pool.query(
    `WITH ${scope.cte}, readings AS (
       SELECT (d.day AT TIME ZONE 'UTC')::date AS day,
              sum(${dayChange.reach})::float8 AS reach,
              sum(${dayChange.impressions})::float8 AS impressions,
              sum(${dayChange.engagement})::float8 AS engagement
         FROM "${t.days}" d
        WHERE d.publication_id IN (SELECT id FROM posts)
        GROUP BY 1
     ), clicks AS (
       SELECT (c.day AT TIME ZONE 'UTC')::date AS day, sum(c.clicks)::float8 AS clicks
         FROM "${t.links}" l JOIN "${t.clicks}" c ON c.link_id = l.id
        WHERE l.publication_id IN (SELECT id FROM posts)
        GROUP BY 1
     ), views AS (
       SELECT (v.day AT TIME ZONE 'UTC')::date AS day, sum(v.views)::float8 AS views
         FROM (SELECT DISTINCT key FROM "${t.items}" WHERE publication_id IN (SELECT id::text FROM posts)) d
         JOIN "${t.views}" v ON v.item = d.key
        GROUP BY 1
     )
     SELECT to_char(coalesce(r.day, c.day, v.day), 'YYYY-MM-DD') AS day,
            r.reach, r.impressions, r.engagement,
            coalesce(c.clicks, 0) AS clicks, coalesce(v.views, 0) AS views
       FROM readings r
       FULL JOIN clicks c ON c.day = r.day
       FULL JOIN views v ON v.day = coalesce(r.day, c.day)
      ORDER BY 1`,
    scope.values,
  )
  return rows.map((row) => ({
    day: row.day,
    reach: row.reach ?? null,
    impressions: row.impressions ?? null,
    engagement: row.engagement ?? null,
    clicks: Number(row.clicks),
    views: Number(row.views),
  }))
}
