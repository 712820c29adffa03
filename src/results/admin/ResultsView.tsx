'use client'
/**
 * The Results tab's client half: reads the report as the signed-in person (the endpoint decides
 * who may see it) and hands it to ResultsReport.
 */
import { useEffect, useState } from 'react'

import type { CampaignResults } from '../types'
import { ResultsReport } from './ResultsReport'

type Load =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'loaded'; results: CampaignResults }

/** The endpoint's own words (`{ errors: [{ message }] }`) when it sent any, else the status. */
const failureOf = async (response: Response) => {
  try {
    const body = (await response.json()) as { errors?: { message?: string }[] }
    const message = body.errors?.[0]?.message
    if (message) return message
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  return response.status === 403
    ? 'You are not allowed to see this campaign’s results.'
    : `The server answered ${response.status}.`
}

export const ResultsView = ({
  id,
  collection = 'campaigns',
  apiRoute = '/api',
}: {
  id: number | string
  collection?: string
  apiRoute?: string
}) => {
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const endpoint = `${apiRoute}/${collection}/${encodeURIComponent(String(id))}/results`

  useEffect(() => {
    // A late answer for a campaign the person has already left must not overwrite the new one.
    const controller = new AbortController()
    setLoad({ status: 'loading' })
    const read = async (): Promise<Load> => {
      try {
        const response = await fetch(endpoint, {
          credentials: 'include',
          signal: controller.signal,
        })
        if (!response.ok) return { status: 'failed', message: await failureOf(response) }
        return { status: 'loaded', results: (await response.json()) as CampaignResults }
      } catch (error) {
        return {
          status: 'failed',
          message: error instanceof Error ? error.message : 'The request failed.',
        }
      }
    }
    void read().then((next) => {
      if (!controller.signal.aborted) setLoad(next)
    })
    return () => controller.abort()
  }, [endpoint])

  if (load.status === 'loading') return <p role="status">Loading the results…</p>
  if (load.status === 'failed')
    return <p role="alert">Could not load the results: {load.message}</p>
  return <ResultsReport results={load.results} csvHref={`${endpoint}?format=csv`} />
}
