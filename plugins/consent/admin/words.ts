/** The takedown page's codes in the words a consent officer reads (presentation only: the server decides). */
import type { PreviewOutcome, TakedownProgress } from './shapes'

export const progressWords: Record<TakedownProgress, string> = {
  pending: 'not out yet',
  sending: 'being sent',
  live: 'live',
  queued: 'queued for deletion',
  'coming-down': 'coming down',
  'taken-down': 'taken down',
  cancelled: 'cancelled',
}

/** Whether an item has reached the end of its way down. */
export const isDown = (progress: TakedownProgress) =>
  progress === 'taken-down' || progress === 'cancelled'

export const outcomeWords: Record<PreviewOutcome, string> = {
  cancel: 'cancelled before it goes out',
  'remove-from-site': 'removed from the website at once',
  'delete-through-api': 'deleted through the network, within minutes',
  'by-hand': "deleted by hand: the network's API can't delete",
  nothing: 'nothing to do: already down',
}

const stateWords: Record<string, string> = {
  draft: 'draft',
  'awaiting-approval': 'awaiting approval',
  scheduled: 'scheduled',
  dispatching: 'being sent',
  published: 'live',
  failed: 'failed',
  cancelled: 'cancelled',
  retracting: 'coming down',
  retracted: 'taken down',
}
export const stateWord = (state: string) => stateWords[state] ?? state

/**
 * A date and time in the browser's zone, named, so a deadline is never read in the wrong zone.
 * Called only once the page has loaded its data in the browser (the server's zone may differ).
 */
export const when = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString('en-US', {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      })
    : '—'
