import type { CollectionSlug } from 'payload'
import { describe, expect, it } from 'vitest'

import { sanitizeConsentOptions } from '../../../../plugins/consent/defaults'
import type { ConsentPluginOptions } from '../../../../plugins/consent'
import { sanitizeSchedulerOptions } from '../../../../plugins/scheduler/defaults'
import { actorOf } from '../../../../plugins/scheduler'

describe('onEvent', () => {
  it('defaults to a no-op in both plugins, so a host that passes none still works', async () => {
    const scheduler = sanitizeSchedulerOptions({
      collections: ['notes' as CollectionSlug],
      mediaCollections: [],
      canAuthor: () => true,
      canApprove: () => true,
      canRead: () => true,
      channels: {},
      serializeDocument: () => ({}),
    })
    expect(typeof scheduler.onEvent).toBe('function')
    await expect(
      Promise.resolve(
        scheduler.onEvent(
          { type: 'dispatch.paused', scope: 'everything', actor: null, reason: null },
          { payload: {} as never },
        ),
      ),
    ).resolves.toBeUndefined()
    const consent = sanitizeConsentOptions({} as ConsentPluginOptions)
    expect(typeof consent.onEvent).toBe('function')
  })

  it('names the person behind a request by id and email, and the system as null', () => {
    expect(actorOf({ user: { id: 7, email: 'a@b.test' } } as never)).toEqual({
      id: 7,
      email: 'a@b.test',
    })
    expect(actorOf({ user: null } as never)).toBeNull()
    expect(actorOf(undefined)).toBeNull()
  })
})
