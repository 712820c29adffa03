import type { Pool } from 'pg'

import type { SanitizedSchedulerConfig } from '../../defaults'
import { MEASURED_FOR_MS, readingSteps } from '../schedule'
import { metricTables } from './tables'

/**
 * Starts watching every live post on a network that reports counts and is not watched yet: its
 * first reading one step after it went out. Run at the start of each pass rather than when the
 * post is recorded, so dispatch pays nothing for measurement (issue 18: due posts must not wait
 * for it). One statement; a post two workers enrol at once is enrolled once (the unique key).
 */
export const enrollLivePosts = async (
  pool: Pool,
  config: SanitizedSchedulerConfig,
  channels: string[],
  now: Date,
): Promise<number> => {
  if (!channels.length) return 0
  const t = metricTables(config)
  const { rowCount } = await pool.query(
    `INSERT INTO "${t.watches}" (publication_id, account_id, channel, published_at, next_at,
                                  readings, failures, fencing_token, updated_at, created_at)
     SELECT p.id, p.channel_account_id, p.channel::text, p.published_at,
            p.published_at + ($3::int * interval '1 millisecond'), 0, 0, 0, $1, $1
       FROM "${t.publications}" p
      WHERE p.state = 'published' AND p.remote_id IS NOT NULL
        AND p.channel::text = ANY($2::text[])
        AND p.published_at > $1::timestamptz - ($4::bigint * interval '1 millisecond')
        AND NOT EXISTS (SELECT 1 FROM "${t.watches}" w WHERE w.publication_id = p.id)
     ON CONFLICT (publication_id) DO NOTHING`,
    [now, channels, readingSteps[0].every, MEASURED_FOR_MS],
  )
  return rowCount ?? 0
}
