/**
 * How the consent plugin's admin pages talk to the server: Payload's REST API and the plugin's
 * endpoints, as the signed-in person (so access rules, hooks and the cascade all run), with every
 * refusal turned into the sentences people read — one per field where the server named one.
 */

export type Answer<T> = {
  ok: boolean
  status: number
  body: T | undefined
  /** The server's first message, or ours when it could not be reached. */
  message: string
  /** The server's messages by field path (`revocation.method`), from Payload's ValidationError. */
  fieldErrors: Record<string, string>
}

type ErrorBody = {
  errors?: { message?: string; data?: { errors?: { path?: string; message?: string }[] } }[]
}

/** Payload's `{ errors: [{ message, data: { errors: [{ path, message }] } }] }`, by field. */
export const fieldErrorsOf = (body: unknown): Record<string, string> => {
  const found: Record<string, string> = {}
  for (const error of (body as ErrorBody | undefined)?.errors ?? [])
    for (const field of error.data?.errors ?? [])
      if (field.path && field.message && !found[field.path]) found[field.path] = field.message
  return found
}

/** The first sentence of a refusal: a field's message before the error's generic one. */
export const messageOf = (body: unknown): string | undefined => {
  const first = (body as ErrorBody | undefined)?.errors?.[0]
  return first?.data?.errors?.[0]?.message ?? first?.message
}

export const request = async <T>(
  path: string,
  { method = 'GET', body }: { method?: string; body?: unknown } = {},
): Promise<Answer<T>> => {
  try {
    const response = await fetch(`/api${path}`, {
      method,
      credentials: 'include',
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const parsed = (await response.json().catch(() => undefined)) as T | undefined
    return {
      ok: response.ok,
      status: response.status,
      body: parsed,
      message: response.ok
        ? ''
        : (messageOf(parsed) ?? `The server refused (HTTP ${response.status}).`),
      fieldErrors: response.ok ? {} : fieldErrorsOf(parsed),
    }
  } catch {
    return {
      ok: false,
      status: 0,
      body: undefined,
      message: 'The server could not be reached; try again.',
      fieldErrors: {},
    }
  }
}
