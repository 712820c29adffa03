import type { Payload } from 'payload'

import { slugs } from '../src/slugs'
import { SEED } from './upsert'

type Ref = { collection: string; id: number | string; delayMs?: number }

/**
 * The demo site is not empty: a "Website" channel account, and for every published demo document
 * one approved publication to it, due now — the dispatch worker puts them on the web (through the
 * consent and accessibility gates) seconds after `npm start`. Found by document, never made twice.
 */
export const seedWebPublications = async (payload: Payload, documents: Ref[]): Promise<number> => {
  const existing = await payload.find({
    collection: slugs.channelAccounts,
    where: { and: [{ channel: { equals: 'web' } }, { name: { equals: 'Website' } }] },
    limit: 1,
    depth: 0,
    ...SEED,
  })
  const account =
    existing.docs[0] ??
    (await payload.create({
      collection: slugs.channelAccounts,
      data: { name: 'Website', channel: 'web' } as never,
      ...SEED,
    }))
  let created = 0
  for (const { collection, id, delayMs = 0 } of documents) {
    const found = await payload.find({
      collection: slugs.publications,
      where: {
        and: [
          { 'document.relationTo': { equals: collection } },
          { 'document.value': { equals: id } },
          { channelAccount: { equals: account.id } },
        ],
      },
      limit: 1,
      depth: 0,
      ...SEED,
    })
    if (found.docs.length) continue
    // Created as a draft so the outbox works out the channel and the idempotency key, then marked
    // approved as the plugin's own code would: demo content needs no approver.
    const draft = await payload.create({
      collection: slugs.publications,
      data: {
        title: 'Demo: on the website',
        document: { relationTo: collection, value: id },
        channelAccount: account.id,
        dueAt: new Date(Date.now() + delayMs).toISOString(),
        timeZone: 'America/Chicago',
        state: 'draft',
      } as never,
      ...SEED,
    })
    await payload.update({
      collection: slugs.publications,
      id: draft.id,
      data: { state: 'scheduled' } as never,
      overrideAccess: true,
      context: { ...SEED.context, schedulerInternal: true },
    })
    created++
  }
  return created
}
