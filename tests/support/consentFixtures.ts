import { randomBytes } from 'node:crypto'

import { lexicalFromParagraphs } from '../../src/lib/lexicalPlainText'
import { slugs } from '../../src/slugs'
import { pngBytes } from './fixtures'
import type { TestApp } from './testPayload'

const tag = () => randomBytes(3).toString('hex')

export const signedForm = async (app: TestApp) => {
  const scan = await pngBytes()
  return app.payload.create({
    collection: slugs.consentForms,
    data: { description: 'Signed form' } as never,
    file: { data: scan, mimetype: 'image/png', name: `signed-${tag()}.png`, size: scan.length },
    overrideAccess: true,
  })
}

/** A complete, signed, active authorization (45 CFR 164.508(c)); override what a test is about. */
export const activeConsent = async (
  app: TestApp,
  formId: number | string,
  overrides: Record<string, unknown> = {},
) =>
  app.payload.create({
    collection: slugs.consentRecords,
    data: {
      reference: `AUTH-${tag()}`,
      person: { legalName: 'Maria Gonzalez', dateOfBirth: '1971-05-04' },
      signer: { type: 'patient' },
      usesAllowed: ['name', 'likeness', 'diagnosis'],
      channelsAllowed: ['web', 'facebook', 'mastodon', 'print'],
      purposes: ['patient-story', 'awareness-campaign'],
      recipients: 'The public.',
      expiry: { expiresOn: '2030-12-31' },
      statements: { rightToRevoke: true, treatmentNotConditioned: true, redisclosure: true },
      signature: { signedAt: '2026-02-01', method: 'wet-ink', signedForm: formId },
      ...overrides,
    } as never,
    overrideAccess: true,
    context: { audit: false },
  })

/** A published story relying on a consent, with the first-name policy ("Maria" needs the "name" use). */
export const publishedStory = async (
  app: TestApp,
  consentRecord: number | string | null,
  overrides: Record<string, unknown> = {},
) =>
  app.payload.create({
    collection: slugs.patientStories,
    data: {
      title: `Maria's new heart ${tag()}`,
      displayNamePolicy: 'first-name',
      displayName: 'Maria',
      narrative: lexicalFromParagraphs(['After her surgery Maria walks every morning.']),
      consentRecord,
      _status: 'published',
      ...overrides,
    } as never,
    overrideAccess: true,
  })
