export type UtmTags = {
  source?: string | null
  medium?: string | null
  campaign?: string | null
  content?: string | null
  term?: string | null
}

/**
 * Adds a campaign's UTM tags to a link. The campaign's own source and medium win; without them
 * the channel is the source (so analytics tell X from Facebook) and social posts are "social".
 * Tags already in the link are the author's choice and stay.
 */
export const applyUtm = (
  link: string,
  utm: UtmTags | null | undefined,
  channel: string,
): string => {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return link
  }
  if (!utm?.campaign) return link
  const tags: Record<string, string | null | undefined> = {
    utm_source: utm.source || channel,
    utm_medium: utm.medium || (channel === 'web' || channel === 'webhook' ? 'referral' : 'social'),
    utm_campaign: utm.campaign,
    utm_content: utm.content,
    utm_term: utm.term,
  }
  for (const [name, value] of Object.entries(tags)) {
    if (value && !url.searchParams.has(name)) url.searchParams.set(name, value)
  }
  return url.toString()
}
