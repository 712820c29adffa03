/**
 * Where a publication relying on a consent stands on its way down, in the words of the Revoke
 * tab: not out yet, being sent, live, queued for the worker's delete, coming down (a worker is
 * deleting it, or a person has it as a task), taken down (deleted, or the person ticked the task
 * done), or cancelled before it went out.
 */
export type TakedownProgress =
  'pending' | 'sending' | 'live' | 'queued' | 'coming-down' | 'taken-down' | 'cancelled'

export const takedownProgress = (
  row: { state: string; leased: boolean },
  /** The takedown task a person has for this post (a network without delete), if any. */
  byHand?: { done: boolean },
): TakedownProgress => {
  switch (row.state) {
    case 'cancelled':
      return 'cancelled'
    case 'retracted':
      return 'taken-down'
    case 'retracting':
      // Unleased: waiting for the next claim (or a retry); leased: a worker is deleting it now.
      return row.leased ? 'coming-down' : 'queued'
    case 'published':
      // The outbox can't see a delete done by hand: the task's check-off is the record of it.
      if (!byHand) return 'live'
      return byHand.done ? 'taken-down' : 'coming-down'
    case 'dispatching':
      return 'sending'
    default:
      return 'pending'
  }
}
