import { describe, expect, it } from 'vitest'

import { mediaLinkLifetimeMs } from '../../../../../src/lib/mediaLinks/lifetime'

describe('mediaLinkLifetimeMs', () => {
  it('is 15 minutes unless MEDIA_LINK_MINUTES says otherwise', () => {
    expect(mediaLinkLifetimeMs({})).toBe(15 * 60_000)
    expect(mediaLinkLifetimeMs({ MEDIA_LINK_MINUTES: ' ' })).toBe(15 * 60_000)
    expect(mediaLinkLifetimeMs({ MEDIA_LINK_MINUTES: '5' })).toBe(5 * 60_000)
    expect(mediaLinkLifetimeMs({ MEDIA_LINK_MINUTES: '60' })).toBe(60 * 60_000)
  })

  it('refuses anything but a whole number of minutes from 1 to 60, naming the variable', () => {
    for (const raw of ['0', '-5', '2.5', 'soon', '61', '1e9'])
      expect(() => mediaLinkLifetimeMs({ MEDIA_LINK_MINUTES: raw })).toThrow(
        `MEDIA_LINK_MINUTES must be a whole number of minutes from 1 to 60, not "${raw}".`,
      )
  })
})
