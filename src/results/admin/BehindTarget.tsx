'use client'
/**
 * Dashboard panel (issue 18): the running campaigns behind the straight line to a KPI's target,
 * each linked to its Results tab. Read as the signed-in person: someone the endpoint refuses (403)
 * never sees the panel at all, the way CountTiles leaves out a list a person may not read.
 */
import { useConfig } from '@payloadcms/ui'
import { type CSSProperties, useEffect, useId, useState } from 'react'

import type { KpiProgress } from '../types'
import { behindLine, formatDate } from './format'

type BehindCampaign = {
  id: number
  title: string
  startsAt: string
  endsAt: string
  /** Only the KPIs behind. */
  kpis: KpiProgress[]
}

type Load =
  | { status: 'loading' }
  | { status: 'hidden' }
  | { status: 'failed'; message: string }
  | { status: 'loaded'; campaigns: BehindCampaign[] }

const styles = {
  section: { marginBottom: 'calc(var(--base) * 1.5)' },
  list: { margin: 0, padding: 0 },
  campaign: {
    listStyle: 'none',
    padding: 'calc(var(--base) * 0.75)',
    marginBottom: 'calc(var(--base) * 0.5)',
    border: '1px solid var(--theme-elevation-150)',
    borderRadius: 'var(--style-radius-m)',
  },
  title: { fontWeight: 600 },
  kpis: { margin: 'calc(var(--base) * 0.25) 0 0', paddingLeft: 'var(--base)' },
} satisfies Record<string, CSSProperties>

const read = async (url: string, signal: AbortSignal): Promise<Load> => {
  try {
    const response = await fetch(url, { credentials: 'include', signal })
    if (response.status === 403) return { status: 'hidden' }
    const body = (await response.json().catch(() => null)) as {
      campaigns?: BehindCampaign[]
      errors?: { message?: string }[]
    } | null
    if (!response.ok || !Array.isArray(body?.campaigns))
      return {
        status: 'failed',
        message: body?.errors?.[0]?.message ?? `The server answered ${response.status}.`,
      }
    return { status: 'loaded', campaigns: body.campaigns }
  } catch (error) {
    return {
      status: 'failed',
      message: error instanceof Error ? error.message : 'The request failed.',
    }
  }
}

/** `collection`: the campaigns slug, handed in by the host (`clientProps`). */
export const BehindTarget = ({ collection = 'campaigns' }: { collection?: string }) => {
  const {
    config: {
      routes: { admin, api },
    },
  } = useConfig()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const headingId = useId()

  useEffect(() => {
    const controller = new AbortController()
    void read(`${api}/${collection}/behind-target`, controller.signal).then((next) => {
      if (!controller.signal.aborted) setLoad(next)
    })
    return () => controller.abort()
  }, [api, collection])

  // Nothing while loading either: a panel that appears and then vanishes (403) is worse than none.
  if (load.status === 'loading' || load.status === 'hidden') return null
  return (
    <section aria-labelledby={headingId} style={styles.section}>
      <h2 id={headingId}>Campaigns behind target</h2>
      {load.status === 'failed' ? (
        <p role="alert">Could not check the campaigns: {load.message}</p>
      ) : load.campaigns.length === 0 ? (
        <p>All running campaigns are on track.</p>
      ) : (
        <ul style={styles.list}>
          {load.campaigns.map((campaign) => (
            <li key={campaign.id} style={styles.campaign}>
              <a
                href={`${admin}/collections/${collection}/${campaign.id}/results`}
                style={styles.title}
              >
                {campaign.title}
              </a>{' '}
              ({formatDate(campaign.startsAt)} to {formatDate(campaign.endsAt)})
              <ul aria-label={`${campaign.title}: KPIs behind`} style={styles.kpis}>
                {campaign.kpis.map((kpi, index) => (
                  <li key={`${index}-${kpi.metric}`}>{behindLine(kpi)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
