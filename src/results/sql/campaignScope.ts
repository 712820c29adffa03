import type { Pool } from 'pg'

import { defaultLocale } from '../../localization'
import { slugs } from '../../slugs'
import { resultTables as t } from '../tables'
import type { Measure } from '../types'

export type CampaignScope = {
  campaign: { id: number; title: string; startsAt: Date; endsAt: Date }
  kpis: {
    metric: string
    measure: Measure
    target: number
    actual: number | null
    unit: string | null
  }[]
  /** The documents whose posts count toward the campaign, by collection slug. */
  documents: Record<string, number[]>
  /** Sign-ups recorded on the campaign's events. */
  signups: number
}

/**
 * The campaign, its KPIs, and every document whose posts are the campaign's: the campaign itself,
 * the stories, events and videos it lists (`related…`), and the stories and events that name it
 * (a story's `campaigns`, an event's `campaign`) — the same set the calendar's campaign filter
 * shows. One round trip. `null` when there is no such campaign.
 */
export const readCampaignScope = async (pool: Pool, id: number): Promise<CampaignScope | null> => {
  const { rows } = await pool.query(
    `SELECT c.id, c.starts_at, c.ends_at,
            coalesce((SELECT l.title FROM "${t.campaigns}_locales" l
                       WHERE l._parent_id = c.id ORDER BY (l._locale::text = $2) DESC LIMIT 1), '') AS title,
            coalesce((SELECT json_agg(json_build_object('metric', k.metric, 'measure', k.measure,
                                'target', k.target, 'actual', k.actual, 'unit', k.unit) ORDER BY k._order)
                        FROM "${t.campaigns}_kpis" k WHERE k._parent_id = c.id), '[]') AS kpis,
            ARRAY(SELECT r.patient_stories_id FROM "${t.campaigns}_rels" r
                   WHERE r.parent_id = c.id AND r.patient_stories_id IS NOT NULL
                  UNION SELECT s.parent_id FROM "${t.stories}_rels" s
                   WHERE s.path = 'campaigns' AND s.campaigns_id = c.id) AS stories,
            ARRAY(SELECT r.community_events_id FROM "${t.campaigns}_rels" r
                   WHERE r.parent_id = c.id AND r.community_events_id IS NOT NULL
                  UNION SELECT e.id FROM "${t.events}" e WHERE e.campaign_id = c.id) AS events,
            ARRAY(SELECT r.video_assets_id FROM "${t.campaigns}_rels" r
                   WHERE r.parent_id = c.id AND r.video_assets_id IS NOT NULL) AS videos
       FROM "${t.campaigns}" c WHERE c.id = $1`,
    [id, defaultLocale],
  )
  const row = rows[0]
  if (!row) return null
  const events = (row.events as number[]).map(Number)
  const { rows: signups } = events.length
    ? await pool.query(
        `SELECT coalesce(sum(sign_ups), 0)::float8 AS n FROM "${t.events}" WHERE id = ANY($1::int[])`,
        [events],
      )
    : { rows: [{ n: 0 }] }
  return {
    campaign: {
      id: Number(row.id),
      title: String(row.title),
      startsAt: new Date(row.starts_at),
      endsAt: new Date(row.ends_at),
    },
    kpis: (row.kpis as Record<string, unknown>[]).map((kpi) => ({
      metric: String(kpi.metric ?? ''),
      measure: (kpi.measure as Measure | null) ?? 'manual',
      target: Number(kpi.target ?? 0),
      actual: kpi.actual === null || kpi.actual === undefined ? null : Number(kpi.actual),
      unit: (kpi.unit as string | null) ?? null,
    })),
    documents: {
      [slugs.campaigns]: [Number(row.id)],
      [slugs.patientStories]: (row.stories as number[]).map(Number),
      [slugs.communityEvents]: events,
      [slugs.videoAssets]: (row.videos as number[]).map(Number),
    },
    signups: Number(signups[0].n),
  }
}
