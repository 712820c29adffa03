'use client'
/**
 * Dashboard counts, each a link to the admin list filtered by the same `where` it counted with
 * (so the number and the list can't disagree). Counted through the REST API as the signed-in
 * person: access rules decide what each person sees, and a list they may not read (Payload's
 * `/api/access` says) is left out, not asked for. Other plugins' dashboard panels use it too (exports/admin).
 */
import { type ReactNode, useEffect, useId, useState } from 'react'

import { whereQuery } from './whereQuery'

export type CountTile = {
  label: string
  collection: string
  where: Record<string, unknown>
  /** A page made for this work (the approvals inbox) instead of the filtered list. */
  href?: string
}

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
} as const

/** A REST read as the signed-in person; `null` when they may not (or it failed). */
export const fetchJson = async (path: string) => {
  const response = await fetch(path, { credentials: 'include' })
  return response.ok ? ((await response.json()) as Record<string, unknown>) : null
}

/** Whether Payload's `/api/access` lets the signed-in person read the collection at all. */
const readable = (access: Record<string, unknown> | null, collection: string) => {
  const read = (access?.collections as Record<string, { read?: unknown }> | undefined)?.[collection]
    ?.read
  return read === true || (read as { permission?: boolean } | undefined)?.permission === true
}

const countOf = async ({ collection, where }: CountTile) => {
  const body = await fetchJson(`/api/${collection}?${whereQuery(where).join('&')}&limit=1&depth=0`)
  return body ? Number(body.totalDocs ?? 0) : null
}

/** A titled panel of count tiles; `tiles` undefined while the caller works out which it wants. */
export const CountTiles = ({
  title,
  tiles,
  children,
}: {
  title: string
  tiles: CountTile[] | undefined
  children?: ReactNode
}) => {
  const [counted, setCounted] = useState<(CountTile & { count: number })[] | null>(null)
  const headingId = useId()
  // The tiles' content, not their identity: callers build a new array on every render.
  const key = JSON.stringify(tiles ?? null)
  useEffect(() => {
    const wanted = JSON.parse(key) as CountTile[] | null
    if (!wanted) return
    const load = async () => {
      // Asked first, so a list the person may not read is never requested (and refused).
      const access = await fetchJson('/api/access')
      const all = await Promise.all(
        wanted
          .filter((tile) => readable(access, tile.collection))
          .map(async (tile) => ({ ...tile, count: await countOf(tile) })),
      )
      setCounted(all.filter((tile): tile is CountTile & { count: number } => tile.count !== null))
    }
    void load()
  }, [key])

  if (!counted?.length) return null
  return (
    <section aria-labelledby={headingId} style={styles.section}>
      <h2 id={headingId}>{title}</h2>
      <ul style={styles.tiles}>
        {counted.map((tile) => (
          <li key={tile.label} style={styles.tile}>
            <a
              href={
                tile.href ??
                `/admin/collections/${tile.collection}?${whereQuery(tile.where).join('&')}`
              }
            >
              <span style={styles.count}>{tile.count.toLocaleString('en-US')}</span>
              {tile.label}
            </a>
          </li>
        ))}
      </ul>
      {children}
    </section>
  )
}
