/**
 * How a publication shows on the editorial calendar: its colours per state (each pair at least
 * 4.5:1, and always named, colour is never the only sign), and which posts can be dragged.
 */
import type { EventInput } from '@fullcalendar/core'

import { wallTimeIn } from '../lib/wallTime'
import { editableStates, type PublicationState } from '../states'
import { networkName } from './networkName'

export type CalendarItem = {
  id: number | null
  title: string
  channel: string
  state: string
  dueAt: string
  timeZone: string
  planned: boolean
  occurrenceOf: number | null
  account: { name: string | null }
}

export const stateColours: Record<string, { background: string; text: string; label: string }> = {
  draft: { background: '#e2e3e5', text: '#1d1f21', label: 'Draft' },
  'awaiting-approval': { background: '#ffe08a', text: '#3d2e00', label: 'Awaiting approval' },
  scheduled: { background: '#1f5fbf', text: '#ffffff', label: 'Scheduled' },
  dispatching: { background: '#1f5fbf', text: '#ffffff', label: 'Sending' },
  published: { background: '#1e7a3c', text: '#ffffff', label: 'Published' },
  failed: { background: '#b3261e', text: '#ffffff', label: 'Failed' },
  cancelled: { background: '#6b6f73', text: '#ffffff', label: 'Cancelled' },
  retracting: { background: '#6b3fa0', text: '#ffffff', label: 'Coming down' },
  retracted: { background: '#6b6f73', text: '#ffffff', label: 'Taken down' },
  planned: { background: '#d6e4f5', text: '#0d2a4d', label: 'Planned re-share' },
}

export const toEvent = (item: CalendarItem, collection = 'publications'): EventInput => {
  const colours = stateColours[item.planned ? 'planned' : item.state] ?? stateColours.draft
  return {
    id: item.id === null ? `planned-${item.occurrenceOf}-${item.dueAt}` : String(item.id),
    title: `${colours.label} · ${networkName(item.channel)} · ${item.title}`,
    // A wall-clock time on a UTC calendar: 09:00 in New York shows at 09:00 in any browser.
    start: wallTimeIn(item.dueAt, item.timeZone),
    backgroundColor: colours.background,
    borderColor: colours.background,
    textColor: colours.text,
    // Only what the server would move (a planned re-share follows its first post).
    startEditable: item.id !== null && editableStates.includes(item.state as PublicationState),
    durationEditable: false,
    url: item.id === null ? undefined : `/admin/collections/${collection}/${item.id}`,
    extendedProps: { timeZone: item.timeZone, state: item.state, rawId: item.id },
  }
}
