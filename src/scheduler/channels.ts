import { deliveryStore } from '../../plugins/delivery'
import {
  createFacebookAdapter,
  createInstagramAdapter,
  createMastodonAdapter,
  createXAdapter,
  createYoutubeAdapter,
  linkedinAdapter,
  webChannel,
  webhookChannel,
} from '../../plugins/channels'
import type { SchedulerPluginOptions } from '../../plugins/scheduler'

/** Every channel Carecast publishes to, each behind the scheduler's one adapter interface. */
export const channels: SchedulerPluginOptions['channels'] = {
  web: (payload) =>
    webChannel({
      store: deliveryStore(payload),
      siteUrl: process.env.SITE_URL || undefined,
      onRevalidateError: (url, message) =>
        payload.logger.warn(`front-end revalidation ${url} failed: ${message}`),
    }),
  webhook: webhookChannel(),
  facebook: createFacebookAdapter(),
  instagram: createInstagramAdapter(),
  x: createXAdapter(),
  linkedin: linkedinAdapter,
  mastodon: createMastodonAdapter(),
  youtube: createYoutubeAdapter(),
}
