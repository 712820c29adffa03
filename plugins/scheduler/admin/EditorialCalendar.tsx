'use client'
/**
 * The editorial calendar (issue 16, item 2), on FullCalendar: month, week and list views of every
 * publication across channels, coloured by state (and named, colour is never the only sign),
 * filtered by campaign, channel and state. Each post sits at its time in its own zone, whatever
 * the browser's: events are wall-clock times on a UTC calendar. Dragging a post to another day
 * asks the server (`/reschedule`), which re-checks the approval rules and the consent window and
 * says why when it refuses; the post then snaps back.
 */
import type { EventDropArg, EventSourceFuncArg } from '@fullcalendar/core'
import dynamic from 'next/dynamic'
import { useCallback, useEffect, useMemo, useState } from 'react'

import { channelKinds, publicationStates } from '../types'
import { type CalendarItem, stateColours, toEvent } from './calendarEvents'
import { networkName } from './networkName'
import { postAction } from './useList'

const DAY = 86_400_000

// FullCalendar puts its stylesheet into <head> when it is imported, which breaks React's
// hydration of the admin's server-rendered page; loaded after hydration, in the browser only.
const CalendarGrid = dynamic(() => import('./CalendarGrid'), {
  ssr: false,
  loading: () => <p>Loading the calendar…</p>,
})

const selectStyle = {
  padding: '0.4em',
  border: '1px solid var(--theme-elevation-250)',
  borderRadius: 'var(--style-radius-s)',
  background: 'var(--theme-input-bg)',
  color: 'var(--theme-text)',
  maxWidth: '100%',
}

export const EditorialCalendar = ({
  collection = 'publications',
  campaigns = 'campaigns',
}: {
  collection?: string
  campaigns?: string | null
}) => {
  const [filters, setFilters] = useState({ campaign: '', channel: '', state: '' })
  const [campaignOptions, setCampaignOptions] = useState<{ id: number; title?: string }[]>([])
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [feed, setFeed] = useState<{ url?: string; note?: string; error?: string } | null>(null)
  const [narrow, setNarrow] = useState(false)

  useEffect(() => {
    setNarrow(window.matchMedia('(max-width: 600px)').matches)
    if (!campaigns) return
    fetch(`/api/${campaigns}?limit=100&depth=0&sort=title&select[title]=true`, {
      credentials: 'include',
    })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then((body: { docs: { id: number; title?: string }[] }) => setCampaignOptions(body.docs))
      .catch(() => setCampaignOptions([]))
  }, [campaigns])

  const events = useCallback(
    async (range: EventSourceFuncArg) => {
      // The grid's edges are wall-clock times; a day either side catches every zone.
      const params = new URLSearchParams({
        from: new Date(range.start.getTime() - DAY).toISOString(),
        to: new Date(range.end.getTime() + DAY).toISOString(),
      })
      for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
      const response = await fetch(`/api/${collection}/calendar?${params}`, {
        credentials: 'include',
      })
      const body = (await response.json().catch(() => ({}))) as {
        items?: CalendarItem[]
        errors?: { message: string }[]
      }
      if (!response.ok) {
        setMessage({
          ok: false,
          text: body.errors?.[0]?.message ?? 'The calendar could not be read.',
        })
        return []
      }
      return (body.items ?? []).map((item) => toEvent(item, collection))
    },
    [collection, filters],
  )
  const sources = useMemo(() => [{ events }], [events])

  const onDrop = async (drop: EventDropArg) => {
    const id = drop.event.extendedProps.rawId as number
    // The UTC fields of the dropped start are the new wall-clock time in the post's zone.
    const at = drop.event.start!.toISOString().slice(0, 16)
    const answer = await postAction(collection, id, 'reschedule', { at })
    if (!answer.ok) drop.revert()
    setMessage({ ok: answer.ok, text: answer.ok ? answer.message : `Not moved: ${answer.message}` })
    if (answer.ok) drop.view.calendar.refetchEvents()
  }

  const getFeed = async () => {
    const response = await fetch(`/api/${collection}/calendar-feed`, { credentials: 'include' })
    const body = (await response.json().catch(() => ({}))) as {
      url?: string
      note?: string
      errors?: { message: string }[]
    }
    setFeed(response.ok ? body : { error: body.errors?.[0]?.message ?? 'No link for you.' })
  }

  const filter = (name: keyof typeof filters, label: string, options: [string, string][]) => (
    <label style={{ display: 'flex', flexDirection: 'column', fontSize: '0.85rem' }}>
      {label}
      <select
        value={filters[name]}
        onChange={(event) => setFilters({ ...filters, [name]: event.target.value })}
        style={selectStyle}
      >
        <option value="">All</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <section aria-labelledby="calendar-title" style={{ overflowWrap: 'anywhere' }}>
      <h1 id="calendar-title">Editorial calendar</h1>
      <p>
        Every post across channels, at its time in its own time zone. Drag a post to another day to
        move it; an approved post then needs approval again.
      </p>
      <div
        role="search"
        aria-label="Filter the calendar"
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 'var(--base)',
          marginBottom: 'var(--base)',
        }}
      >
        {campaigns
          ? filter(
              'campaign',
              'Campaign',
              campaignOptions.map((option) => [
                String(option.id),
                option.title ?? `Campaign ${option.id}`,
              ]),
            )
          : null}
        {filter(
          'channel',
          'Channel',
          channelKinds.map((kind) => [kind, networkName(kind)]),
        )}
        {filter(
          'state',
          'State',
          publicationStates.map((state) => [state, stateColours[state]?.label ?? state]),
        )}
      </div>
      <div role="status" aria-live="polite">
        {message ? (
          <p style={{ color: message.ok ? undefined : 'var(--theme-error-500)' }}>{message.text}</p>
        ) : null}
      </div>
      <CalendarGrid events={sources} onDrop={onDrop} narrow={narrow} />
      <h2>Legend</h2>
      <ul
        aria-label="States"
        style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5em', padding: 0 }}
      >
        {Object.entries(stateColours).map(([state, colours]) => (
          <li
            key={state}
            style={{
              listStyle: 'none',
              padding: '0.1em 0.5em',
              background: colours.background,
              color: colours.text,
              borderRadius: 'var(--style-radius-s)',
            }}
          >
            {colours.label}
          </li>
        ))}
      </ul>
      <h2>Subscribe in your calendar app</h2>
      {feed?.url ? (
        <>
          <label style={{ display: 'flex', flexDirection: 'column' }}>
            Your calendar link
            <input
              readOnly
              value={feed.url}
              style={{ ...selectStyle, width: '100%' }}
              onFocus={(e) => e.target.select()}
            />
          </label>
          <p>{feed.note}</p>
        </>
      ) : (
        <>
          {feed?.error ? <p>{feed.error}</p> : null}
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            onClick={getFeed}
          >
            Get my calendar link
          </button>
        </>
      )}
    </section>
  )
}
