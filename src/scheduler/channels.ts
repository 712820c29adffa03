import { deliveryStore } from '../../plugins/delivery'
import { createFacebookAdapter } from '../../plugins/scheduler/channels/facebook'
import { createInstagramAdapter } from '../../plugins/scheduler/channels/instagram'
import { linkedinAdapter } from '../../plugins/scheduler/channels/linkedin'
import { createMastodonAdapter } from '../../plugins/scheduler/channels/mastodon'
import { webChannel } from '../../plugins/scheduler/channels/web'
import { webhookChannel } from '../../plugins/scheduler/channels/webhook'
import { createXAdapter } from '../../plugins/scheduler/channels/x'
import { createYoutubeAdapter } from '../../plugins/scheduler/channels/youtube'
import type { SchedulerPluginOptions } from '../../plugins/scheduler'

/** Every channel Carecast publishes to, each behind the scheduler's one adapter interface. */
export const channels: SchedulerPluginOptions['channels'] = {
  web: (payload) =>
    webChannel({
      store: deliveryStore(payload),
      siteUrl: process.env.SITE_URL || undefined,
      onRevalidateError: (url, message) => payload.logger.warn(`front-end revalidation ${url} failed: ${message}`),
    }),
  webhook: webhookChannel(),
  facebook: createFacebookAdapter(),
  instagram: createInstagramAdapter(),
  x: createXAdapter(),
  linkedin: linkedinAdapter,
  mastodon: createMastodonAdapter(),
  youtube: createYoutubeAdapter(),
}
