import type { ChannelKind } from '../../types'

/** Production API roots; an account may override one (a proxy, or a local server in tests). */
export const defaultBaseUrls: Partial<Record<ChannelKind, string>> = {
  facebook: 'https://graph.facebook.com',
  instagram: 'https://graph.facebook.com',
  x: 'https://api.x.com',
  linkedin: 'https://api.linkedin.com',
  youtube: 'https://www.googleapis.com',
}
