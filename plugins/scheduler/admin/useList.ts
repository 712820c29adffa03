'use client'
import { useEffect, useState } from 'react'

import { whereQuery } from './whereQuery'

export type ListPage<T> = {
  docs: T[]
  totalDocs: number
  totalPages: number
  page: number
}

/**
 * One page of a collection through the REST API as the signed-in person (the views never read
 * more than a page: the lists they call are paginated). `where` undefined waits (e.g. for the
 * signed-in user's id); a change of `reload` reads the page again after an action.
 */
export const useList = <T>(
  collection: string,
  where: Record<string, unknown> | undefined,
  { page = 1, limit = 20, sort = 'dueAt', depth = 1, reload = 0 } = {},
) => {
  const [result, setResult] = useState<ListPage<T> | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const key = where ? JSON.stringify(where) : undefined
  useEffect(() => {
    if (key === undefined) return
    let live = true
    const query = [
      ...whereQuery(JSON.parse(key)),
      `page=${page}`,
      `limit=${limit}`,
      `sort=${sort}`,
      `depth=${depth}`,
    ].join('&')
    fetch(`/api/${collection}?${query}`, { credentials: 'include' })
      .then(async (response) => {
        const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
        if (!live) return
        if (!response.ok) {
          setError(messageOf(body) ?? `The list could not be read (HTTP ${response.status}).`)
          return
        }
        setError(null)
        setResult(body as unknown as ListPage<T>)
      })
      .catch(() => live && setError('The server could not be reached; try again.'))
    return () => {
      live = false
    }
  }, [collection, key, page, limit, sort, depth, reload])
  return { result, error }
}

/** The first message of Payload's `{ errors: [{ message }] }`, the sentence a person reads. */
export const messageOf = (body: Record<string, unknown>): string | undefined => {
  const errors = body.errors as { message?: string; data?: { errors?: { message?: string }[] } }[]
  const first = errors?.[0]
  return first?.data?.errors?.[0]?.message ?? first?.message
}

/** A button's endpoint (`/api/<collection>/:id/<action>`), answered in one sentence. */
export const postAction = async (
  collection: string,
  id: number | string,
  action: string,
  body: Record<string, unknown> = {},
): Promise<{ ok: boolean; message: string }> => {
  try {
    const response = await fetch(`/api/${collection}/${id}/${action}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>
    return response.ok
      ? { ok: true, message: String(answer.message ?? 'Done.') }
      : { ok: false, message: messageOf(answer) ?? `Refused (HTTP ${response.status}).` }
  } catch {
    return { ok: false, message: 'The server could not be reached; try again.' }
  }
}
