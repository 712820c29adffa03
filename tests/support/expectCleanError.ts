import { expect } from 'vitest'

type PayloadErrorBody = {
  errors?: { message?: string; data?: { errors?: { path?: string; message?: string }[] } }[]
}

/** Nothing a caller should ever see in an error: stack frames, SQL, file system paths. */
export const LEAK =
  /\n\s+at |node_modules|\/work\/|\/tmp\/|select .* from|insert into|violates .* constraint|drizzle/i

/**
 * An error response that a person can act on: the expected status, the field named, the problem
 * in words, and nothing internal.
 */
export const expectCleanError = async (
  response: Response,
  { status, field, problem }: { status: number; field: string; problem: RegExp },
) => {
  const text = await response.text()
  expect(response.status, text).toBe(status)
  expect(text).not.toMatch(LEAK)
  const body = JSON.parse(text) as PayloadErrorBody
  const messages = (body.errors ?? []).flatMap((error) => [
    ...(error.data?.errors ?? []).map((detail) => `${detail.path}: ${detail.message}`),
    error.message ?? '',
  ])
  const named = messages.find((message) => message.includes(field) && problem.test(message))
  expect(
    named,
    `expected an error on "${field}" matching ${problem}; got ${JSON.stringify(messages)}`,
  ).toBeTruthy()
}
