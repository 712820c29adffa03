/**
 * The Mastodon fake's counts on a Status and the metrics read, as docs.joinmastodon.org documents:
 * - every Status carries `replies_count`, `reblogs_count`, `favourites_count` (entities/Status);
 * - the read is `GET /api/v1/statuses/:id` (404 "Record not found" once deleted, answered by the
 *   server itself); every such GET is recorded, reconcile's look-ups included, since the instance
 *   cannot tell them apart either;
 * - over `limitMetrics`: 429 `{ error: "Too many requests" }` with `X-RateLimit-Limit`,
 *   `X-RateLimit-Remaining: 0` and `X-RateLimit-Reset` as an ISO 8601 timestamp (api/rate-limits);
 *   `failNextMetrics`: the HTML error page of the proxy in front of the instance.
 * Counts are set in Mastodon's names (`setCounts(id, { favourites_count: 4 })`), 0 otherwise;
 * `null` leaves a field out (a fork that hides a count).
 */
import { countsFor, type FakeCounts, MetricsGate } from './metricsGate'

export const MASTODON_COUNTS = ['replies_count', 'reblogs_count', 'favourites_count'] as const
export type MastodonCount = (typeof MASTODON_COUNTS)[number]

type Reply = { status: number; body?: unknown; headers?: Record<string, string> }

export const createMastodonMetrics = (options: {
  has: (id: string) => boolean
  now: () => number
}) => {
  const gate = new MetricsGate(options.now)
  const counts = new Map<string, FakeCounts<MastodonCount>>()

  return {
    gate,
    /** The count fields of a Status, for its JSON. */
    countsJson: (id: string) => countsFor(MASTODON_COUNTS, counts.get(id)),
    /** Records a GET of a status; a reply when the read is refused, else `undefined` (answer it). */
    refuse(id: string): Reply | undefined {
      const verdict = gate.admit([id])
      if (verdict.kind === 'server-error')
        return {
          status: verdict.status,
          body: `<html><head><title>${verdict.status} Service Temporarily Unavailable</title></head><body><center><h1>${verdict.status} Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>`,
          headers: { 'Content-Type': 'text/html' },
        }
      if (verdict.kind === 'rate-limited')
        return {
          status: 429,
          body: { error: 'Too many requests' },
          headers: {
            'X-RateLimit-Limit': String(verdict.limit),
            'X-RateLimit-Remaining': '0',
            'X-RateLimit-Reset': new Date(verdict.resetAt).toISOString(),
          },
        }
      return undefined
    },
    setCounts(id: string, set: FakeCounts<MastodonCount>): void {
      if (!options.has(id)) throw new Error(`the Mastodon fake has no status ${id}`)
      counts.set(id, { ...counts.get(id), ...set })
    },
  }
}
