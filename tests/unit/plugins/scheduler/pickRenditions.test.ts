import { describe, expect, it } from 'vitest'

import type { ChannelAdapter, ChannelMedia, ChannelPost } from '../../../../plugins/scheduler'
import { pickRenditions } from '../../../../plugins/scheduler/dispatch/pickRenditions'

const photo: ChannelMedia = {
  kind: 'image',
  mimeType: 'image/png',
  filePath: '/media/ward.png',
  url: 'https://cms.example/api/media/file/ward.png',
  width: 2400,
  height: 1600,
  altText: 'The cardiac ward',
  renditions: {
    linkCard: {
      filePath: '/media/ward-1200x630.png',
      url: 'https://cms.example/api/media/file/ward-1200x630.png',
      mimeType: 'image/png',
      width: 1200,
      height: 630,
    },
    square: {
      filePath: '/media/ward-1080x1080.png',
      mimeType: 'image/png',
      width: 1080,
      height: 1080,
    },
  },
}
const post = (media: ChannelMedia[]): ChannelPost => ({
  idempotencyKey: 'k',
  publicationId: '1',
  text: 'Heart screenings',
  link: 'https://stmarys.example/heart',
  media,
})
const asking = (name: ReturnType<NonNullable<ChannelAdapter['preferredRendition']>>) =>
  ({
    channel: 'x',
    canDelete: true,
    publish: async () => ({ ok: true, remoteId: '1', status: 201 }),
    preferredRendition: () => name,
  }) satisfies ChannelAdapter

describe('pickRenditions', () => {
  it('hands the adapter the rendition it asks for, as the one file, alt text kept', () => {
    const [sent] = pickRenditions(post([photo]), asking('linkCard')).media
    expect(sent).toEqual({
      kind: 'image',
      mimeType: 'image/png',
      filePath: '/media/ward-1200x630.png',
      url: 'https://cms.example/api/media/file/ward-1200x630.png',
      width: 1200,
      height: 630,
      altText: 'The cardiac ward',
    })
  })

  it('takes the rendition whole: no URL of the original next to a rendition without one', () => {
    const [sent] = pickRenditions(post([photo]), asking('square')).media
    expect(sent).toMatchObject({ filePath: '/media/ward-1080x1080.png', width: 1080 })
    expect(sent.url).toBeUndefined()
  })

  it('sends the original when the size was not made, or the adapter asks for none', () => {
    for (const adapter of [
      asking('story'),
      asking(undefined),
      { ...asking('square'), preferredRendition: undefined },
    ]) {
      const [sent] = pickRenditions(post([photo]), adapter).media
      expect(sent).toMatchObject({ filePath: '/media/ward.png', width: 2400 })
      expect(sent).not.toHaveProperty('renditions')
    }
  })

  it('never swaps a video', () => {
    const video: ChannelMedia = {
      ...photo,
      kind: 'video',
      mimeType: 'video/mp4',
      filePath: '/v.mp4',
    }
    expect(pickRenditions(post([video]), asking('linkCard')).media[0].filePath).toBe('/v.mp4')
  })
})
