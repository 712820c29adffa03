import type { PayloadRequest } from 'payload'

import { slugs } from '../../slugs'
import { childRequest } from '../requests/childRequest'

/** Every condition/diagnosis term of every service line, read once per request. */
export const healthTerms = async (req: PayloadRequest): Promise<string[]> => {
  if (Array.isArray(req.context.healthTerms)) return req.context.healthTerms as string[]
  const { docs } = await req.payload.find({
    collection: slugs.serviceLines,
    limit: 1000,
    depth: 0,
    locale: 'all',
    overrideAccess: true,
    req: childRequest(req),
    select: { name: true, terms: true },
  })
  const terms = new Set<string>()
  for (const line of docs as Array<{ name?: unknown; terms?: { term?: string }[] | null }>) {
    for (const name of typeof line.name === 'object' && line.name
      ? Object.values(line.name)
      : [line.name]) {
      if (typeof name === 'string' && name) terms.add(name)
    }
    for (const { term } of line.terms ?? []) if (term) terms.add(term)
  }
  req.context.healthTerms = [...terms]
  return [...terms]
}
