'use client'
/**
 * What the plugin's own field inputs (the secret, the wall-clock time, JSON as text) share with
 * Payload's: the label, the error and the description around the input, the input's id, and its
 * look, so they sit in a Payload form like any other field.
 */
import { FieldDescription, FieldError, FieldLabel } from '@payloadcms/ui'
import type { CSSProperties, ReactNode } from 'react'

export const inputStyle = {
  width: '100%',
  padding: '0.5em',
  border: '1px solid var(--theme-elevation-250)',
  borderRadius: 'var(--style-radius-s)',
  background: 'var(--theme-input-bg)',
  color: 'var(--theme-text)',
  font: 'inherit',
} as const satisfies CSSProperties

/** The id Payload gives a field's input: `field-utm__source` for `utm.source`. */
export const fieldInputId = (path: string) => `field-${path.replace(/\./g, '__')}`

/** A field's admin description when it is plain text (a function one is Payload's to render). */
export const plainDescription = (field: { admin?: { description?: unknown } }) =>
  typeof field.admin?.description === 'string' ? field.admin.description : ''

export const FieldFrame = ({
  kind,
  path,
  label,
  required,
  showError,
  errorMessage,
  description,
  style,
  children,
}: {
  /** Payload's class for the field type, e.g. `text`, `json-field`. */
  kind: string
  path: string
  label: string
  required?: boolean
  showError: boolean
  errorMessage?: string
  description: string
  style?: CSSProperties
  children: ReactNode
}) => (
  <div
    className={`field-type ${kind}${showError ? ' error' : ''}`}
    style={{ marginBottom: 'var(--base)', ...style }}
  >
    <FieldLabel htmlFor={fieldInputId(path)} label={label} path={path} required={required} />
    <FieldError path={path} message={errorMessage} showError={showError} />
    {children}
    <FieldDescription path={path} description={description} />
  </div>
)
