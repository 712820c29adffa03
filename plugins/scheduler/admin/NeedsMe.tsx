'use client'
/**
 * The dashboard's "what needs me now" for publishing (issue 16, item 1): posts awaiting my
 * approval (never my own), my rejected posts, failed posts — each a count that links to the list
 * filtered the same way — and the next seven days of the schedule. Counts come from the REST API
 * as the signed-in person, so access rules decide what each person sees; a list they can't read
 * is left out rather than shown as an error.
 */
import { useAuth } from '@payloadcms/ui'
import { useEffect, useId, useState } from 'react'

import { whereQuery } from './whereQuery'

type Tile = { label: string; where: Record<string, unknown>; count: number }
type Upcoming = { id: number; title?: string; channel?: string; dueAt: string; timeZone?: string }

const collection = 'publications'
const WEEK_MS = 7 * 86_400_000

const styles = {
  section: { marginBottom: 'calc(var(--base) * 1.5)' },
  tiles: { display: 'flex', flexWrap: 'wrap', gap: 'var(--base)', margin: 0, padding: 0 },
  tile: {
    listStyle: 'none',
    minWidth: '12rem',
    padding: 'calc(var(--base) * 0.75)',
    border: '1px solid var(--theme-elevation-150)',
    borderRadius: 'var(--style-radius-m)',
  },
  count: { display: 'block', fontSize: '1.75rem', fontWeight: 600 },
  list: { paddingLeft: 'var(--base)' },
} as const

const listUrl = (where: Record<string, unknown>) =>
  `/admin/collections/${collection}?${whereQuery(where).join('&')}`

const fetchJson = async (path: string) => {
  const response = await fetch(path, { credentials: 'include' })
  return response.ok ? ((await response.json()) as Record<string, unknown>) : null
}

const countOf = async (where: Record<string, unknown>) => {
  const body = await fetchJson(`/api/${collection}?${whereQuery(where).join('&')}&limit=1&depth=0`)
  return body ? Number(body.totalDocs ?? 0) : null
}

/** In the post's own zone, whatever the browser's (issue 16's time-zone defect), named. */
const when = (iso: string, timeZone?: string) => {
  const options = { dateStyle: 'medium', timeStyle: 'short' } as const
  try {
    return timeZone
      ? `${new Date(iso).toLocaleString('en-US', { ...options, timeZone })} (${timeZone})`
      : new Date(iso).toLocaleString('en-US', options)
  } catch {
    // A zone this browser doesn't know: its own zone, rather than no dashboard.
    return new Date(iso).toLocaleString('en-US', options)
  }
}

export const NeedsMe = () => {
  const { user } = useAuth()
  const [tiles, setTiles] = useState<Tile[] | null>(null)
  const [upcoming, setUpcoming] = useState<Upcoming[]>([])
  const headingId = useId()
  const weekId = useId()

  // The id, not the user object: the auth provider hands out a new object on each render.
  const me = user?.id
  useEffect(() => {
    if (me === undefined) return
    const load = async () => {
      const status = await fetchJson('/api/scheduler/status')
      const wanted: Omit<Tile, 'count'>[] = [
        ...(status?.canOperate
          ? [
              {
                label: 'Awaiting my approval',
                where: {
                  and: [
                    { state: { equals: 'awaiting-approval' } },
                    // Never my own; a post nobody is recorded on still counts (SQL's <> skips NULL).
                    { or: [{ createdBy: { not_equals: me } }, { createdBy: { exists: false } }] },
                    {
                      or: [{ submittedBy: { not_equals: me } }, { submittedBy: { exists: false } }],
                    },
                  ],
                },
              },
            ]
          : []),
        {
          label: 'My rejected posts',
          where: {
            and: [
              // A rejection sends it back to draft with the approver's reason (cleared on resubmit).
              { state: { equals: 'draft' } },
              { rejectionReason: { exists: true } },
              { or: [{ createdBy: { equals: me } }, { submittedBy: { equals: me } }] },
            ],
          },
        },
        { label: 'Failed posts', where: { state: { equals: 'failed' } } },
      ]
      const counted = await Promise.all(
        wanted.map(async (tile) => ({ ...tile, count: await countOf(tile.where) })),
      )
      setTiles(counted.filter((tile): tile is Tile => tile.count !== null))
      const now = Date.now()
      const week = await fetchJson(
        `/api/${collection}?${whereQuery({
          and: [
            { state: { in: ['scheduled', 'awaiting-approval'] } },
            { dueAt: { greater_than_equal: new Date(now).toISOString() } },
            { dueAt: { less_than: new Date(now + WEEK_MS).toISOString() } },
          ],
        }).join('&')}&sort=dueAt&limit=10&depth=0`,
      )
      setUpcoming(((week?.docs as Upcoming[] | undefined) ?? []).slice(0, 10))
    }
    void load()
  }, [me])

  if (!tiles?.length) return null
  return (
    <section aria-labelledby={headingId} style={styles.section}>
      <h2 id={headingId}>Needs me now</h2>
      <ul style={styles.tiles}>
        {tiles.map((tile) => (
          <li key={tile.label} style={styles.tile}>
            <a href={listUrl(tile.where)}>
              <span style={styles.count}>{tile.count.toLocaleString('en-US')}</span>
              {tile.label}
            </a>
          </li>
        ))}
      </ul>
      <h3 id={weekId}>The next 7 days</h3>
      {upcoming.length ? (
        <ul aria-labelledby={weekId} style={styles.list}>
          {upcoming.map((item) => (
            <li key={item.id}>
              <a href={`/admin/collections/${collection}/${item.id}`}>
                {item.title ?? `Publication ${item.id}`}
              </a>{' '}
              — {item.channel}, {when(item.dueAt, item.timeZone)}
            </li>
          ))}
        </ul>
      ) : (
        <p>Nothing is scheduled for the next 7 days.</p>
      )}
    </section>
  )
}
