import type { Config, PayloadRequest } from 'payload'

import { linkClicksCollection, shortLinksCollection } from './collections'

export type LinksPluginOptions = {
  /** The scheduler's outbox, whose rows the links belong to. */
  publicationsSlug: string
  /** Who may read the links and their counts (staff). */
  canRead: (req: PayloadRequest) => boolean
  /** @default 'short-links' */
  linksSlug?: string
  /** @default 'link-clicks' */
  clicksSlug?: string
  /** @default 'Measurement' */
  adminGroup?: string
}

/**
 * First-party link tracking (issue 18, item 2): the short links a publication's link goes out as,
 * on Carecast's own origin, and their clicks per day and channel. The redirect itself is a plain
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
export { CODE_LENGTH, isCode, newCode } from './code'
