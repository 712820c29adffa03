/**
 * The channel-adapter contract, for adapter packages: the same names the scheduler's index
 * exports, without loading Payload. An adapter that needs a value of the contract at run time
 * (ReconcileFailed) imports it from here, so loading an adapter doesn't load the CMS with it.
 */
export type {
  ChannelAccount,
  ChannelAdapter,
  ChannelFailure,
  ChannelMedia,
  ChannelPost,
  ChannelRendition,
  ChannelResult,
  ChannelSuccess,
  MetricName,
  MetricsQuery,
  MetricsResult,
  MetricsSuccess,
  MetricsSupport,
  PostMetrics,
  RenditionName,
} from '../channels/types'
export { metricNames, ReconcileFailed, renditionNames } from '../channels/types'
export type {
  ChannelConnector,
  ConnectedIdentity,
  OAuthClient,
  OAuthEndpoints,
  TokenSet,
} from '../oauth/types'
export { OAuthRefused } from '../oauth/types'
