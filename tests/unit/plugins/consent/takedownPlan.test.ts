import { describe, expect, it } from 'vitest'

import { takedownTasks } from '../../../../plugins/consent/cascade/takedownTasks'
import { takedownProgress } from '../../../../plugins/consent/endpoints/takedownProgress'

const now = new Date('2026-12-04T10:00:00.000Z')
const args = {
  consentRecordId: 7,
  reference: 'AUTH-2026-0001',
  reason: 'consent revoked (AUTH-2026-0001)',
  channelsAllowed: ['web', 'instagram', 'print', 'email'],
  recordedBy: 3,
  now,
}
const config = { takedownWithinHours: 24, manualChannels: ['print', 'broadcast', 'email'] }
const row = (id: number, extra: Partial<{ createdBy: number; approvedBy: number }> = {}) => ({
  id,
  channel: 'instagram',
  remoteId: `ig-${id}`,
  createdBy: null,
  approvedBy: null,
  ...extra,
})

describe('the manual takedowns a takedown creates (and its preview shows)', () => {
  it('is one task per post no API can delete, then one per channel no API reaches that the consent allowed', () => {
    const tasks = takedownTasks(config, args, [row(11, { createdBy: 5, approvedBy: 6 }), row(12)])
    expect(tasks.map((task) => [task.place, task.publication, task.owner])).toEqual([
      ['instagram post ig-11', 11, 5],
      ['instagram post ig-12', 12, 3],
      ['print', undefined, 3],
      ['email', undefined, 3],
    ])
    expect(new Set(tasks.map((task) => task.dueAt))).toEqual(new Set(['2026-12-05T10:00:00.000Z']))
    expect(tasks.every((task) => task.kind === 'takedown' && task.consentRecord === 7)).toBe(true)
  })

  it('owns a post by its author, else its approver, else whoever recorded the takedown', () => {
    const owners = takedownTasks({ ...config, manualChannels: [] }, { ...args, recordedBy: null }, [
      row(1, { createdBy: 5 }),
      row(2, { approvedBy: 6 }),
      row(3),
    ]).map((task) => task.owner)
    expect(owners).toEqual([5, 6, null])
  })

  it('says what to do in words, naming the consent once', () => {
    const [post, print] = takedownTasks({ ...config, takedownWithinHours: 48 }, args, [row(11)])
    expect(post.instructions).toBe(
      `consent revoked (AUTH-2026-0001): instagram's API can't delete posts. Delete post ig-11 by hand in the instagram app, then tick "done".`,
    )
    expect(print.instructions).toMatch(
      /^consent revoked \(AUTH-2026-0001\): the consent allowed print\./,
    )
    expect(print.dueAt).toBe('2026-12-06T10:00:00.000Z')
  })
})

describe('where a relying publication stands on its way down', () => {
  it.each([
    ['draft', false, undefined, 'pending'],
    ['scheduled', false, undefined, 'pending'],
    ['failed', false, undefined, 'pending'],
    ['dispatching', true, undefined, 'sending'],
    ['published', false, undefined, 'live'],
    ['retracting', false, undefined, 'queued'],
    ['retracting', true, undefined, 'coming-down'],
    ['published', false, { done: false }, 'coming-down'],
    ['published', false, { done: true }, 'taken-down'],
    ['retracted', false, undefined, 'taken-down'],
    ['cancelled', false, undefined, 'cancelled'],
  ] as const)('%s (leased: %s, task: %o) is %s', (state, leased, byHand, expected) => {
    expect(takedownProgress({ state, leased }, byHand)).toBe(expected)
  })
})
