import { shortLinkFor } from '../../plugins/links'
import { poolOf } from '../../plugins/postgres'
import type { SchedulerPluginOptions } from '../../plugins/scheduler'
import { linkTables } from './tables'

/**
 * A post's link goes out as `<SERVER_URL>/l/<code>` (issue 18): a short link on Carecast's own
 * origin that counts its clicks. Without a public origin (SERVER_URL unset, as in `npm start`) a
 * short link could not be followed from the network, so the tagged link goes out as it is.
 */
export const shortenLink =
  (origin: string | undefined): NonNullable<SchedulerPluginOptions['shortenLink']> =>
  async ({ publicationId, channel, link, payload }) =>
    origin
      ? shortLinkFor(poolOf(payload), linkTables, {
          publicationId: Number(publicationId),
          channel,
          destination: link,
          origin,
        })
      : link
