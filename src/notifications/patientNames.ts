import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { relationId } from '../../plugins/scheduler'
import { reliance } from '../consent/reliance'
import { childRequest } from '../lib/requests/childRequest'
import { slugs } from '../slugs'

type Id = number | string

/**
 * The names of the patients a publication shows: the legal name (and signer) on each consent it
 * relies on, and a story's display name. Read by the system, without an audit event, like the
 * sweep's reads: nothing of it is shown or stored, it only says what to leave out of an email.
 */
export const patientNamesFor = async (
  payload: Payload,
  publicationId: Id,
  req?: PayloadRequest,
): Promise<string[]> => {
  // A child request: in the operation's transaction, without changing its context or locale.
  const nested = req ? childRequest(req) : undefined
  const common = {
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    ...(nested ? { req: nested } : {}),
  }
  const publication = (await payload.findByID({
    collection: slugs.publications,
    id: publicationId,
    ...common,
  })) as unknown as Record<string, unknown> | null
  const document = publication?.document as { relationTo?: string; value?: unknown } | undefined
  const documentId = relationId(document?.value as never)
  if (!publication || !document?.relationTo || documentId === undefined) return []
  const doc = (await payload.findByID({
    collection: document.relationTo as CollectionSlug,
    id: documentId,
    ...common,
    depth: 1,
  })) as unknown as Record<string, unknown> | null
  if (!doc) return []
  const names: string[] = []
  if (document.relationTo === slugs.patientStories && typeof doc.displayName === 'string')
    names.push(doc.displayName)
  const { reliances } = await reliance({
    collection: document.relationTo,
    doc,
    publication: publication as never,
    payload,
    req: nested,
  })
  const consentIds = [
    ...new Set(reliances.map((item) => item.consentRecordId).filter((id): id is Id => id != null)),
  ]
  if (consentIds.length) {
    const { docs } = await payload.find({
      collection: slugs.consentRecords,
      where: { id: { in: consentIds } },
      limit: 0,
      pagination: false,
      ...common,
      select: { person: { legalName: true }, signer: { name: true } } as never,
      context: { audit: false },
    })
    for (const record of docs as unknown as {
      person?: { legalName?: string | null }
      signer?: { name?: string | null }
    }[])
      names.push(record.person?.legalName ?? '', record.signer?.name ?? '')
  }
  return names.filter((name) => name.trim())
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * `text` with every name, and every part of one (a first name alone is still a name), replaced by
 * "[patient]". Over-redaction is the safe way to fail: "May" in a date goes too.
 */
export const withoutNames = (text: string, names: string[]): string => {
  const parts = [
    ...new Set(
      names.flatMap((name) => [name, ...name.split(/[\s,.'’-]+/)]).map((part) => part.trim()),
    ),
  ]
    .filter((part) => part.length >= 2)
    .sort((a, b) => b.length - a.length)
  if (!parts.length) return text
  return text.replace(
    new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
    '[patient]',
  )
}
