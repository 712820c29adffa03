import { describe, expect, it } from 'vitest'

import { sameValue } from '../../../../plugins/scheduler/collections/publications/sameValue'
import { BatchRecorder } from '../../../../plugins/scheduler/dispatch/recordPublished'
import { parseRange } from '../../../../plugins/scheduler/endpoints/calendar'
import { dispatchSettingsFromEnv } from '../../../../src/scheduler/dispatchSettings'

describe('calendar range parameters', () => {
  const now = new Date('2026-12-01T12:00:00Z')
  it('defaults to the next 30 days', () => {
    expect(parseRange(new URLSearchParams(), now)).toEqual({
      from: now,
      to: new Date('2026-12-31T12:00:00Z'),
      channel: undefined,
      state: undefined,
    })
  })
  it('names the parameter that is wrong', () => {
    expect(parseRange(new URLSearchParams('from=soon'), now)).toMatch(/^from: "soon" is not a date/)
    expect(parseRange(new URLSearchParams('from=2026-12-02&to=2026-12-01'), now)).toBe(
      'to: must not be before from.',
    )
    expect(parseRange(new URLSearchParams('from=2026-01-01&to=2028-01-01'), now)).toMatch(
      /^to: the range may span at most 400 days/,
    )
    expect(parseRange(new URLSearchParams('channel=myspace'), now)).toMatch(
      /^channel: "myspace" is not one of web, webhook/,
    )
    expect(parseRange(new URLSearchParams('state=live'), now)).toMatch(
      /^state: "live" is not one of draft/,
    )
  })
})

describe('sameValue (what counts as an edit of approved copy)', () => {
  it('treats the forms REST, the admin and the Local API send for one value as equal', () => {
    expect(sameValue('2026-03-01T14:00:00.000Z', new Date('2026-03-01T14:00:00Z'))).toBe(true)
    expect(sameValue(3, { id: 3, name: 'Account' })).toBe(true)
    expect(
      sameValue(
        { relationTo: 'campaigns', value: 5 },
        { relationTo: 'campaigns', value: { id: 5 } },
      ),
    ).toBe(true)
    expect(sameValue('', null)).toBe(true)
    expect(sameValue(' text ', 'text')).toBe(true)
  })
  it('sees a real change', () => {
    expect(sameValue('2026-03-01T14:00:00.000Z', '2026-03-01T15:00:00.000Z')).toBe(false)
    expect(
      sameValue({ relationTo: 'campaigns', value: 5 }, { relationTo: 'patient-stories', value: 5 }),
    ).toBe(false)
    expect(sameValue('Free screenings', 'Free screenings on Saturday')).toBe(false)
  })
})

describe('dispatch settings from the environment', () => {
  it('reads the variables that are set and keeps defaults for the rest', () => {
    expect(
      dispatchSettingsFromEnv({
        DISPATCH_LEASE_MS: '2000',
        DISPATCH_CONCURRENCY: '8',
        DISPATCH_POLL_MS: '',
      }),
    ).toEqual({ leaseMs: 2000, concurrency: 8 })
  })
  it('refuses a value that is not a positive whole number, naming the variable', () => {
    expect(() => dispatchSettingsFromEnv({ DISPATCH_BATCH_SIZE: 'lots' })).toThrow(
      'DISPATCH_BATCH_SIZE must be a whole number above 0, not "lots".',
    )
    expect(() => dispatchSettingsFromEnv({ DISPATCH_LEASE_MS: '0' })).toThrow(/DISPATCH_LEASE_MS/)
  })
})

describe('BatchRecorder', () => {
  const item = (id: number) => ({
    id,
    fencingToken: 1,
    remoteId: `r${id}`,
    remoteUrl: null,
    at: new Date(),
    attempt: { at: '', kind: 'publish' as const, outcome: 'published' as const, worker: 'w' },
  })
  it('writes a batch in one statement once every row is at rest, and tells each caller whether its row was still its own', async () => {
    const writes: number[][] = []
    const recorder = new BatchRecorder(
      async (items) => {
        writes.push(items.map((entry) => entry.id))
        return new Set(items.map((entry) => entry.id).filter((id) => id !== 2))
      },
      4,
      10_000,
    )
    const results = [1, 2, 3].map((id) => recorder.record(item(id)))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(writes).toEqual([]) // the fourth row is still being sent
    recorder.settled() // …and it failed: nothing of it to record
    expect(await Promise.all(results)).toEqual([true, false, true])
    expect(writes).toEqual([[1, 2, 3]])
  })
  it('writes what it has after the wait, so a slow send holds no other record back', async () => {
    const writes: number[][] = []
    const recorder = new BatchRecorder(
      async (items) => {
        writes.push(items.map((entry) => entry.id))
        return new Set(items.map((entry) => entry.id))
      },
      3,
      5,
    )
    expect(await recorder.record(item(1))).toBe(true)
    expect(writes).toEqual([[1]])
    const late = [recorder.record(item(2)), recorder.record(item(3))]
    expect(await Promise.all(late)).toEqual([true, true])
    expect(writes).toEqual([[1], [2, 3]])
  })
  it('passes a failed write on to every caller in it', async () => {
    const recorder = new BatchRecorder(
      async () => {
        throw new Error('database gone')
      },
      2,
      5,
    )
    const results = [recorder.record(item(1)), recorder.record(item(2))]
    await expect(results[0]).rejects.toThrow('database gone')
    await expect(results[1]).rejects.toThrow('database gone')
  })
})
