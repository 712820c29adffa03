import { describe, expect, it } from 'vitest'

import {
  checkCopy,
  composeText,
  countCharacters,
} from '../../../../plugins/scheduler/lib/copyLimits'

const LONG_URL = `https://www.example-hospital.org/campaigns/${'flu-season-'.repeat(8)}`
const image = { images: 1, videos: 0 }
const video = { images: 0, videos: 1 }

describe('composeText', () => {
  it('appends hashtags as " #tag" and then the link', () => {
    expect(
      composeText({
        text: 'Get your flu shot.',
        hashtags: ['FluShot', '#StayWell'],
        link: 'https://example.org/flu',
      }),
    ).toBe('Get your flu shot. #FluShot #StayWell https://example.org/flu')
  })

  it('leaves out tags the text already carries (any case) and a link it already contains', () => {
    expect(
      composeText({
        text: 'Our #flushot clinic: https://example.org/flu',
        hashtags: ['FluShot', 'flu'],
        link: 'https://example.org/flu',
      }),
    ).toBe('Our #flushot clinic: https://example.org/flu #flu')
  })

  it('does not repeat a tag given twice, and starts without a space when the text is empty', () => {
    expect(
      composeText({ text: '  ', hashtags: ['Health', '#health'], link: 'https://example.org' }),
    ).toBe('#Health https://example.org')
  })

  it('returns the text as given when there is nothing to append', () => {
    expect(composeText({ text: 'Plain words' })).toBe('Plain words')
  })
})

describe('countCharacters', () => {
  it('weights X text with twitter-text: a URL is 23, each CJK character and emoji 2', () => {
    expect(countCharacters('x', `Hi ${LONG_URL}`)).toEqual({
      used: 26,
      limit: 280,
      unit: 'characters',
    })
    expect(countCharacters('x', '健康😀').used).toBe(6)
  })

  it('counts Mastodon URLs as 23, remote mentions as @user, and an emoji family as one', () => {
    expect(countCharacters('mastodon', LONG_URL).used).toBe(23)
    expect(countCharacters('mastodon', '@alice@very-long-instance.example.social hi').used).toBe(
      '@alice hi'.length,
    )
    expect(countCharacters('mastodon', '👨‍👩‍👧‍👦').used).toBe(1)
    expect(countCharacters('mastodon', 'x', { characterLimit: 1000 }).limit).toBe(1000)
  })

  it('counts YouTube descriptions in bytes and sets no limit on the web', () => {
    expect(countCharacters('youtube', 'é')).toEqual({ used: 2, limit: 5000, unit: 'bytes' })
    expect(countCharacters('web', 'a'.repeat(70_000))).toEqual({
      used: 70_000,
      limit: null,
      unit: 'characters',
    })
  })
})

