import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lexicalFromParagraphs } from '../../src/lib/lexicalPlainText'
import { slugs } from '../../src/slugs'
import { activeConsent, signedForm } from '../support/consentFixtures'
import { credentialsFor } from '../support/credentials'
import { expectCleanError } from '../support/expectCleanError'
import { startTestApp, type TestApp } from '../support/testPayload'

/**
 * Issue 17: a story is set to published only while an active consent covers it. Linking any
 * record used to be enough, so a story could go live on a revoked or expired authorization.
 */
describe('publishing a story needs a consent in force that covers it', () => {
  let app: TestApp
  let formId: number | string
  let token: string

  beforeAll(async () => {
    app = await startTestApp('story-publish-consent')
    formId = (await signedForm(app)).id
    token = (await credentialsFor(app)).admin.token!
  })
  afterAll(async () => {
    await app?.close()
  })

  let stories = 0
  /** A draft story naming Maria (so it needs the "name" use) on `consent`. */
  const draftOn = async (consent: number | string) =>
    app.payload.create({
      collection: slugs.patientStories,
      data: {
        title: `Maria walks again ${++stories}`,
        displayNamePolicy: 'first-name',
        displayName: 'Maria',
        narrative: lexicalFromParagraphs(['After her surgery Maria walks every morning.']),
        consentRecord: consent,
        _status: 'draft',
      } as never,
      overrideAccess: true,
    })
  const publish = (id: number | string) =>
    app.rest('PATCH', `/${slugs.patientStories}/${id}`, { token, body: { _status: 'published' } })
  const statusOf = async (id: number | string) =>
    (
      (await app.payload.findByID({
        collection: slugs.patientStories,
        id,
        depth: 0,
        overrideAccess: true,
      })) as { _status?: string }
    )._status

  it('publishes a story whose consent is in force and allows what it uses', async () => {
    const story = await draftOn((await activeConsent(app, formId)).id)
    const response = await publish(story.id)
    expect(response.status, await response.clone().text()).toBe(200)
    expect(await statusOf(story.id)).toBe('published')
  })

  it('refuses a revoked consent, naming it and when, and leaves the story a draft', async () => {
    const consent = await activeConsent(app, formId)
    const story = await draftOn(consent.id)
    await app.payload.update({
      collection: slugs.consentRecords,
      id: consent.id,
      data: { revocation: { receivedAt: new Date().toISOString(), method: 'email' } } as never,
      overrideAccess: true,
      context: { audit: false },
    })
    await expectCleanError(await publish(story.id), {
      status: 400,
      field: 'consentRecord',
      problem:
        /was revoked on \d{4}-\d{2}-\d{2}: a story can be published only while its consent is in force/,
    })
    expect(await statusOf(story.id)).toBe('draft')
  })

  it('refuses an expired consent', async () => {
    const consent = await activeConsent(app, formId, { expiry: { expiresOn: '2025-01-31' } })
    const story = await draftOn(consent.id)
    await expectCleanError(await publish(story.id), {
      status: 400,
      field: 'consentRecord',
      problem: /expired on 2025-01-31/,
    })
    expect(await statusOf(story.id)).toBe('draft')
  })

  it("refuses a consent that doesn't allow a use the story makes", async () => {
    const consent = await activeConsent(app, formId, { usesAllowed: ['likeness'] })
    const story = await draftOn(consent.id)
    await expectCleanError(await publish(story.id), {
      status: 400,
      field: 'consentRecord',
      problem: /does not allow "name", which the story uses/,
    })
    expect(await statusOf(story.id)).toBe('draft')
  })
})
