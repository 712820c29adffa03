'use client'
/**
 * A field's warning after a draft save (`admin.components.afterInput`): what Publish will refuse
 * about this field, shown until the value changes. Payload's own error takes over once the form
 * has been submitted for publishing, so the two never show at once.
 */
import { useFormFields, useFormSubmitted } from '@payloadcms/ui'
import { useSyncExternalStore } from 'react'

import { draftWarnings, stillApplies } from './store'

export const DraftWarning = ({ path }: { path?: string }) => {
  const all = useSyncExternalStore(draftWarnings.subscribe, draftWarnings.all, draftWarnings.all)
  const value = useFormFields(([fields]) => (path ? fields[path]?.value : undefined))
  const submitted = useFormSubmitted()
  const warning = path ? all[path] : undefined
  if (submitted || !stillApplies(warning, value)) return null
  return (
    <p
      role="note"
      className="draft-warning"
      style={{
        margin: '0.35em 0 0',
        padding: '0.25em 0.5em',
        borderLeft: '4px solid var(--theme-warning-500)',
        background: 'var(--theme-warning-50)',
        color: 'var(--theme-text)',
      }}
    >
      <strong>Warning:</strong> {warning!.message} The draft is saved; Publish refuses it until this
      is fixed.
    </p>
  )
}
