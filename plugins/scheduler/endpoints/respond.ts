import { ValidationError } from 'payload'

/**
 * The one way the plugin's endpoints answer an error: the message a person can act on, never a
 * stack trace, SQL or path. Payload's own errors carry a status and a safe message.
 */
export const errorResponse = (error: unknown): Response => {
  if (error instanceof ValidationError) {
    return Response.json(
      { errors: [{ message: error.message, data: error.data }] },
      { status: 400 },
    )
  }
  const status =
    typeof (error as { status?: unknown })?.status === 'number'
      ? (error as { status: number }).status
      : 500
  const message =
    status < 500 && error instanceof Error
      ? error.message
      : 'Something went wrong; the error was logged.'
  return Response.json({ errors: [{ message }] }, { status })
}

/** The answer to a call that needs a signed-in person and has none. */
export const signInFirst = (): Response =>
  Response.json({ errors: [{ message: 'Sign in first.' }] }, { status: 401 })

export const badRequest = (message: string): Response =>
  Response.json({ errors: [{ message }] }, { status: 400 })

/** A refusal about one field, shaped as Payload's own validation errors (the admin reads both). */
export const refusedField = (field: string, message: string): Response =>
  Response.json(
    { errors: [{ message, data: { errors: [{ path: field, message }] } }] },
    { status: 400 },
  )
