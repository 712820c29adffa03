import type { TimedNoticeSource } from '../../plugins/notifications'
import { slugs } from '../slugs'
import { adminPath, takedownDueSoonKey, utcTime } from './links'
import { usersWithRole } from './recipients'

const DAY = 86_400_000

/**
 * Takedown tasks due within 24 hours and not done, for their owners (consent officers when a task
 * has none). Read through the Local API: the tasks are the consent plugin's, and the notifications
 * plugin reads no other plugin's table, so Carecast hands it this source. Each task is told once:
 * the key is the marker, shared with the creation notice of a task already due within a day.
 */
export const takedownsDueSoon: TimedNoticeSource = async ({ payload, now }) => {
  const { docs } = await payload.find({
    collection: slugs.consentTasks,
    where: {
      kind: { equals: 'takedown' },
      done: { not_equals: true },
      dueAt: { less_than_equal: new Date(now.getTime() + DAY).toISOString() },
    },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { place: true, dueAt: true, owner: true },
  })
  if (!docs.length) return []
  const officers = docs.some((task) => task.owner == null)
    ? await usersWithRole(payload, ['consent-officer'])
    : []
  return docs.map((task) => {
    const due = utcTime(task.dueAt)
    const overdue = new Date(task.dueAt).getTime() <= now.getTime()
    return {
      key: takedownDueSoonKey(task.id),
      recipients: task.owner != null ? [task.owner as number] : officers,
      kind: 'consent-task.due-soon',
      subject: `${overdue ? 'Takedown overdue' : 'Takedown due within 24 hours'}: ${task.place}`,
      text: `The takedown "${task.place}" is ${overdue ? 'past its due time' : 'due'} (${due}) and not done. Take it down, then tick "done" on the task.`,
      link: adminPath(payload, slugs.consentTasks, task.id),
    }
  })
}
