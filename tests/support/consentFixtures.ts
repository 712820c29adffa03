import { randomBytes } from 'node:crypto'

import { ValidationError } from 'payload'
import type { Pool } from 'pg'

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
/**
 * Marks a story published in the database directly: the state of a story published before its
 * consent changed, or by a Carecast before issue 17, which Payload now refuses to reach (a story is
 * published only while its consent covers it). The gate's and the access rules' own cases start
 * from it: they are the defences behind that rule.
 */
export const markPublished = async (app: TestApp, id: number | string) => {
  const pool = (app.payload.db as unknown as { pool: Pool }).pool
  await pool.query(`UPDATE patient_stories SET _status = 'published' WHERE id = $1`, [id])
  await pool.query(
    `UPDATE _patient_stories_v SET version__status = 'published' WHERE parent_id = $1 AND latest`,
    [id],
  )
}

/**
 * A published story on `consentRecord`: through Payload when the consent covers it, else saved as
 * a draft and marked published (`markPublished`), for the cases where it does not.
 */
export const publishedStory = async (
  app: TestApp,
  consentRecord: number | string | null,
  overrides: Record<string, unknown> = {},
) => {
  const data = {
    title: `Maria's new heart ${tag()}`,
    displayNamePolicy: 'first-name',
    displayName: 'Maria',
    narrative: lexicalFromParagraphs(['After her surgery Maria walks every morning.']),
    consentRecord,
    _status: 'published',
    ...overrides,
  }
  try {
    return await app.payload.create({
      collection: slugs.patientStories,
      data: data as never,
      overrideAccess: true,
    })
  } catch (error) {
    if (!(error instanceof ValidationError) || !error.message.startsWith('consentRecord:'))
      throw error
    const draft = await app.payload.create({
      collection: slugs.patientStories,
      data: { ...data, _status: 'draft' } as never,
      overrideAccess: true,
      draft: true,
    })
    await markPublished(app, draft.id)
    return app.payload.findByID({
      collection: slugs.patientStories,
      id: draft.id,
      overrideAccess: true,
    })
  }
}
