import { ValidationError } from 'payload'

/**
 * An upload refused with the reason as the error's own message. The admin shows an error's
 * message in its toast, and an upload form has no field called `file` to show a field error
 * under: a plain ValidationError read "The following field is invalid: file" and nothing else.
 * API clients still get the field and the message in `data.errors`.
 */
export const fileRefused = (collection: string, message: string): ValidationError => {
  const error = new ValidationError({ collection, errors: [{ path: 'file', message }] })
  error.message = `file: ${message}`
  return error
}
