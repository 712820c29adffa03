import { describe, expect, it } from 'vitest'

import {
  type CalendarItem,
  stateColours,
  toEvent,
} from '../../../../plugins/scheduler/admin/calendarEvents'

const item = (over: Partial<CalendarItem> = {}): CalendarItem => ({
  id: 7,
  title: 'Flu clinic',
  channel: 'mastodon',
  state: 'scheduled',
  dueAt: '2027-01-12T14:00:00.000Z',
  timeZone: 'America/New_York',
  planned: false,
  occurrenceOf: null,
  account: { name: 'Hospital' },
  ...over,
})

/** Contrast ratio of two #rrggbb colours (WCAG 2). */
const contrast = (a: string, b: string) => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light + 0.05) / (dark + 0.05)
}

describe('calendar events', () => {
  it("sits at the post's wall-clock time in its own zone, named by state and network", () => {
    const event = toEvent(item())
    expect(event.start).toBe('2027-01-12T09:00:00')
    expect(event.title).toBe('Scheduled · Mastodon · Flu clinic')
    expect(event.url).toBe('/admin/collections/publications/7')
    expect(event.startEditable).toBe(true)
  })

  it('lets only what the server would move be dragged', () => {
    expect(toEvent(item({ state: 'published' })).startEditable).toBe(false)
    expect(toEvent(item({ state: 'cancelled' })).startEditable).toBe(false)
    const planned = toEvent(item({ id: null, planned: true, occurrenceOf: 7 }))
    expect(planned.startEditable).toBe(false)
    expect(planned.url).toBeUndefined()
    expect(planned.title).toMatch(/^Planned re-share · /)
  })

  it('keeps every state colour at 4.5:1 or better', () => {
    for (const { background, text } of Object.values(stateColours))
      expect(contrast(background, text)).toBeGreaterThanOrEqual(4.5)
  })
})
