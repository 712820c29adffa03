import type { Config, PayloadRequest } from 'payload'

import { itemViewsCollection, linkClicksCollection, shortLinksCollection } from './collections'

export type LinksPluginOptions = {
  /** The scheduler's outbox, whose rows the links belong to. */
  publicationsSlug: string
  /** Who may read the links and their counts (staff). */
  canRead: (req: PayloadRequest) => boolean
  /** @default 'short-links' */
  linksSlug?: string
  /** @default 'link-clicks' */
  clicksSlug?: string
  /** @default 'item-views' */
  viewsSlug?: string
  /** @default 'Measurement' */
  adminGroup?: string
}

/**
 * First-party measurement (issue 18, items 2 and 3): the short links a publication's link goes
 * out as, on Carecast's own origin, and their clicks per day and channel; and web views per
 * delivery item and day, from the site's beacon (`createViewBeacon`). The redirect itself is a plain
 * fetch handler on its own pool (`createRedirectHandler`), mounted by the host outside Payload's
 * routes, as the delivery API is: a Payload request per click would cost most of its speed.
 */
export const linksPlugin =
  (options: LinksPluginOptions) =>
  (incoming: Config): Config => {
    const links = options.linksSlug ?? 'short-links'
    const clicks = options.clicksSlug ?? 'link-clicks'
    const group = options.adminGroup ?? 'Measurement'
    return {
      ...incoming,
      collections: [
        ...(incoming.collections ?? []),
        shortLinksCollection(links, options.publicationsSlug, group, options.canRead),
        linkClicksCollection(clicks, links, group, options.canRead),
        itemViewsCollection(options.viewsSlug ?? 'item-views', group, options.canRead),
      ],
    }
  }

export {
  answerHeaders,
  createLinkResolver,
  createRedirectHandler,
  type LinkAnswer,
  pageFor,
} from './redirect'
export { shortLinkFor, type LinkTables } from './shorten'
export { createViewBeacon, type ViewTables } from './views'
export { CODE_LENGTH, isCode, newCode } from './code'
