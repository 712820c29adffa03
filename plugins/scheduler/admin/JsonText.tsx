'use client'
/**
 * A JSON field without Payload's editor: Monaco loads from jsDelivr, which hospital networks
 * often block, and then the field never renders and the page throws (issue 16). Read-only fields
 * show the value formatted; an editable one is a textarea whose text is the value once it parses
 * (until then the text itself is the value, so the field's validation names the problem).
 */
import { useField } from '@payloadcms/ui'
import type { JSONFieldClientComponent } from 'payload'
import { useState } from 'react'

import { FieldFrame, fieldInputId, inputStyle, plainDescription } from './FieldFrame'

const box = {
  ...inputStyle,
  fontFamily: 'var(--font-mono, monospace)',
  fontSize: '0.85rem',
} as const

const show = (value: unknown) =>
  value === undefined || value === null || value === '' ? '' : JSON.stringify(value, null, 2)

export const JsonText: JSONFieldClientComponent = ({ field, path: pathProp, readOnly }) => {
  const path = pathProp ?? field.name
  const { value, setValue, showError, errorMessage } = useField<unknown>({ path })
  const [text, setText] = useState<string | null>(null)
  const inputId = fieldInputId(path)
  const fixed = readOnly || field.admin?.readOnly
  return (
    <FieldFrame
      kind="json-field"
      path={path}
      label={typeof field.label === 'string' ? field.label : field.name}
      showError={showError}
      errorMessage={errorMessage}
      description={plainDescription(field)}
    >
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
    </FieldFrame>
  )
}
