'use client'
/**
 * Tells Carecast once that this item was viewed (POST /views): an aggregate count per item and
 * day, with no cookie and nothing that identifies the reader (README, Measurement). sendBeacon
 * goes out even as the reader leaves, and never holds the page up.
 */
import { useEffect } from 'react'

/** When each item's beacon last went: React runs an effect twice in development (StrictMode). */
const lastSent = new Map<string, number>()

export const ViewBeacon = ({ type, slug }: { type: string; slug: string }) => {
  useEffect(() => {
    const item = `${type}/${slug}`
    if (Date.now() - (lastSent.get(item) ?? 0) < 2000) return
    lastSent.set(item, Date.now())
    const body = JSON.stringify({ type, slug })
    if (!navigator.sendBeacon?.('/views', new Blob([body], { type: 'application/json' })))
      void fetch('/views', { method: 'POST', body, keepalive: true }).catch(() => undefined)
  }, [type, slug])
  return null
}
