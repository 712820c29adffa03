'use client'
/**
 * The input for a channel account's secret: typed, masked, sent once on save, never shown again.
 * Payload renders a virtual field read-only, and leaves the stored secret (which nobody may read)
 * out of the form, so this input writes the virtual field itself; the server encrypts it into the
 * stored one (hooks/encryptSecrets).
 */
import { FieldDescription, FieldError, FieldLabel, useField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'

export const SecretInput: TextFieldClientComponent = ({ field, path: pathProp }) => {
  const path = pathProp ?? field.name
  const { value, setValue, showError, errorMessage } = useField<string>({ path })
  const inputId = `field-${path.replace(/\./g, '__')}`
  return (
    <div
      className={`field-type text${showError ? ' error' : ''}`}
      style={{ marginBottom: 'var(--base)' }}
    >
      <FieldLabel htmlFor={inputId} label={field.label ?? field.name} path={path} />
      <FieldError path={path} message={errorMessage} showError={showError} />
      <input
        id={inputId}
        name={path}
        type="password"
        // A new secret, not a login: browsers must neither fill nor save it.
        autoComplete="new-password"
        value={value ?? ''}
        onChange={(event) => setValue(event.target.value)}
        style={{
          width: '100%',
          padding: '0.5em',
          border: '1px solid var(--theme-elevation-250)',
          borderRadius: 'var(--style-radius-s)',
          background: 'var(--theme-input-bg)',
          color: 'var(--theme-text)',
          font: 'inherit',
        }}
      />
      <FieldDescription
        path={path}
        description={typeof field.admin?.description === 'string' ? field.admin.description : ''}
      />
    </div>
  )
}
