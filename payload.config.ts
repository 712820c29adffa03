import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { AudienceSegments } from './collections/AudienceSegments'
import { AuditEvents } from './collections/AuditEvents'
import { Campaigns } from './collections/Campaigns'
import { CommunityEvents } from './collections/CommunityEvents'
import { ConsentForms } from './collections/ConsentForms'
import { ConsentRecords } from './collections/ConsentRecords'
import { HealthObservances } from './collections/HealthObservances'
import { Media } from './collections/Media'
import { PatientStories } from './collections/PatientStories'
import { ServiceLines } from './collections/ServiceLines'
import { Users } from './collections/Users'
import { VideoAssets } from './collections/VideoAssets'
import { consentGuards, consentPlugin } from './plugins/consent'
import { deliveryPlugin } from './plugins/delivery'
import { linksPlugin } from './plugins/links'
import { notificationsPlugin } from './plugins/notifications'
import { schedulerPlugin } from './plugins/scheduler'
import { isApprover } from './src/access/isApprover'
import { isAuthor } from './src/access/isAuthor'
import { isStaff } from './src/access/isStaff'
import { consentOptions } from './src/consent/options'
import { keepPoolAlive } from './src/db/keepPoolAlive'
import { health } from './src/endpoints/health'
import { notificationsOptions } from './src/notifications/options'
import { withIdCheck } from './src/hooks/rejectMalformedId'
import { mediaLinkLifetimeMs } from './src/lib/mediaLinks/lifetime'
import { payloadSecret } from './src/lib/payloadSecret'
import { channels } from './src/scheduler/channels'
import { decorateLink } from './src/scheduler/decorateLink'
import { validateLink } from './src/scheduler/validateLink'
import { dispatchSettingsFromEnv } from './src/scheduler/dispatchSettings'
import { onSchedulerEvent } from './src/scheduler/onEvent'
import { shortenLink } from './src/links/shortenLink'
import { oauthFromEnv } from './src/scheduler/oauthFromEnv'
import { mediaResolver } from './src/scheduler/resolveMedia'
import { serializeDocument } from './src/delivery/serializeDocument'
import { localization } from './src/localization'
import { publishableSlugs } from './src/publishable'
import { slugs } from './src/slugs'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const uploadLimitMb = Number(process.env.UPLOAD_LIMIT_MB ?? 500)

export default buildConfig({
  serverURL: process.env.SERVER_URL ?? '',
  secret: payloadSecret(),
  telemetry: false,
  logger: { options: { level: process.env.LOG_LEVEL ?? 'info' } },
  admin: {
    user: slugs.users,
    importMap: { baseDir: dirname },
    // Not Gravatar: a hospital's network often blocks it, and it would tell a third party who signs in.
    avatar: 'default',
    meta: { titleSuffix: ' — Carecast' },
    // Campaigns running behind their KPI targets (issue 18), linked to each one's Results tab.
    components: { beforeDashboard: ['/src/results/admin/BehindTarget#BehindTarget'] },
  },
  localization,
  collections: [
    Campaigns,
    PatientStories,
    CommunityEvents,
    VideoAssets,
    Media,
    ConsentRecords,
    ConsentForms,
    ServiceLines,
    AudienceSegments,
    HealthObservances,
    AuditEvents,
    Users,
  ].map(withIdCheck),
  upload: {
    // The largest any collection takes (video); smaller per-collection limits are hooks. Over it,
    // the upload is refused with 413, never silently truncated.
    limits: { fileSize: uploadLimitMb * 1024 * 1024 },
    abortOnLimit: true,
    responseOnLimit: `file: the upload is larger than the ${uploadLimitMb} MB limit and was refused.`,
  },
  endpoints: [health],
  editor: lexicalEditor(),
  db: postgresAdapter({
    pool: {
      connectionString: process.env.DATABASE_URL,
      max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    },
    migrationDir: path.resolve(dirname, 'src/migrations'),
    // Schema changes ship as committed migrations; never let drizzle push behind our back.
    push: false,
  }),
  sharp,
  onInit: async (payload) => keepPoolAlive(payload),
  // Types are generated on purpose (`npm run generate:types`) and committed. Payload's default spawns a
  // `payload generate:types` process at every boot outside production: every test file, worker and
  // `npm start` paid about 10 s of CPU for it, and it rewrote the committed file underneath the run.
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts'), autoGenerate: false },
  graphQL: { disablePlaygroundInProduction: true },
  plugins: [
    deliveryPlugin({ slug: slugs.deliveryItems, canRead: (req) => isStaff({ req }) }),
    linksPlugin({
      publicationsSlug: slugs.publications,
      linksSlug: slugs.shortLinks,
      clicksSlug: slugs.linkClicks,
      viewsSlug: slugs.itemViews,
      canRead: (req) => isStaff({ req }),
    }),
    schedulerPlugin({
      collections: publishableSlugs,
      mediaCollections: [
        { slug: slugs.media, kind: 'image' },
        { slug: slugs.videoAssets, kind: 'video' },
      ],
      usersCollection: slugs.users,
      campaignsCollection: slugs.campaigns,
      publicationsSlug: slugs.publications,
      channelAccountsSlug: slugs.channelAccounts,
      controlSlug: slugs.schedulerControl,
      canAuthor: (req) => isAuthor({ req } as never) === true,
      canApprove: (req) => isApprover({ req }),
      canRead: (req) => isStaff({ req }),
      channels,
      serializeDocument,
      decorateLink,
      validateLink,
      resolveMedia: mediaResolver({ linkLifetimeMs: mediaLinkLifetimeMs() }),
      dispatch: dispatchSettingsFromEnv(),
      metrics: {
        watchesSlug: slugs.metricWatches,
        snapshotsSlug: slugs.metricSnapshots,
        daysSlug: slugs.metricDays,
        budgetsSlug: slugs.metricBudgets,
      },
      oauth: oauthFromEnv(),
      shortenLink: shortenLink(process.env.SERVER_URL?.trim() || undefined),
      guards: consentGuards(consentOptions),
      onEvent: onSchedulerEvent,
    }),
    // After the scheduler: it adds to the publications collection the scheduler made.
    consentPlugin(consentOptions),
    notificationsPlugin(notificationsOptions()),
  ],
})
