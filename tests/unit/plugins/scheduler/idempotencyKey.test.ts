import { describe, expect, it } from 'vitest'

import {
  idempotencyKey,
  parseIdempotencyKey,
} from '../../../../plugins/scheduler/lib/idempotencyKey'

describe('idempotencyKey', () => {
  it('is collection:id:channel:<ISO UTC>', () => {
    expect(
      idempotencyKey({
        collection: 'campaigns',
        id: 42,
        channel: 'mastodon',
        dueAt: new Date('2026-03-08T09:00:00-04:00'),
      }),
    ).toBe('campaigns:42:mastodon:2026-03-08T13:00:00.000Z')
  })

  it('is the same for the same instant however the date was made', () => {
    const a = idempotencyKey({
      collection: 'patient-stories',
      id: 'a1b2',
      channel: 'x',
      dueAt: new Date(Date.UTC(2026, 10, 1, 6, 30)),
    })
    const b = idempotencyKey({
      collection: 'patient-stories',
      id: 'a1b2',
      channel: 'x',
      dueAt: new Date('2026-11-01T01:30:00-05:00'),
    })
    expect(a).toBe(b)
  })

  it('refuses parts that would make the key ambiguous, and an invalid date', () => {
    expect(() =>
      idempotencyKey({ collection: 'a:b', id: 1, channel: 'x', dueAt: new Date() }),
    ).toThrow('collection must be non-empty and contain no ":"')
    expect(() =>
      idempotencyKey({ collection: 'campaigns', id: '', channel: 'x', dueAt: new Date() }),
    ).toThrow('id must be non-empty')
    expect(() =>
      idempotencyKey({ collection: 'campaigns', id: 1, channel: 'x', dueAt: new Date('nope') }),
    ).toThrow('dueAt is not a valid date')
  })
})

describe('parseIdempotencyKey', () => {
  it('reads back what idempotencyKey wrote', () => {
    const dueAt = new Date('2026-03-29T00:59:59.123Z')
    const parsed = parseIdempotencyKey(
      idempotencyKey({ collection: 'community-events', id: 7, channel: 'linkedin', dueAt }),
    )
    expect(parsed).toEqual({ collection: 'community-events', id: '7', channel: 'linkedin', dueAt })
  })

  it.each([
    ['too few parts', 'campaigns:42:2026-03-08T13:00:00.000Z'],
    ['a time that is not ISO UTC', 'campaigns:42:x:2026-03-08T09:00:00-04:00'],
    ['no milliseconds', 'campaigns:42:x:2026-03-08T13:00:00Z'],
    ['an impossible date', 'campaigns:42:x:2026-02-30T13:00:00.000Z'],
    ['an empty id', 'campaigns::x:2026-03-08T13:00:00.000Z'],
    ['nothing', ''],
  ])('returns null for %s', (_, key) => {
    expect(parseIdempotencyKey(key)).toBeNull()
  })
})
