import type { CampaignItem, EventItem, ListResponse, StoryItem, VideoItem } from './schemas/items'
import type { DeliveryType, Locale } from './schemas/shared'

export type { CampaignItem, EventItem, ListResponse, StoryItem, VideoItem } from './schemas/items'
export type { CaptionTrack, Image, ItemSummary, VideoSummary } from './schemas/shared'

type ItemOf = { campaigns: CampaignItem; stories: StoryItem; events: EventItem; videos: VideoItem }

export type ListOptions = {
  locale?: Locale
  limit?: number
  cursor?: string
  campaign?: string
  serviceLine?: string
  observance?: string
  from?: string
}

export class DeliveryError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/**
 * A typed client for /delivery/v1: the response types are the zod schemas' own (z.infer), so a
 * front-end breaks at compile time when the API's shape changes. `fetch` is injectable (Next's
 * fetch with revalidation, or the in-process handler).
 */
export const deliveryClient = ({
  baseUrl,
  fetch: send = fetch,
}: {
  baseUrl: string
  fetch?: (request: Request) => Promise<Response>
}) => {
  const root = baseUrl.replace(/\/$/, '')
  const call = async <T>(
    path: string,
    query: Record<string, string | number | undefined> = {},
  ): Promise<T | null> => {
    const search = new URLSearchParams(
      Object.entries(query)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => [name, String(value)]),
    )
    const response = await send(new Request(`${root}${path}${search.size ? `?${search}` : ''}`))
    if (response.status === 404) return null
    if (!response.ok)
      throw new DeliveryError(
        response.status,
        ((await response.json().catch(() => null)) as { errors?: { message: string }[] } | null)
          ?.errors?.[0]?.message ?? `HTTP ${response.status}`,
      )
    return (await response.json()) as T
  }
  return {
    list: async (type: DeliveryType, options: ListOptions = {}) =>
      (await call<ListResponse>(`/${type}`, options))!,
    get: <T extends DeliveryType>(type: T, slug: string, locale?: Locale) =>
      call<ItemOf[T]>(`/${type}/${encodeURIComponent(slug)}`, { locale }),
    calendarUrl: (slug?: string) => (slug ? `${root}/events/${slug}.ics` : `${root}/events.ics`),
  }
}
