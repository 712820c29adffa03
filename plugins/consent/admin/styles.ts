/** The consent plugin's admin pages share one look, in the admin's own theme variables. */
import type { CSSProperties } from 'react'

export const styles = {
  // Never sideways on a phone (issue 16: 390 px wide): long links and places wrap.
  page: { maxWidth: '60rem', overflowWrap: 'anywhere', paddingBottom: 'calc(var(--base) * 2)' },
  part: { marginTop: 'calc(var(--base) * 1.5)' },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: { borderTop: '1px solid var(--theme-elevation-150)', padding: 'calc(var(--base) * 0.6) 0' },
  itemTitle: { fontSize: '1rem', margin: '0 0 0.25em' },
  groupTitle: { fontSize: '1.05rem', margin: 'var(--base) 0 0.25em' },
  line: { margin: '0 0 0.25em' },
  done: { color: 'var(--theme-success-600)' },
  error: { color: 'var(--theme-error-500)' },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: 'calc(var(--base) * 0.5)',
    marginTop: 'calc(var(--base) * 0.5)',
  },
  field: {
    display: 'flex',
    flexDirection: 'column',
    gap: '0.25em',
    marginBottom: 'var(--base)',
    maxWidth: '28rem',
  },
  input: {
    maxWidth: '100%',
    padding: '0.5em',
    border: '1px solid var(--theme-elevation-250)',
    borderRadius: 'var(--style-radius-s)',
    background: 'var(--theme-input-bg)',
    color: 'var(--theme-text)',
    font: 'inherit',
  },
  panel: {
    border: '1px solid var(--theme-elevation-250)',
    borderRadius: 'var(--style-radius-m)',
    padding: 'var(--base)',
    marginTop: 'var(--base)',
  },
} satisfies Record<string, CSSProperties>
