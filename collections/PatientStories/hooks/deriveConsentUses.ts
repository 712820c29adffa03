import type { FieldHook } from 'payload'

import { lexicalPlainText } from '../../../src/lib/lexicalPlainText'
import { childRequest } from '../../../src/lib/requests/childRequest'
import { requiredConsentUses } from '../../../src/lib/stories/requiredConsentUses'
import { slugs } from '../../../src/slugs'

const ids = (value: unknown): (string | number)[] =>
  Array.isArray(value)
    ? value
        .map((v) => (typeof v === 'object' && v ? (v as { id: string | number }).id : v))
        .filter((v) => v != null)
    : []

/**
 * Works out, from what the story contains, which consent uses it needs (name, likeness, voice,
 * diagnosis, age, home town). Always overwrites what was sent: it is derived, never typed.
 */
export const deriveConsentUses: FieldHook = async ({ siblingData, originalDoc, req }) => {
  const story = { ...(originalDoc ?? {}), ...(siblingData ?? {}) } as Record<string, unknown>
  // One after another: inside a transaction they share one connection, and pg does not queue
  // concurrent queries on a client for long (it warns that it will stop doing so).
  const serviceLines = ids(story.serviceLines).length
    ? await req.payload.find({
        collection: slugs.serviceLines,
        where: { id: { in: ids(story.serviceLines) } },
        depth: 0,
        locale: 'all',
        overrideAccess: true,
        req: childRequest(req),
        limit: 100,
      })
    : null
  const photos = ids(story.photos).length
    ? await req.payload.find({
        collection: slugs.media,
        where: { id: { in: ids(story.photos) } },
        depth: 0,
        overrideAccess: true,
        req,
        limit: 100,
        select: { showsPatient: true },
      })
    : null
  const videos = ids(story.videos).length
    ? await req.payload.find({
        collection: slugs.videoAssets,
        where: { id: { in: ids(story.videos) } },
        depth: 0,
        overrideAccess: true,
        req,
        limit: 100,
        select: { showsPatient: true, patientVoiceHeard: true },
      })
    : null
  const terms: string[] = []
  for (const line of (serviceLines?.docs ?? []) as Array<{
    name?: unknown
    terms?: { term?: string }[] | null
  }>) {
    for (const name of typeof line.name === 'object' && line.name
      ? Object.values(line.name)
      : [line.name])
      if (typeof name === 'string') terms.push(name)
    for (const { term } of line.terms ?? []) if (term) terms.push(term)
  }
  const videoDocs = (videos?.docs ?? []) as Array<{
    showsPatient?: boolean | null
    patientVoiceHeard?: boolean | null
  }>
  return requiredConsentUses({
    displayNamePolicy:
      (story.displayNamePolicy as 'full-name' | 'first-name' | 'initials' | 'anonymous') ??
      'anonymous',
    narrativeText: lexicalPlainText(story.narrative),
    pullQuote: typeof story.pullQuote === 'string' ? story.pullQuote : undefined,
    serviceLineTerms: terms,
    hasPhotosShowingPatient: (
      (photos?.docs ?? []) as Array<{ showsPatient?: boolean | null }>
    ).some((p) => p.showsPatient),
    hasVideoShowingPatient: videoDocs.some((v) => v.showsPatient),
    hasVideoWithPatientVoice: videoDocs.some((v) => v.patientVoiceHeard),
    patientAge: typeof story.patientAge === 'number' ? story.patientAge : null,
    patientHometown: typeof story.patientHometown === 'string' ? story.patientHometown : null,
  })
}
