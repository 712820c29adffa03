import type { Pool } from 'pg'

import { defaultLocale } from '../../localization'
import { slugs } from '../../slugs'
import { resultTables as t } from '../tables'

/** One post as the results read it: its latest reading, its clicks and its web views. */
export type PostRow = {
  id: number
  channel: string
  state: string
  publishedAt: Date | null
  remoteUrl: string | null
  account: string | null
  collection: string
  documentId: number
  title: string
  measuredAt: Date | null
  reach: number | null
  impressions: number | null
  engagement: number | null
  clicks: number
  views: number
}

// The publications_rels column each publishable collection's relation is stored in.
const relColumn: Record<string, string> = {
  [slugs.campaigns]: 'campaigns_id',
  [slugs.patientStories]: 'patient_stories_id',
  [slugs.communityEvents]: 'community_events_id',
  [slugs.videoAssets]: 'video_assets_id',
}
const localesOf: Record<string, string> = {
  [slugs.campaigns]: `${t.campaigns}_locales`,
  [slugs.patientStories]: `${t.stories}_locales`,
  [slugs.communityEvents]: `${t.events}_locales`,
  [slugs.videoAssets]: `${t.videos}_locales`,
}

/**
 * What a reading says, for the report: reach is the network's reach, else its impressions, else
 * a video's views; engagement is likes + comments + shares + saves (absent when the network
 * reported none of them). Written once here and used by the post and the daily queries alike, on
 * a reading (`metric-snapshots`) or a day's changes (`metric-days`): both have the same columns.
 */
export const readingSql = (row: string) => ({
  reach: `coalesce(${row}.reach, ${row}.impressions, ${row}.video_views)::float8`,
  impressions: `${row}.impressions::float8`,
  engagement: `CASE WHEN coalesce(${row}.likes, ${row}.comments, ${row}.shares, ${row}.saves) IS NULL THEN NULL
                ELSE (coalesce(${row}.likes, 0) + coalesce(${row}.comments, 0) + coalesce(${row}.shares, 0)
                      + coalesce(${row}.saves, 0))::float8 END`,
})

/**
/**
 * The campaign's posts as a `posts` CTE (`id, channel, state, published_at, remote_url, account,
 * collection, document_id`): every post of its documents that went out (published, or taken down
 * since). Shared by the post and the daily reads, which run side by side. `null` when the
 * campaign has no documents.
 */
export const postsInScope = (documents: Record<string, number[]>) => {
  const scoped = Object.entries(documents).filter(([slug, ids]) => ids.length && relColumn[slug])
  if (!scoped.length) return null
  return {
    cte: `posts AS (
       SELECT p.id, p.channel::text AS channel, p.state::text AS state, p.published_at, p.remote_url,
              a.name AS account,
              CASE ${scoped.map(([slug]) => `WHEN r.${relColumn[slug]} IS NOT NULL THEN '${slug}'`).join(' ')} END AS collection,
              coalesce(${scoped.map(([slug]) => `r.${relColumn[slug]}`).join(', ')}) AS document_id
         FROM "${t.publications}_rels" r
         JOIN "${t.publications}" p ON p.id = r.parent_id
         LEFT JOIN "${t.accounts}" a ON a.id = p.channel_account_id
        WHERE r.path = 'document' AND p.published_at IS NOT NULL
          AND (${scoped.map(([slug], i) => `r.${relColumn[slug]} = ANY($${i + 1}::int[])`).join(' OR ')})
     )`,
    values: scoped.map(([, ids]) => ids),
  }
}

/**
 * Every post of the campaign (`postsInScope`) with its latest reading, its short-link clicks and —
 * for the website — its item's views: indexed reads, whatever the number of readings behind them.
 */
export const readCampaignPosts = async (
  pool: Pool,
  documents: Record<string, number[]>,
): Promise<PostRow[]> => {
  const reading = readingSql('s')
  const scope = postsInScope(documents)
  if (!scope) return []
  const { rows } = await pool.query(
    `WITH ${scope.cte}, clicks AS (
       SELECT l.publication_id, sum(c.clicks)::float8 AS n
         FROM "${t.links}" l JOIN "${t.clicks}" c ON c.link_id = l.id
        WHERE l.publication_id IN (SELECT id FROM posts)
        GROUP BY l.publication_id
     ), views AS (
       SELECT d.publication_id, sum(v.views)::float8 AS n
         FROM (SELECT DISTINCT key, publication_id FROM "${t.items}"
                WHERE publication_id IN (SELECT id::text FROM posts)) d
         JOIN "${t.views}" v ON v.item = d.key
        GROUP BY d.publication_id
     )
     SELECT posts.*, latest.taken_at, latest.reach, latest.impressions, latest.engagement,
            coalesce(clicks.n, 0) AS clicks, coalesce(views.n, 0) AS views
       FROM posts
       LEFT JOIN LATERAL (
         SELECT s.taken_at, ${reading.reach} AS reach, ${reading.impressions} AS impressions,
                ${reading.engagement} AS engagement
           FROM "${t.snapshots}" s WHERE s.publication_id = posts.id
          ORDER BY s.taken_at DESC LIMIT 1) latest ON true
       LEFT JOIN clicks ON clicks.publication_id = posts.id
       LEFT JOIN views ON views.publication_id = posts.id::text
      ORDER BY posts.published_at, posts.id`,
    scope.values,
  )
  const titles = await readTitles(
    pool,
    rows.map((row) => ({ collection: row.collection, id: Number(row.document_id) })),
  )
  return rows.map((row) => ({
    id: Number(row.id),
    channel: row.channel,
    state: row.state,
    publishedAt: row.published_at ? new Date(row.published_at) : null,
    remoteUrl: row.remote_url ?? null,
    account: row.account ?? null,
    collection: row.collection,
    documentId: Number(row.document_id),
    title: titles.get(`${row.collection}:${row.document_id}`) ?? '',
    measuredAt: row.taken_at ? new Date(row.taken_at) : null,
    reach: row.reach ?? null,
    impressions: row.impressions ?? null,
    engagement: row.engagement ?? null,
    clicks: Number(row.clicks),
    views: Number(row.views),
  }))
}

/** Each document's title in the default language (else any), in one query. */
const readTitles = async (pool: Pool, refs: { collection: string; id: number }[]) => {
  const byCollection = new Map<string, Set<number>>()
  for (const ref of refs) {
    if (!localesOf[ref.collection]) continue
    if (!byCollection.has(ref.collection)) byCollection.set(ref.collection, new Set())
    byCollection.get(ref.collection)!.add(ref.id)
  }
  const titles = new Map<string, string>()
  if (!byCollection.size) return titles
  const parts = [...byCollection.keys()]
  const { rows } = await pool.query(
    parts
      .map(
        (slug, i) =>
          `(SELECT DISTINCT ON (_parent_id) '${slug}' AS collection, _parent_id AS id, title
              FROM "${localesOf[slug]}" WHERE _parent_id = ANY($${i + 2}::int[])
             ORDER BY _parent_id, (_locale::text = $1) DESC)`,
      )
      .join(' UNION ALL '),
    [defaultLocale, ...parts.map((slug) => [...byCollection.get(slug)!])],
  )
  for (const row of rows) titles.set(`${row.collection}:${row.id}`, row.title ?? '')
  return titles
}
