import { describe, expect, it } from 'vitest'

import { plainReason } from '../../../../plugins/scheduler/admin/plainReason'
import type { AttemptEntry } from '../../../../plugins/scheduler/states'

const attempt = (status?: number, error = ''): AttemptEntry => ({
  at: '2026-12-03T10:00:00.000Z',
  kind: 'publish',
  outcome: 'failed',
  status,
  error,
  worker: 'w1',
})

describe("a failed post's reason in plain words", () => {
  it('names what to do for each kind of answer the network gave', () => {
    expect(plainReason('Failed (permanent error): invalid token', [attempt(401)]).advice).toMatch(
      /Reconnect the channel account/,
    )
    expect(plainReason('x', [attempt(403)]).summary).toMatch(/permission/)
    expect(plainReason('x', [attempt(422, 'text too long')]).summary).toMatch(/content/)
    expect(plainReason('x', [attempt(413)]).summary).toMatch(/larger/)
    expect(plainReason('x', [attempt(404)]).summary).toMatch(/could not find/)
  })

  it('says how many times Carecast tried when it gave up on a network that kept failing', () => {
    const reason = plainReason('Failed (gave up after 5 attempts): HTTP 503', [attempt(503)])
    expect(reason.summary).toBe('The network had a problem on its side. Carecast tried 5 times.')
    expect(
      plainReason('Failed (gave up after 3 attempts): slow down', [attempt(429)]).summary,
    ).toMatch(/slow down.*tried 3 times/)
  })

  it('tells a time-out and an unreachable network apart, without a status', () => {
    expect(plainReason('Failed: the request timed out after 30000 ms').summary).toMatch(/in time/)
    expect(plainReason('Failed: connect ECONNREFUSED 10.0.0.1:443').summary).toMatch(
      /could not reach/,
    )
  })

  it('reads the last attempt, not the first, and says a consent check held a post back', () => {
    expect(plainReason('x', [attempt(500), attempt(401)]).summary).toMatch(/sign-in/)
    expect(plainReason('Failed: consent CR-1 ends before the post goes out').summary).toMatch(
      /held it back/,
    )
    expect(plainReason(null).summary).toBe('The post could not be sent.')
  })
})
