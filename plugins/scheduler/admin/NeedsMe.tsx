'use client'
/**
 * The dashboard's "what needs me now" for publishing (issue 16, item 1): posts awaiting my
 * approval (never my own), my rejected posts, failed posts, channel accounts whose sign-in must
 * be renewed (their posts wait) — each a count that links to the list
 * filtered the same way — and the next seven days of the schedule. Counts come from the REST API
 * as the signed-in person, so access rules decide what each person sees; a list they can't read
 * is left out rather than shown as an error.
 */
import { useAuth } from '@payloadcms/ui'
import { useEffect, useId, useState } from 'react'

import { awaitingMe } from './awaitingMe'
import { type CountTile, CountTiles, fetchJson } from './CountTiles'
import { when } from './when'
import { whereQuery } from './whereQuery'

type Upcoming = { id: number; title?: string; channel?: string; dueAt: string; timeZone?: string }

const WEEK_MS = 7 * 86_400_000

/** The publications and channel-accounts slugs, handed in by the plugin (`clientProps`). */
export const NeedsMe = ({
  collection = 'publications',
  accounts = 'channel-accounts',
}: {
  collection?: string
  accounts?: string
}) => {
  const { user } = useAuth()
  const [tiles, setTiles] = useState<CountTile[] | undefined>(undefined)
  const [upcoming, setUpcoming] = useState<Upcoming[]>([])
  const weekId = useId()

  // The id, not the user object: the auth provider hands out a new object on each render.
  const me = user?.id
  useEffect(() => {
    if (me === undefined) return
    const load = async () => {
      const status = await fetchJson('/api/scheduler/status')
      setTiles([
        ...(status?.canOperate
          ? [
              {
                label: 'Awaiting my approval',
                collection,
                where: awaitingMe(me),
                href: '/admin/approvals',
              },
            ]
          : []),
        {
          label: 'My rejected posts',
          collection,
          where: {
            and: [
              // A rejection sends it back to draft with the approver's reason (cleared on resubmit).
              { state: { equals: 'draft' } },
              { rejectionReason: { exists: true } },
              { or: [{ createdBy: { equals: me } }, { submittedBy: { equals: me } }] },
            ],
          },
        },
        {
          label: 'Failed posts',
          collection,
          where: { state: { equals: 'failed' } },
          href: '/admin/failures',
        },
        // Their posts wait (issue 17): someone has to press Connect again.
        {
          label: 'Accounts to reconnect',
          collection: accounts,
          where: { connection: { equals: 'reconnect-needed' } },
        },
      ])
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
  }, [me, collection, accounts])

  return (
    <CountTiles title="Needs me now" tiles={tiles}>
      <h3 id={weekId}>The next 7 days</h3>
      {upcoming.length ? (
        <ul aria-labelledby={weekId} style={{ paddingLeft: 'var(--base)' }}>
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
    </CountTiles>
  )
}
