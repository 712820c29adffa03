'use client'
/**
 * The input for a channel account's secret: typed, masked, sent once on save, never shown again.
 * Payload renders a virtual field read-only, and leaves the stored secret (which nobody may read)
 * out of the form, so this input writes the virtual field itself; the server encrypts it into the
 * stored one (hooks/encryptSecrets).
 */
import { useField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'

import { FieldFrame, fieldInputId, inputStyle, plainDescription } from './FieldFrame'

export const SecretInput: TextFieldClientComponent = ({ field, path: pathProp }) => {
  const path = pathProp ?? field.name
  const { value, setValue, showError, errorMessage } = useField<string>({ path })
  return (
    <FieldFrame
      kind="text"
      path={path}
      label={typeof field.label === 'string' ? field.label : field.name}
      showError={showError}
      errorMessage={errorMessage}
      description={plainDescription(field)}
    >
      <input
        id={fieldInputId(path)}
        name={path}
        type="password"
        // A new secret, not a login: browsers must neither fill nor save it.
        autoComplete="new-password"
        value={value ?? ''}
        onChange={(event) => setValue(event.target.value)}
        style={inputStyle}
      />
    </FieldFrame>
  )
}
