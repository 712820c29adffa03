/**
 * Every collection slug Carecast uses, in one place: the config, the seed, the plugins' options
 * and the tests all import from here, so a rename is one edit.
 */
export const slugs = {
  users: 'users',
  media: 'media',
  videoAssets: 'video-assets',
  campaigns: 'campaigns',
  patientStories: 'patient-stories',
  consentRecords: 'consent-records',
  consentForms: 'consent-forms',
  communityEvents: 'community-events',
  serviceLines: 'service-lines',
  audienceSegments: 'audience-segments',
  healthObservances: 'health-observances',
  auditEvents: 'audit-events',
  publications: 'publications',
  channelAccounts: 'channel-accounts',
  schedulerControl: 'scheduler-control',
  deliveryItems: 'delivery-items',
  shortLinks: 'short-links',
  linkClicks: 'link-clicks',
  itemViews: 'item-views',
  metricWatches: 'metric-watches',
  metricSnapshots: 'metric-snapshots',
  metricDays: 'metric-days',
  metricBudgets: 'metric-budgets',
  consentTasks: 'consent-tasks',
  notifications: 'notifications',
} as const
