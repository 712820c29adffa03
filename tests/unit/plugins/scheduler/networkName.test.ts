import { describe, expect, it } from 'vitest'

import {
  accountNameOf,
  channelLabel,
  networkName,
} from '../../../../plugins/scheduler/admin/networkName'

describe('network and account names', () => {
  it('names each network as people call it, and a channel it does not know by its kind', () => {
    expect(networkName('x')).toBe('X')
    expect(networkName('webhook')).toBe('Partner sites (webhook)')
    expect(networkName('bluesky')).toBe('bluesky')
    expect(networkName(null)).toBe('channel')
  })

  it("adds the account's name only when it says more than the network's", () => {
    expect(channelLabel('x', { name: 'Clinic on X' })).toBe('X (Clinic on X)')
    expect(channelLabel('web', { name: 'Website' })).toBe('Website')
    expect(channelLabel('x', 7)).toBe('X')
    expect(accountNameOf({ name: 'Clinic on X' })).toBe('Clinic on X')
    expect(accountNameOf(7)).toBeNull()
    expect(accountNameOf(null)).toBeNull()
  })
})
