'use client'
/**
 * A JSON field without Payload's editor: Monaco loads from jsDelivr, which hospital networks
 * often block, and then the field never renders and the page throws (issue 16). Read-only fields
 * show the value formatted; an editable one is a textarea whose text is the value once it parses
 * (until then the text itself is the value, so the field's validation names the problem).
 */
import { FieldDescription, FieldError, FieldLabel, useField } from '@payloadcms/ui'
import type { JSONFieldClientComponent } from 'payload'
import { useState } from 'react'

const box = {
  width: '100%',
  padding: '0.5em',
  border: '1px solid var(--theme-elevation-250)',
  borderRadius: 'var(--style-radius-s)',
  background: 'var(--theme-input-bg)',
  color: 'var(--theme-text)',
  fontFamily: 'var(--font-mono, monospace)',
  fontSize: '0.85rem',
} as const

const show = (value: unknown) =>
  value === undefined || value === null || value === '' ? '' : JSON.stringify(value, null, 2)

export const JsonText: JSONFieldClientComponent = ({ field, path: pathProp, readOnly }) => {
  const path = pathProp ?? field.name
  const { value, setValue, showError, errorMessage } = useField<unknown>({ path })
  const [text, setText] = useState<string | null>(null)
  const inputId = `field-${path.replace(/\./g, '__')}`
  const fixed = readOnly || field.admin?.readOnly
  return (
    <div
      className={`field-type json-field${showError ? ' error' : ''}`}
      style={{ marginBottom: 'var(--base)' }}
    >
      <FieldLabel htmlFor={inputId} label={field.label ?? field.name} path={path} />
      <FieldError path={path} message={errorMessage} showError={showError} />
      {fixed ? (
        <pre
          id={inputId}
          // Scrollable, so reachable by keyboard.
          tabIndex={0}
          style={{
            ...box,
            margin: 0,
            maxHeight: '20rem',
            overflow: 'auto',
            whiteSpace: 'pre-wrap',
          }}
        >
          {show(value) || '—'}
        </pre>
      ) : (
        <textarea
          id={inputId}
          rows={6}
          spellCheck={false}
          value={text ?? show(value)}
          onChange={(event) => {
            const next = event.target.value
            setText(next)
            if (!next.trim()) return setValue(null)
            try {
              setValue(JSON.parse(next))
            } catch {
              setValue(next)
            }
          }}
          style={box}
        />
      )}
      <FieldDescription
        path={path}
        description={typeof field.admin?.description === 'string' ? field.admin.description : ''}
      />
    </div>
  )
}
