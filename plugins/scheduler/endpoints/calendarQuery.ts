import type { Payload } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'
import { occurrencesBetween } from '../../calendar'
import { relationId } from '../collections/publications/relationId'

export type CalendarItem = {
  id: number | string | null
  title: string
  channel: string
  account: { id: number | string | null; name: string | null }
  state: string
  dueAt: string
  timeZone: string
  unpublishAt: string | null
  document: { collection: string; id: number | string | null; title: string | null }
  remoteUrl: string | null
  attempts: number
  lastError: string | null
  /** A future occurrence of a re-share, not yet a row of its own. */
  planned: boolean
  /** For a planned occurrence: the publication that repeats. */
  occurrenceOf: number | string | null
  repeat: string | null
}

export type CalendarRange = {
  from: Date
  to: Date
  channel?: string
  state?: string
  /** A campaign's id: its own posts and those of the documents linked to it. */
  campaign?: string
}

const MAX_ROWS = 5000

/** Every publication in the range across channels, with re-shares expanded into their occurrences. */
export const calendarItems = async (
  config: SanitizedSchedulerConfig,
  payload: Payload,
  range: CalendarRange,
): Promise<CalendarItem[]> => {
  const where = {
    and: [
      { dueAt: { less_than_equal: range.to.toISOString() } },
      // Re-shares that began before the range may still have occurrences inside it.
      {
        or: [
          { dueAt: { greater_than_equal: range.from.toISOString() } },
          { repeat: { exists: true } },
        ],
      },
      ...(range.channel ? [{ channel: { equals: range.channel } }] : []),
      ...(range.state ? [{ state: { equals: range.state } }] : []),
      ...(range.campaign ? [await campaignWhere(config, payload, range.campaign)] : []),
    ],
  }
  const { docs } = await payload.find({
    collection: config.publicationsSlug,
    where: where as never,
    depth: 0,
    limit: MAX_ROWS,
    sort: 'dueAt',
    overrideAccess: true,
  })
  const rows = docs as unknown as Record<string, unknown>[]

  const titles = await documentTitles(payload, rows)
  const accounts = await accountNames(config, payload, rows)
  const materialized = new Set(
    rows
      .filter((row) => row.repeatOf)
      .map((row) => `${relationId(row.repeatOf)}@${new Date(row.dueAt as string).getTime()}`),
  )

  const items: CalendarItem[] = []
  for (const row of rows) {
    const document = row.document as { relationTo: string; value: unknown }
    const documentId = relationId(document?.value) ?? null
    const accountId = relationId(row.channelAccount) ?? null
    const base: CalendarItem = {
      id: row.id as number,
      title:
        (row.title as string) ||
        titles.get(`${document?.relationTo}:${documentId}`) ||
        `${document?.relationTo} ${documentId}`,
      channel: String(row.channel),
      account: { id: accountId, name: accounts.get(String(accountId)) ?? null },
      state: String(row.state),
      dueAt: new Date(row.dueAt as string).toISOString(),
      timeZone: String(row.timeZone),
      unpublishAt: row.unpublishAt ? new Date(row.unpublishAt as string).toISOString() : null,
      document: {
        collection: document?.relationTo,
        id: documentId,
        title: titles.get(`${document?.relationTo}:${documentId}`) ?? null,
      },
      remoteUrl: (row.remoteUrl as string) ?? null,
      attempts: Number(row.attempts ?? 0),
      lastError: (row.lastError as string) ?? null,
      planned: false,
      occurrenceOf: null,
      repeat: (row.repeat as string) ?? null,
    }
    const due = new Date(base.dueAt)
    if (due >= range.from && due <= range.to) items.push(base)
    if (
      base.repeat &&
      ['scheduled', 'published', 'awaiting-approval', 'draft', 'dispatching'].includes(base.state)
    ) {
      for (const at of occurrencesBetween({
        rrule: base.repeat,
        dtstart: due,
        timeZone: base.timeZone,
        from: range.from,
        to: range.to,
      })) {
        if (at.getTime() <= due.getTime() || materialized.has(`${base.id}@${at.getTime()}`))
          continue
        items.push({
          ...base,
          id: null,
          state: 'planned',
          dueAt: at.toISOString(),
          remoteUrl: null,
          attempts: 0,
          lastError: null,
          planned: true,
          occurrenceOf: base.id,
        })
      }
    }
  }
  return items.sort((a, b) => a.dueAt.localeCompare(b.dueAt))
}

