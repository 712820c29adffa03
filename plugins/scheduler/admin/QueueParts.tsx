'use client'
/** What the approvals inbox and the failures view share: the layout, the messages, the pager. */
import type { CSSProperties } from 'react'

import type { ListPage } from './useList'

export type Outcome = { ok: boolean; message: string }

export const styles = {
  // The page never scrolls sideways on a phone (issue 16: 390 px wide).
  page: { maxWidth: '60rem', overflowWrap: 'anywhere' },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    borderTop: '1px solid var(--theme-elevation-150)',
    padding: 'var(--base) 0',
  },
  itemTitle: { fontSize: '1.15rem', margin: '0 0 0.25em' },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: 'calc(var(--base) * 0.5)',
    marginTop: 'calc(var(--base) * 0.5)',
  },
  bulk: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: 'calc(var(--base) * 0.5)',
    marginBottom: 'var(--base)',
  },
  bulkTitle: { fontSize: '1rem', margin: 0, alignSelf: 'center' },
  inline: { display: 'flex', flexDirection: 'column', fontSize: '0.85rem' },
  input: {
    minWidth: '12rem',
    maxWidth: '100%',
    padding: '0.4em',
    border: '1px solid var(--theme-elevation-250)',
    borderRadius: 'var(--style-radius-s)',
    background: 'var(--theme-input-bg)',
    color: 'var(--theme-text)',
  },
} satisfies Record<string, CSSProperties>

/** What the last click did, read out by screen readers too. */
export const QueueMessage = ({
  outcomes,
  error,
}: {
  outcomes: Outcome[]
  error: string | null
}) => (
  <div role="status" aria-live="polite">
    {error ? <p style={{ color: 'var(--theme-error-500)' }}>{error}</p> : null}
    {outcomes.length ? (
      <ul>
        {outcomes.map((outcome, index) => (
          <li key={index} style={{ color: outcome.ok ? undefined : 'var(--theme-error-500)' }}>
            {outcome.message}
          </li>
        ))}
      </ul>
    ) : null}
  </div>
)

export const Pager = ({
  result,
  page,
  setPage,
}: {
  result?: ListPage<unknown>
  page: number
  setPage: (page: number) => void
}) =>
  result && result.totalPages > 1 ? (
    <nav aria-label="Pages" style={styles.actions}>
      <button
        type="button"
        className="btn btn--size-small"
        disabled={page <= 1}
        onClick={() => setPage(page - 1)}
      >
        Previous
      </button>
      <span>
        Page {page} of {result.totalPages} ({result.totalDocs} posts)
      </span>
      <button
        type="button"
        className="btn btn--size-small"
        disabled={page >= result.totalPages}
        onClick={() => setPage(page + 1)}
      >
        Next
      </button>
    </nav>
  ) : null
