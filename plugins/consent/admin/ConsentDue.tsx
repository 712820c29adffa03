'use client'
/**
 * The consent side of the dashboard's "what needs me now" (issue 16, item 1): open consent tasks
 * due within 7 days (takedowns to do by hand, renewals, reviews) and active consents that expire
 * within 30 days, each a count linking to the list it counts. People who may not read those lists
 * (a marketer and consent records) don't see the tile.
 */
import { type CountTile, CountTiles } from '../../scheduler/exports/admin'

const DAY_MS = 86_400_000

export const ConsentDue = ({
  tasks = 'consent-tasks',
  records = 'consent-records',
}: {
  tasks?: string
  records?: string
}) => {
  // Whole days, so the links stay the same all day (and a reload doesn't count again).
  const today = new Date(new Date().toISOString().slice(0, 10))
  const tiles: CountTile[] = [
    {
      label: 'Consent tasks due within 7 days',
      collection: tasks,
      where: {
        and: [
          { done: { not_equals: true } },
          { dueAt: { less_than: new Date(today.getTime() + 8 * DAY_MS).toISOString() } },
        ],
      },
    },
    {
      label: 'Consents expiring within 30 days',
      collection: records,
      where: {
        and: [
          { status: { equals: 'active' } },
          { 'expiry.expiresOn': { greater_than_equal: today.toISOString() } },
          {
            'expiry.expiresOn': {
              less_than: new Date(today.getTime() + 31 * DAY_MS).toISOString(),
            },
          },
        ],
      },
    },
  ]
  return <CountTiles title="Consent work due" tiles={tiles} />
}