const documentTitles = async (payload: Payload, rows: Record<string, unknown>[]) => {
  const byCollection = new Map<string, Set<number | string>>()
  for (const row of rows) {
    const document = row.document as { relationTo: string; value: unknown } | undefined
    const id = relationId(document?.value)
    if (!document?.relationTo || id === undefined) continue
    if (!byCollection.has(document.relationTo)) byCollection.set(document.relationTo, new Set())
    byCollection.get(document.relationTo)!.add(id)
  }
  const titles = new Map<string, string>()
  for (const [collection, ids] of byCollection) {
    const titleField =
      (
        payload.collections as Record<
          string,
          { config: { admin?: { useAsTitle?: string } } } | undefined
        >
      )[collection]?.config.admin?.useAsTitle ?? 'id'
    const { docs } = await payload.find({
      collection: collection as never,
      where: { id: { in: [...ids] } },
      depth: 0,
      limit: ids.size,
      overrideAccess: true,
      draft: true,
      select: { [titleField]: true } as never,
    })
    for (const doc of docs as unknown as Record<string, unknown>[])
      titles.set(`${collection}:${doc.id}`, String(doc[titleField] ?? doc.id))
  }
  return titles
}

const accountNames = async (
  config: SanitizedSchedulerConfig,
  payload: Payload,
  rows: Record<string, unknown>[],
) => {
  const ids = [
    ...new Set(rows.map((row) => relationId(row.channelAccount)).filter((id) => id !== undefined)),
  ]
  const names = new Map<string, string>()
  if (!ids.length) return names
  const { docs } = await payload.find({
    collection: config.channelAccountsSlug,
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    overrideAccess: true,
  })
  for (const doc of docs as unknown as Record<string, unknown>[])
    names.set(String(doc.id), String(doc.name))
  return names
}

/**
 * Publications about a campaign: of the campaign itself, or of a document in a publishable
 * collection whose top-level relationship field points at it (a story's `campaigns`, an
 * event's `campaign`), found from the collections' own field configs.
 */
const campaignWhere = async (
  config: SanitizedSchedulerConfig,
  payload: Payload,
  campaign: string,
) => {
  const campaigns = config.campaignsCollection
  const id = Number(campaign)
  const parts: Record<string, unknown>[] = []
  if (campaigns && config.collections.includes(campaigns))
    parts.push({
      and: [{ 'document.relationTo': { equals: campaigns } }, { 'document.value': { equals: id } }],
    })
  for (const slug of config.collections) {
    const fields = (
      payload.collections as Record<
        string,
        { config: { fields: { name?: string; type: string; relationTo?: unknown }[] } } | undefined
      >
    )[slug]?.config.fields
    const links = (fields ?? []).filter(
      (field) => field.type === 'relationship' && field.name && field.relationTo === campaigns,
    )
    if (!links.length) continue
    const { docs } = await payload.find({
      collection: slug as never,
      where: { or: links.map((field) => ({ [field.name!]: { equals: id } })) } as never,
      depth: 0,
      limit: 1000,
      pagination: false,
      overrideAccess: true,
      draft: true,
      select: {} as never,
    })
    if (docs.length)
      parts.push({
        and: [
          { 'document.relationTo': { equals: slug } },
          { 'document.value': { in: docs.map((doc) => (doc as { id: number }).id) } },
        ],
      })
  }
  // No campaign collection, or nothing linked: nothing matches (rather than everything).
  return parts.length ? { or: parts } : { id: { equals: -1 } }
}
