/**
 * The YouTube fake's video statistics, as the YouTube Data API documents videos.list:
 * - `part=statistics` adds `statistics { viewCount, likeCount, favoriteCount, commentCount }`, the
 *   counts as strings; `likeCount` is left out when the owner hides likes and `commentCount` when
 *   comments are off (set them to `null` here);
 * - a deleted video is missing from `items`, answered by the server's videos.list itself;
 * - every videos.list asking for `statistics` is a metrics read; over `limitMetrics` it answers 403
 *   quotaExceeded (domain youtube.quota: the project's daily quota is spent), and
 *   `failNextMetrics` a 5xx backendError.
 * Counts are set in YouTube's names (`setCounts(id, { viewCount: 12 })`), 0 otherwise.
 */
import { countsFor, type FakeCounts, MetricsGate } from './metricsGate'

export const YOUTUBE_STATISTICS = [
  'viewCount',
  'likeCount',
  'favoriteCount',
  'commentCount',
] as const
export type YoutubeStatistic = (typeof YOUTUBE_STATISTICS)[number]

/** What a refused read answers: status and the documented reason, for the server's `fail`. */
export type YoutubeRefusal = { status: number; reason: string }

export const createYoutubeMetrics = (options: { has: (id: string) => boolean }) => {
  const gate = new MetricsGate()
  const counts = new Map<string, FakeCounts<YoutubeStatistic>>()

  return {
    gate,
    /** Records a videos.list that asks for statistics; a refusal when the read is refused. */
    refuse(parts: string[], ids: string[]): YoutubeRefusal | undefined {
      if (!parts.includes('statistics')) return undefined
      const verdict = gate.admit(ids)
      if (verdict.kind === 'server-error') return { status: verdict.status, reason: 'backendError' }
      if (verdict.kind === 'rate-limited') return { status: 403, reason: 'quotaExceeded' }
      return undefined
    },
    /** `statistics` of a video: the counts as strings, as YouTube sends 64-bit numbers. */
    statistics: (id: string): Record<string, string> =>
      Object.fromEntries(
        Object.entries(countsFor(YOUTUBE_STATISTICS, counts.get(id))).map(([name, value]) => [
          name,
          String(value),
        ]),
      ),
    setCounts(id: string, set: FakeCounts<YoutubeStatistic>): void {
      if (!options.has(id)) throw new Error(`the YouTube fake has no video ${id}`)
      counts.set(id, { ...counts.get(id), ...set })
    },
  }
}
