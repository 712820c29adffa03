/**
 * The outbox's states and who may move a row between them, written once: the approval hook, the
 * worker, the cascade operations and other plugins (through the index) all read them from here.
 *
 *   draft → awaiting-approval → scheduled → dispatching → published | failed | cancelled
 *   published → retracting → retracted
 */
export const publicationStates = [
  'draft',
  'awaiting-approval',
  'scheduled',
  'dispatching',
  'published',
  'failed',
  'cancelled',
  'retracting',
  'retracted',
] as const
export type PublicationState = (typeof publicationStates)[number]

/** Not live and not in a worker's hands: a takedown cancels these. */
export const pendingStates: readonly PublicationState[] = [
  'draft',
  'awaiting-approval',
  'scheduled',
  'failed',
]

/** Live, or about to be (waiting, due, or being sent): what still relies on a consent. */
export const upcomingOrLiveStates: readonly PublicationState[] = [
  'awaiting-approval',
  'scheduled',
  'dispatching',
  'published',
]

/** Rows a worker owns or has finished with: their copy is history, not a draft. */
export const frozenStates: readonly PublicationState[] = [
  'dispatching',
  'published',
  'retracting',
  'retracted',
  'cancelled',
]

/** Rows whose copy may still be edited (an edit to an approved one sends it back for approval). */
export const editableStates: readonly PublicationState[] = [
  'draft',
  'awaiting-approval',
  'scheduled',
  'failed',
]

export type Mover = 'author' | 'approver' | 'either'

/** What a person may do to a row, from → to, and who. Every other move is the dispatcher's. */
export const manualMoves: Readonly<Record<string, Mover>> = {
  'draft>awaiting-approval': 'author',
  'failed>awaiting-approval': 'author',
  'awaiting-approval>draft': 'either', // an author withdraws, an approver rejects (with a reason)
  'scheduled>draft': 'either',
  'awaiting-approval>scheduled': 'approver',
  'failed>scheduled': 'either', // retry: it was approved before
  'draft>cancelled': 'either',
  'awaiting-approval>cancelled': 'either',
  'scheduled>cancelled': 'either',
  'failed>cancelled': 'either',
  'published>retracting': 'either',
}

/**
 * One entry of a row's attempt log — the only shape written to `attempt_log`, by the worker and by
 * the takedown operations alike. `worker` is the worker's id, or the cause (e.g. `consent`) when a
 * takedown, not a worker, wrote it.
 */
export type AttemptEntry = {
  at: string
  kind: 'publish' | 'retract' | 'reconcile' | 'guard' | 'consent' | 'document' | 'refresh'
  outcome: 'published' | 'retracted' | 'retry' | 'failed' | 'cancelled' | 'found' | 'retracting'
  status?: number
  error?: string
  retryAt?: string
  worker: string
}
