import type { Pool } from 'pg'

import { resultTables as t } from '../tables'
import { readingSql } from './campaignPosts'

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
 * (hourly, then daily, then weekly), so each post's last reading of a day is compared with its
 * previous one and the day gets the difference: the sum of those differences up to a day is then
 * the sum of every post's latest total on that day, with no need to fill the days between
 * readings. Clicks and views are already counted per day.
 */
export const readDailyChanges = async (pool: Pool, postIds: number[]): Promise<DayChange[]> => {
  if (!postIds.length) return []
  const { rows } = await pool.query(
    `WITH last_of_day AS (
       SELECT DISTINCT ON (s.publication_id, (s.taken_at AT TIME ZONE 'UTC')::date)
              s.publication_id, (s.taken_at AT TIME ZONE 'UTC')::date AS day,
              ${readingSql.reach} AS reach, ${readingSql.impressions} AS impressions,
              ${readingSql.engagement} AS engagement
         FROM "${t.snapshots}" s
        WHERE s.publication_id = ANY($1::int[])
        ORDER BY s.publication_id, (s.taken_at AT TIME ZONE 'UTC')::date, s.taken_at DESC
     ), readings AS (
       SELECT day,
              reach - coalesce(lag(reach) OVER w, 0) AS reach,
              impressions - coalesce(lag(impressions) OVER w, 0) AS impressions,
              engagement - coalesce(lag(engagement) OVER w, 0) AS engagement
         FROM last_of_day
       WINDOW w AS (PARTITION BY publication_id ORDER BY day)
     ), clicks AS (
       SELECT (c.day AT TIME ZONE 'UTC')::date AS day, sum(c.clicks)::float8 AS clicks
         FROM "${t.links}" l JOIN "${t.clicks}" c ON c.link_id = l.id
        WHERE l.publication_id = ANY($1::int[])
        GROUP BY 1
     ), views AS (
       SELECT (v.day AT TIME ZONE 'UTC')::date AS day, sum(v.views)::float8 AS views
         FROM (SELECT DISTINCT key FROM "${t.items}" WHERE publication_id = ANY($1::text[])) d
         JOIN "${t.views}" v ON v.item = d.key
        GROUP BY 1
     )
     SELECT to_char(coalesce(r.day, c.day, v.day), 'YYYY-MM-DD') AS day,
            r.reach, r.impressions, r.engagement,
            coalesce(c.clicks, 0) AS clicks, coalesce(v.views, 0) AS views
       FROM (SELECT day, sum(reach)::float8 AS reach, sum(impressions)::float8 AS impressions,
                    sum(engagement)::float8 AS engagement FROM readings GROUP BY day) r
       FULL JOIN clicks c ON c.day = r.day
       FULL JOIN views v ON v.day = coalesce(r.day, c.day)
      ORDER BY 1`,
    [postIds],
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
