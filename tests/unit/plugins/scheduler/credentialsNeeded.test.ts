import { describe, expect, it } from 'vitest'

import {
  credentialNeeded,
  missingCredential,
} from '../../../../plugins/scheduler/collections/channelAccounts/credentialsNeeded'

describe('which accounts can send', () => {
  it('asks the website for nothing, a webhook for its secret and a network for its token', () => {
    expect(credentialNeeded('web')).toBeNull()
    expect(credentialNeeded('webhook')).toBe('secret')
    expect(credentialNeeded('mastodon')).toBe('accessToken')
    expect(credentialNeeded('youtube')).toBe('accessToken')
  })

  it('names the account and the missing secret, and lets a complete account through', () => {
    expect(missingCredential({ name: 'Hospital X', channel: 'x', credentialsSet: 'none' })).toBe(
      '"Hospital X" has no access token yet, so nothing can be sent to it; an approver or admin enters one on the channel account first.',
    )
    expect(
      missingCredential({ name: 'Hook', channel: 'webhook', credentialsSet: 'access token' }),
    ).toMatch(/no signing secret/)
    expect(
      missingCredential({ name: 'X', channel: 'x', credentialsSet: 'access token' }),
    ).toBeNull()
    expect(missingCredential({ name: 'Site', channel: 'web', credentialsSet: 'none' })).toBeNull()
  })
})
