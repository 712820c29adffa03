import sharp from 'sharp'

import { lexicalFromParagraphs } from '../../src/lib/lexicalPlainText'
import { slugs } from '../../src/slugs'
import type { TestApp } from './testPayload'

let counter = 0
const next = () => `${Date.now().toString(36)}-${++counter}`

export const pngBytes = (width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 60 } } })
    .png()
    .toBuffer()

/** Form body Payload's REST API takes for an upload: the file plus the other fields as `_payload`. */
export const uploadForm = async (
  fields: Record<string, unknown>,
  file?: { bytes: Buffer; name: string; type: string },
) => {
  const form = new FormData()
  form.set('_payload', JSON.stringify(fields))
  const upload = file ?? { bytes: await pngBytes(), name: `image-${next()}.png`, type: 'image/png' }
  form.set('file', new Blob([new Uint8Array(upload.bytes)], { type: upload.type }), upload.name)
  return form
}

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString()
const inADay = () => new Date(Date.now() + 86_400_000).toISOString()

/** A valid body for creating one document through REST (uploads return a form instead). */
export const createBody = async (
  collection: string,
): Promise<{ body?: unknown; form?: FormData }> => {
  const id = next()
  switch (collection) {
    case slugs.campaigns:
      return {
        body: {
          title: `Campaign ${id}`,
          startsAt: inAnHour(),
          endsAt: inADay(),
          timeZone: 'America/Chicago',
        },
      }
    case slugs.patientStories:
      return {
        body: {
          title: `Story ${id}`,
          displayNamePolicy: 'anonymous',
          narrative: lexicalFromParagraphs(['A story.']),
        },
      }
    case slugs.communityEvents:
      return {
        body: { title: `Event ${id}`, startsAt: inAnHour(), endsAt: inADay(), format: 'in-person' },
      }
    case slugs.videoAssets:
      return {
        body: { title: `Video ${id}`, externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
      }
    case slugs.media:
      return { form: await uploadForm({ alt: `Image ${id}` }) }
    case slugs.consentForms:
      return { form: await uploadForm({ description: `Form ${id}` }) }
    case slugs.consentRecords:
      return { body: { reference: `AUTH-${id}`, person: { legalName: 'Pat Example' } } }
    case slugs.serviceLines:
    case slugs.audienceSegments:
      return { body: { name: `Name ${id}` } }
    case slugs.healthObservances:
      return {
        body: { name: `Observance ${id}`, kind: 'day', startsAt: inAnHour(), endsAt: inADay() },
      }
    case slugs.auditEvents:
      return { body: { action: 'read', collectionSlug: 'campaigns', documentId: '1' } }
    case slugs.users:
      return {
        body: {
          email: `user-${id}@carecast.test`,
          password: 'a-long-password',
          name: 'Someone',
          role: 'marketer',
        },
      }
    default:
      throw new Error(`no create body for ${collection}`)
  }
}

/** A harmless change for an update attempt. */
export const patchBody = (collection: string): Record<string, unknown> => {
  switch (collection) {
    case slugs.serviceLines:
    case slugs.audienceSegments:
    case slugs.healthObservances:
    case slugs.users:
      return { name: 'Changed name' }
    case slugs.media:
      return { alt: 'Changed alt text' }
    case slugs.consentRecords:
      return { recipients: 'Changed recipients' }
    case slugs.consentForms:
      return { description: 'Changed description' }
    case slugs.auditEvents:
      return { note: 'tampered' }
    default:
      return { title: 'Changed title' }
  }
}

/** Creates a document as the system would (no access checks), in the given variant. */
export const makeDoc = async (
  app: TestApp,
  collection: string,
  variant: 'published' | 'draft' | 'patient' | 'plain' = 'plain',
): Promise<{ id: number | string }> => {
  const { payload } = app
  const draft = variant === 'draft'
  const status =
    collection === slugs.campaigns ||
    collection === slugs.patientStories ||
    collection === slugs.communityEvents
      ? { _status: draft ? 'draft' : 'published' }
      : {}
  const common = { overrideAccess: true, draft, context: { audit: false } } as const
  switch (collection) {
    case slugs.media:
    case slugs.consentForms: {
      const bytes = await pngBytes()
      return payload.create({
        collection,
        data:
          collection === slugs.media
            ? { alt: 'Fixture image', showsPatient: variant === 'patient' }
            : { description: 'Fixture form' },
        file: {
          data: bytes,
          mimetype: 'image/png',
          name: `fixture-${next()}.png`,
          size: bytes.length,
        },
        ...common,
      } as never)
    }
    case slugs.videoAssets:
      return payload.create({
        collection,
        data: {
          title: `Video ${next()}`,
          externalUrl: 'https://vimeo.com/123456789',
          showsPatient: variant === 'patient',
        },
        ...common,
      } as never)
    case slugs.patientStories: {
      // A published story needs a consent in force that covers it (issue 17).
      const { activeConsent, signedForm } = await import('./consentFixtures')
      const consent =
        status._status === 'published'
          ? await activeConsent(app, (await signedForm(app)).id, {
              usesAllowed: ['name', 'likeness', 'diagnosis', 'age', 'hometown', 'voice'],
            })
          : undefined
      const { body } = await createBody(collection)
      return payload.create({
        collection,
        data: { ...(body as object), ...status, consentRecord: consent?.id },
        ...common,
      } as never)
    }
    case slugs.auditEvents:
      return payload.create({
        collection,
        data: { action: 'read', collectionSlug: 'campaigns', documentId: '1' },
        ...common,
      } as never)
    default: {
      const { body } = await createBody(collection)
      return payload.create({
        collection,
        data: { ...(body as object), ...status },
        ...common,
      } as never)
    }
  }
}
