import { describe, expect, it } from 'vitest'

import {
  createFacebookAdapter,
  createInstagramAdapter,
  createMastodonAdapter,
  createXAdapter,
  createYoutubeAdapter,
  linkedinAdapter,
  webhookChannel,
} from '../../../../plugins/channels'
import type { ChannelAdapter, ChannelMedia, ChannelPost } from '../../../../plugins/scheduler'

const image: ChannelMedia = { kind: 'image', mimeType: 'image/jpeg', filePath: '/tmp/ward.jpg' }
const post = (link?: string): ChannelPost => ({
  idempotencyKey: 'campaigns:1:x:2026-03-01T09:00:00.000Z',
  publicationId: '1',
  text: 'Heart screenings this week',
  ...(link ? { link } : {}),
  media: [image],
})
const choice = (adapter: ChannelAdapter, link?: string) =>
  adapter.preferredRendition?.(post(link), image)

describe('the image size each adapter asks for', () => {
  it.each([
    ['facebook', createFacebookAdapter()],
    ['linkedin', linkedinAdapter],
    ['x', createXAdapter()],
  ])(
    '%s: the 1200×630 link card for a link post, the 1080 square for a photo post',
    (_, adapter) => {
      expect(choice(adapter, 'https://stmarys.example/heart?utm_source=x')).toBe('linkCard')
      expect(choice(adapter)).toBe('square')
    },
  )

  it('instagram: the 1080 square for the feed, link or not; 4:5 for an upright photo', () => {
    expect(choice(createInstagramAdapter(), 'https://stmarys.example/heart')).toBe('square')
    expect(choice(createInstagramAdapter())).toBe('square')
    const upright = { ...image, width: 3024, height: 4032 }
    expect(createInstagramAdapter().preferredRendition?.(post(), upright)).toBe('portrait')
    const wide = { ...image, width: 4032, height: 3024 }
    expect(createInstagramAdapter().preferredRendition?.(post(), wide)).toBe('square')
    // Nearly square (up to 6:5 upright) keeps the square.
    const almost = { ...image, width: 1000, height: 1150 }
    expect(createInstagramAdapter().preferredRendition?.(post(), almost)).toBe('square')
  })

  it('mastodon, youtube and the webhook send the original', () => {
    for (const adapter of [createMastodonAdapter(), createYoutubeAdapter(), webhookChannel()]) {
      expect(adapter.preferredRendition).toBeUndefined()
      expect(choice(adapter, 'https://stmarys.example/heart')).toBeUndefined()
    }
  })
})
