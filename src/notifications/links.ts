import type { Payload } from 'payload'

/** The admin screen of one document (made absolute by the digest). */
export const adminPath = (payload: Payload, collection: string, id: number | string) =>
  `${payload.config.routes?.admin ?? '/admin'}/collections/${collection}/${id}`

/** A date as the mail says it, in UTC (recipients are in several zones; the admin shows local time). */
export const utcTime = (iso: string | Date) =>
  `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`

/** The key under which "this takedown is due within a day" is told once (by the task's creation or by the clock). */
export const takedownDueSoonKey = (taskId: number | string) => `consent-task-due-soon:${taskId}`
