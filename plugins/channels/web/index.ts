/**
 * The website as a channel: publishing writes the document's public projection (front-end-ready
 * JSON, built at publish time from public fields only) through a store the delivery plugin owns;
 * retracting deletes it. Then each configured front-end revalidation webhook is told, so a
 * statically built site refreshes that page.
 */
import type { ChannelAccount, ChannelAdapter, ChannelPost, ChannelResult } from '../../scheduler'

export type WebProjection = {
  /** `stories`, `campaigns`…: the delivery API's type segment. */
  type: string
  slug: string
  data: Record<string, unknown>
  publicationId: string
}

export type WebStore = {
  /** Writes (or replaces) the projection; returns its key for a later remove. */
  put(projection: WebProjection): Promise<{ key: string; path: string }>
  /** Deletes it; true when there was one. */
  remove(key: string): Promise<boolean>
}

export type WebChannelOptions = {
  store: WebStore
  /** Public origin of the site, for the live-post link. @default none (the link is the API path) */
  siteUrl?: string
  fetch?: typeof fetch
  /** Per revalidation call. @default 5000 */
  revalidateTimeoutMs?: number
  onRevalidateError?: (url: string, message: string) => void
}

const revalidate = async (
  options: WebChannelOptions,
  account: ChannelAccount,
  body: Record<string, unknown>,
) => {
  const urls = String(account.settings?.revalidateUrls ?? '')
    .split(/\s+/)
    .filter(Boolean)
  const send = options.fetch ?? fetch
  // The projection is the truth; a front-end that misses a ping still reads the new content on
  // its next build or cache expiry, so a failed ping is reported, not a failed publish.
  await Promise.all(
    urls.map(async (url) => {
      try {
        const response = await send(url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            ...(account.secret ? { Authorization: `Bearer ${account.secret}` } : {}),
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(options.revalidateTimeoutMs ?? 5000),
        })
        if (!response.ok) options.onRevalidateError?.(url, `HTTP ${response.status}`)
      } catch (error) {
        options.onRevalidateError?.(url, error instanceof Error ? error.message : String(error))
      }
    }),
  )
}

const projectionOf = (post: ChannelPost): WebProjection | string => {
  const document = post.document
  if (!document) return 'the web channel needs the serialized document'
  const type = document.type
  const slug = document.slug
  if (typeof type !== 'string' || !type) return 'the serialized document has no type'
  if (typeof slug !== 'string' || !slug)
    return 'the document has no slug, so it has no address on the site'
  return { type, slug, data: document, publicationId: post.publicationId }
}

export const webChannel = (options: WebChannelOptions): ChannelAdapter => ({
  channel: 'web',
  canDelete: true,
  followsDocument: true,
  async publish(post, account): Promise<ChannelResult> {
    const projection = projectionOf(post)
    if (typeof projection === 'string')
      return { ok: false, retryable: false, status: 0, message: projection }
    try {
      const { key, path } = await options.store.put(projection)
      await revalidate(options, account, {
        action: 'publish',
        type: projection.type,
        slug: projection.slug,
        path,
      })
      return {
        ok: true,
        remoteId: key,
        remoteUrl: options.siteUrl ? `${options.siteUrl.replace(/\/$/, '')}${path}` : path,
        status: 200,
      }
    } catch (error) {
      // The database being away is worth retrying; a projection the store refuses (marked
      // `permanent`) will be refused again, so it fails at once with the store's reason.
      const permanent = (error as { permanent?: boolean }).permanent === true
      return {
        ok: false,
        retryable: !permanent,
        status: 0,
        message: `the projection could not be written: ${(error as Error).message}`,
      }
    }
  },
  async reconcile() {
    // Writing a projection is an idempotent upsert: sending again is always safe.
    return null
  },
  async remove(remoteId, account): Promise<ChannelResult> {
    try {
      await options.store.remove(remoteId)
      const [type, slug] = remoteId.split('/')
      await revalidate(options, account, { action: 'retract', type, slug })
      return { ok: true, remoteId, status: 200 }
    } catch (error) {
      return {
        ok: false,
        retryable: true,
        status: 0,
        message: `the projection could not be removed: ${(error as Error).message}`,
      }
    }
  },
})
