import path from 'node:path'

import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { mediaLinkKey, verifyMediaLink } from '../../../../src/lib/mediaLinks/token'
import { mediaResolver } from '../../../../src/scheduler/resolveMedia'
import { slugs } from '../../../../src/slugs'

const SECRET = 'a-payload-secret-of-more-than-thirty-two-characters'
const NOW = Date.UTC(2026, 2, 1, 9, 0, 0)
const staticDir = '/srv/carecast/uploads/media'

/** The parts of Payload the resolver reads: the secret, the public origin, the upload directories. */
const payloadWith = (serverURL: string) =>
  ({
    config: { secret: SECRET, serverURL, routes: { api: '/api' } },
    collections: {
      [slugs.media]: { config: { upload: { staticDir } } },
      [slugs.videoAssets]: { config: { upload: { staticDir: '/srv/carecast/uploads/video' } } },
    },
  }) as unknown as Payload

const photo = {
  id: 7,
  filename: 'maria.png',
  mimeType: 'image/png',
  url: '/api/media/file/maria.png',
  width: 1200,
  height: 1200,
  alt: { en: 'Maria in the garden' },
  sizes: {
    thumbnail: { filename: 'maria-320x320.png', url: '/api/media/file/maria-320x320.png' },
    linkPreview: {
      filename: 'maria-1200x630.jpg',
      mimeType: 'image/jpeg',
      url: '/api/media/file/maria-1200x630.jpg',
      width: 1200,
      height: 630,
    },
    square: {
      filename: 'maria-1080x1080.jpg',
      mimeType: 'image/jpeg',
      url: '/api/media/file/maria-1080x1080.jpg',
      width: 1080,
      height: 1080,
    },
    portrait: { filename: null, url: null },
    story: { filename: null, url: null },
  },
}

const resolve = mediaResolver({ linkLifetimeMs: 10 * 60_000, now: () => NOW })
const key = mediaLinkKey(SECRET)

/** The claims of a signed link made by the resolver, read back as the endpoint would. */
const claimsOf = (url: string | undefined) => {
  const prefix = 'https://carecast.hospital.example/api/media/signed/'
  expect(url?.startsWith(prefix), url).toBe(true)
  return verifyMediaLink(url!.slice(prefix.length), key, NOW)
}

describe('mediaResolver', () => {
  it('hands networks a signed link to each file of an image, on the public origin', async () => {
    const media = await resolve({
      collection: slugs.media,
      doc: photo,
      payload: payloadWith('https://carecast.hospital.example/'),
    })
    const expiresAt = NOW + 10 * 60_000
    expect(claimsOf(media?.url)).toEqual({ mediaId: 7, filename: 'maria.png', expiresAt })
    expect(claimsOf(media?.renditions?.square?.url)).toEqual({
      mediaId: 7,
      filename: 'maria-1080x1080.jpg',
      expiresAt,
    })
    expect(claimsOf(media?.renditions?.linkCard?.url)?.filename).toBe('maria-1200x630.jpg')
    // A size Payload did not cut is not offered at all.
    expect(Object.keys(media?.renditions ?? {}).sort()).toEqual(['linkCard', 'square'])
  })

  it('leaves the files on disk to the networks that upload bytes', async () => {
    const media = await resolve({
      collection: slugs.media,
      doc: photo,
      payload: payloadWith('https://carecast.hospital.example'),
    })
    expect(media).toMatchObject({
      kind: 'image',
      filePath: path.join(staticDir, 'maria.png'),
      mimeType: 'image/png',
      width: 1200,
      altText: 'Maria in the garden',
    })
    expect(media?.renditions?.square).toMatchObject({
      filePath: path.join(staticDir, 'maria-1080x1080.jpg'),
      mimeType: 'image/jpeg',
      width: 1080,
      height: 1080,
    })
  })

  it('gives no URL without a public origin (a network cannot fetch a relative path)', async () => {
    const media = await resolve({ collection: slugs.media, doc: photo, payload: payloadWith('') })
    expect(media?.url).toBeUndefined()
    expect(media?.renditions?.square?.url).toBeUndefined()
    expect(media?.renditions?.square?.filePath).toBe(path.join(staticDir, 'maria-1080x1080.jpg'))
  })

  it('hands a video of our own as a signed link under the videos key, with its caption tracks', async () => {
    const media = await resolve({
      collection: slugs.videoAssets,
      doc: {
        id: 3,
        filename: 'tour.mp4',
        mimeType: 'video/mp4',
        url: '/api/video-assets/file/tour.mp4',
        captions: [{ language: 'en', vtt: 'WEBVTT' }, { language: 'es' }],
      },
      payload: payloadWith('https://carecast.hospital.example'),
    })
    expect(media).toMatchObject({
      kind: 'video',
      captions: [{ language: 'en', label: 'en', vtt: 'WEBVTT' }],
    })
    const prefix = 'https://carecast.hospital.example/api/video-assets/signed/'
    expect(media?.url?.startsWith(prefix), media?.url).toBe(true)
    const token = media!.url!.slice(prefix.length)
    expect(verifyMediaLink(token, mediaLinkKey(SECRET, slugs.videoAssets), NOW)).toEqual({
      mediaId: 3,
      filename: 'tour.mp4',
      expiresAt: NOW + 10 * 60_000,
    })
    // Image 3's key does not open video 3.
    expect(verifyMediaLink(token, key, NOW)).toBeUndefined()
  })
})
