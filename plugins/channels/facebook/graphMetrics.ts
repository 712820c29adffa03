/**
 * The metrics read the Facebook Page and Instagram adapters share: one Graph "multiple ID read"
 * (`GET /{version}/?ids=<id,id,…>&fields=…`, Graph API "Using the Graph API" → multiple-ID
 * lookup), which answers an object keyed by id, each with the fields asked for, insights included
 * through field expansion (`insights.metric(a,b)`).
 * - At most 50 ids per request; Graph refuses more ("Too many IDs. Maximum: 50").
 * - Rate limiting (graph-api/overview/rate-limiting) counts every id of a multiple-ID read as a
 *   call, hence `callsFor: n => n`. The platform limit for a user or Page token is 200 calls per
 *   hour; Business Use Case limits for Pages and Instagram scale with the account's activity and
 *   are at least that for an active account, so 200 per hour is the safe figure.
 * - One missing object fails the whole read: 803 "Some of the aliases you requested do not exist:
 *   a,b", or 100/33 "Object with ID 'a' does not exist". The ids it names are the deleted posts;
 *   the rest of the batch is left unread this time (in neither `posts` nor `gone`), so the next
 *   read, without the deleted ones, gets their counts.
 */
import { countOf, HOUR_MS, NOTHING_READ, overBatch } from '../metrics'
import type {
  ChannelAccount,
  MetricsQuery,
  MetricsResult,
  MetricsSupport,
  PostMetrics,
} from '../../scheduler/exports/channels'
import { callGraph, graphContext, isFailure, type GraphContext } from './graph'
import { channelFailure, type GraphFailure } from './graphErrors'

export const GRAPH_METRICS_BATCH = 50

export const graphMetricsLimits: Pick<MetricsSupport, 'batchSize' | 'rateLimit' | 'callsFor'> = {
  batchSize: GRAPH_METRICS_BATCH,
  rateLimit: { calls: 200, windowMs: HOUR_MS },
  callsFor: (posts) => posts,
}

type GraphObject = Record<string, unknown>

const isObject = (value: unknown): value is GraphObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const MISSING_ALIASES = /Some of the aliases you requested do not exist:\s*(.+)$/i
const MISSING_OBJECT = /Object with ID '([^']+)' does not exist/gi

/** The requested ids a Graph error says do not exist (see the header). */
const missingIds = (failure: GraphFailure, asked: readonly string[]): string[] => {
  const named = new Set<string>()
  if (failure.graphCode === 803) {
    const list = MISSING_ALIASES.exec(failure.message)?.[1] ?? ''
    // describe() may have added Graph's user message ("— …") and "(code 803, fbtrace_id …)".
    for (const id of list.split(/\s+[—(]/)[0]?.split(',') ?? []) named.add(id.trim())
  }
  if (failure.graphCode === 100 && failure.graphSubcode === 33)
    for (const match of failure.message.matchAll(MISSING_OBJECT)) named.add(match[1] ?? '')
  return asked.filter((id) => named.has(id))
}

/** A lifetime insights metric of one object: `insights.data[{ name, values: [{ value }] }]`. */
export const insightValues = (object: GraphObject): Record<string, number | undefined> => {
  const data =
    isObject(object.insights) && Array.isArray(object.insights.data)
      ? object.insights.data.filter(isObject)
      : []
  const values: Record<string, number | undefined> = {}
  for (const metric of data) {
    if (typeof metric.name !== 'string') continue
    const latest = Array.isArray(metric.values) ? metric.values.at(-1) : undefined
    // Newer versions answer some metrics as `total_value: { value }` instead of `values`.
    const value = isObject(latest)
      ? latest.value
      : isObject(metric.total_value)
        ? metric.total_value.value
        : undefined
    values[metric.name] = countOf(value)
  }
  return values
}

/** `summary.total_count` of an edge read with `.summary(total_count).limit(0)`. */
export const summaryCount = (edge: unknown): number | undefined =>
  isObject(edge) && isObject(edge.summary) ? countOf(edge.summary.total_count) : undefined

/**
 * Reads `fields` of every id in one request and maps each object with `toMetrics`. The ids Graph
 * says are missing come back in `gone`; any other failure is classified as for publishing.
 */
export const readGraphMetrics = async (
  ctx: GraphContext,
  ids: readonly string[],
  fields: string,
  toMetrics: (object: GraphObject) => PostMetrics,
  now: () => number,
): Promise<MetricsResult> => {
  const unique = [...new Set(ids)]
  const result = await callGraph(
    ctx,
    { method: 'GET', path: '', params: { ids: unique.join(','), fields } },
    now,
  )
  if (isFailure(result)) {
    const gone = missingIds(result, unique)
    return gone.length > 0 ? { ok: true, posts: {}, gone } : channelFailure(result)
  }
  const posts: Record<string, PostMetrics> = {}
  for (const id of unique) {
    const object = result.body[id]
    if (isObject(object)) posts[id] = toMetrics(object)
  }
  return { ok: true, posts, gone: [] }
}

/**
 * A network's `metrics()` on the Graph API (Facebook Pages, Instagram): `fields` of up to 50 posts
 * in one multiple-ID read, each object mapped with `toMetrics`. Too many posts are refused before
 * a call is spent; none asks nothing.
 */
export const graphMetricsReader =
  (
    network: 'Facebook' | 'Instagram',
    fields: string,
    toMetrics: (object: GraphObject) => PostMetrics,
  ) =>
  async (
    posts: MetricsQuery[],
    account: ChannelAccount,
    now: () => number,
    signal?: AbortSignal,
  ): Promise<MetricsResult> => {
    const tooMany = overBatch(network, posts.length, GRAPH_METRICS_BATCH)
    if (tooMany) return tooMany
    if (posts.length === 0) return NOTHING_READ
    const ctx = graphContext(account, network, signal)
    if (isFailure(ctx)) return ctx
    return readGraphMetrics(
      ctx,
      posts.map((post) => post.remoteId),
      fields,
      toMetrics,
      now,
    )
  }
