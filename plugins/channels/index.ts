/**
 * The network adapters, one folder per network, each implementing the scheduler's
 * `ChannelAdapter` (as Payload's storage and email adapters implement a core interface). The host
 * picks the ones it uses and hands them to `schedulerPlugin({ channels })`.
 */
export { createFacebookAdapter, facebookAdapter, type FacebookAdapterOptions } from './facebook'
export { createInstagramAdapter, instagramAdapter, type InstagramAdapterOptions } from './instagram'
export { linkedinAdapter } from './linkedin'
export {
  createMastodonAdapter,
  mastodonAdapter,
  type MastodonAdapter,
  type MastodonAdapterOptions,
} from './mastodon'
export { webChannel, type WebChannelOptions, type WebProjection, type WebStore } from './web'
export {
  webhookAdapter,
  webhookChannel,
  type WebhookAdapter,
  type WebhookChannelOptions,
} from './webhook'
export { createXAdapter, xAdapter, type XAdapterOptions } from './x'
export {
  createYoutubeAdapter,
  youtubeAdapter,
  type YoutubeAdapter,
  type YoutubeAdapterOptions,
} from './youtube'
export { linkedinConnector } from './linkedin/connect'
export { mastodonConnector } from './mastodon/connect'
export { xConnector } from './x/connect'
export { youtubeConnector } from './youtube/connect'
export { metaConnector } from './facebook/connect'