describe('checkCopy', () => {
  it('accepts exactly 280 weighted characters on X and refuses 281, counting the appended link as 23', () => {
    expect(checkCopy({ channel: 'x', text: 'a'.repeat(256), link: LONG_URL })).toEqual([])
    expect(checkCopy({ channel: 'x', text: 'a'.repeat(257), link: LONG_URL })).toEqual([
      {
        field: 'text',
        message:
          'text: 281 of 280 characters on X (URLs count as 23; CJK characters and emoji as 2) — remove 1',
      },
    ])
  })

  it('counts CJK as 2 on X', () => {
    expect(checkCopy({ channel: 'x', text: '日'.repeat(140) })).toEqual([])
    expect(checkCopy({ channel: 'x', text: '日'.repeat(146) })[0].message).toBe(
      'text: 292 of 280 characters on X (URLs count as 23; CJK characters and emoji as 2) — remove 12',
    )
  })

  it('includes appended hashtags in the length', () => {
    // 275 + " #Flu" = 280; one more tag tips it over.
    expect(checkCopy({ channel: 'x', text: 'a'.repeat(275), hashtags: ['Flu'] })).toEqual([])
    expect(
      checkCopy({ channel: 'x', text: 'a'.repeat(275), hashtags: ['Flu', 'Vax'] })[0].message,
    ).toMatch(/^text: 285 of 280 characters on X .* remove 5$/)
  })

  it('applies Mastodon’s 500 by default and the instance’s own limit when given', () => {
    expect(checkCopy({ channel: 'mastodon', text: 'a'.repeat(476), link: LONG_URL })).toEqual([])
    expect(checkCopy({ channel: 'mastodon', text: 'a'.repeat(477), link: LONG_URL })).toEqual([
      {
        field: 'text',
        message:
          'text: 501 of 500 characters on Mastodon (URLs count as 23, @user@domain as @user) — remove 1',
      },
    ])
    expect(checkCopy({ channel: 'mastodon', text: 'a'.repeat(700), characterLimit: 1000 })).toEqual(
      [],
    )
    expect(
      checkCopy({ channel: 'mastodon', text: 'a'.repeat(700), characterLimit: 640 })[0].message,
    ).toMatch(/^text: 700 of 640 characters on Mastodon/)
  })

  it('refuses a Mastodon characterLimit that is not a positive whole number', () => {
    expect(checkCopy({ channel: 'mastodon', text: 'hi', characterLimit: 0 })).toEqual([
      {
        field: 'characterLimit',
        message:
          "characterLimit: 0 is not a whole number above 0 — use the instance's limit (e.g. 500)",
      },
    ])
  })

  it('requires media on Instagram and caps the caption at 2,200 characters and 30 hashtags', () => {
    expect(checkCopy({ channel: 'instagram', text: 'Caption' })).toEqual([
      { field: 'media', message: 'media: Instagram needs at least one image or video — add one' },
    ])
    expect(checkCopy({ channel: 'instagram', text: 'a'.repeat(2200), mediaCount: image })).toEqual(
      [],
    )
    expect(checkCopy({ channel: 'instagram', text: 'a'.repeat(2201), mediaCount: image })).toEqual([
      { field: 'text', message: 'text: 2,201 of 2,200 characters on Instagram — remove 1' },
    ])
    const tags = Array.from({ length: 30 }, (_, i) => `tag${i}`)
    expect(
      checkCopy({ channel: 'instagram', text: 'Caption', hashtags: tags, mediaCount: image }),
    ).toEqual([])
    expect(
      checkCopy({
        channel: 'instagram',
        text: 'Caption #extra',
        hashtags: tags,
        mediaCount: image,
      }),
    ).toEqual([
      {
        field: 'hashtags',
        message: 'hashtags: 31 of 30 hashtags on Instagram (counting those in the text) — remove 1',
      },
    ])
  })

  it('caps LinkedIn at 3,000 and Facebook at 63,206 characters', () => {
    expect(checkCopy({ channel: 'linkedin', text: 'a'.repeat(3000) })).toEqual([])
    expect(checkCopy({ channel: 'linkedin', text: 'a'.repeat(3001) })[0].message).toBe(
      'text: 3,001 of 3,000 characters on LinkedIn — remove 1',
    )
    expect(checkCopy({ channel: 'facebook', text: 'a'.repeat(63_206) })).toEqual([])
    expect(checkCopy({ channel: 'facebook', text: 'a'.repeat(63_210) })[0].message).toBe(
      'text: 63,210 of 63,206 characters on Facebook — remove 4',
    )
  })

  it('checks the YouTube title, the description in bytes, and the video', () => {
    expect(
      checkCopy({
        channel: 'youtube',
        text: '',
        title: 'Hand washing, step by step',
        mediaCount: video,
      }),
    ).toEqual([])
    expect(checkCopy({ channel: 'youtube', text: 'About', mediaCount: video })).toEqual([
      { field: 'title', message: 'title: YouTube needs a title (at most 100 characters)' },
    ])
    expect(
      checkCopy({ channel: 'youtube', text: 'About', title: 't'.repeat(101), mediaCount: video }),
    ).toEqual([{ field: 'title', message: 'title: 101 of 100 characters on YouTube — remove 1' }])
    expect(
      checkCopy({ channel: 'youtube', text: 'About', title: 'Heart <3', mediaCount: video }),
    ).toEqual([
      {
        field: 'title',
        message: 'title: YouTube does not allow "<" or ">" in a title — remove them',
      },
    ])
    // "é" is two bytes in UTF-8: 2,501 of them are 5,002 bytes though only 2,501 characters.
    expect(
      checkCopy({ channel: 'youtube', text: 'é'.repeat(2501), title: 'Title', mediaCount: video }),
    ).toEqual([
      {
        field: 'text',
        message: 'text: 5,002 of 5,000 bytes in a YouTube description — remove 2 bytes',
      },
    ])
    expect(
      checkCopy({ channel: 'youtube', text: 'About', title: 'Title', mediaCount: image }),
    ).toEqual([{ field: 'media', message: 'media: YouTube needs a video — add one' }])
  })

  it('allows empty text only with media, except on the web and webhooks', () => {
    expect(checkCopy({ channel: 'x', text: ' ' })).toEqual([
      { field: 'text', message: 'text: a post to X needs text or at least one image or video' },
    ])
    expect(
      checkCopy({ channel: 'linkedin', text: '', mediaCount: { images: 0, videos: 0 } }),
    ).toHaveLength(1)
    expect(checkCopy({ channel: 'mastodon', text: '', mediaCount: image })).toEqual([])
    expect(checkCopy({ channel: 'web', text: '' })).toEqual([])
    expect(checkCopy({ channel: 'webhook', text: 'a'.repeat(100_000) })).toEqual([])
  })

  it('refuses hashtags that are not letters, digits and underscores, and accepts non-Latin ones', () => {
    expect(
      checkCopy({
        channel: 'web',
        text: 'x',
        hashtags: ['#FluShot', 'vacunación', '健康', 'heart_health', 'covid19'],
      }),
    ).toEqual([])
    const problems = checkCopy({
      channel: 'web',
      text: 'x',
      hashtags: ['summer fun', '#flu-shot', '#', '2026'],
    })
    expect(problems.map((p) => p.field)).toEqual(['hashtags', 'hashtags', 'hashtags', 'hashtags'])
    expect(problems[0].message).toBe(
      'hashtags: "summer fun" is not a valid hashtag — use letters, digits and underscores only (no spaces or punctuation), with at least one letter',
    )
    expect(problems[1].message).toMatch(/^hashtags: "#flu-shot" is not a valid hashtag/)
    expect(problems[2].message).toBe('hashtags: one hashtag is empty — remove it')
    expect(problems[3].message).toMatch(/^hashtags: "2026" is not a valid hashtag/)
  })

  it('refuses a link that is not an http(s) URL', () => {
    expect(checkCopy({ channel: 'facebook', text: 'Visit', link: 'example.org/flu' })).toEqual([
      { field: 'link', message: 'link: "example.org/flu" is not an http(s) URL' },
    ])
    expect(
      checkCopy({ channel: 'facebook', text: 'Visit', link: 'javascript:alert(1)' })[0].field,
    ).toBe('link')
  })

  it('allows up to 4 images or one video on X, not both', () => {
    expect(
      checkCopy({ channel: 'x', text: 'Photos', mediaCount: { images: 4, videos: 0 } }),
    ).toEqual([])
    expect(
      checkCopy({ channel: 'x', text: 'Photos', mediaCount: { images: 5, videos: 0 } }),
    ).toEqual([
      {
        field: 'media',
        message:
          'media: X allows up to 4 images or 1 video per post, not both — this post has 5 image(s) and 0 video(s)',
      },
    ])
    expect(
      checkCopy({ channel: 'x', text: 'Mixed', mediaCount: { images: 1, videos: 1 } }),
    ).toHaveLength(1)
  })
})

describe('counting long texts', () => {
  it('counts graphemes across chunk boundaries without running out of memory', () => {
    const family = '👨‍👩‍👧‍👦'
    expect(countCharacters('mastodon', family.repeat(1000)).used).toBe(1000)
    expect(countCharacters('mastodon', `${'🇫🇷'.repeat(500)}x`).used).toBe(501)
    expect(countCharacters('web', 'e\u0301'.repeat(5000)).used).toBe(5000)
    expect(countCharacters('webhook', 'a'.repeat(1_000_000)).used).toBe(1_000_000)
  })
})
