import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lexicalFromParagraphs } from '../../src/lib/lexicalPlainText'
import { slugs } from '../../src/slugs'
import { credentialsFor, userIdFor } from '../support/credentials'
import { markPublished } from '../support/consentFixtures'
import { pngBytes } from '../support/fixtures'
import { expectCleanError } from '../support/expectCleanError'
import { startTestApp, type RestOptions, type TestApp } from '../support/testPayload'
import type { RoleKey } from './accessMatrix'

type AuditEvent = {
  action: string
  collectionSlug: string
  documentId: string
  user?: number | { id: number } | null
  actorEmail?: string
  changes?: Record<string, { before: unknown; after: unknown }>
  note?: string
}

/** A complete, signed authorization: everything 45 CFR 164.508(c) asks for. */
const completeConsent = (reference: string, signedForm: number | string = formId) => ({
  reference,
  person: { legalName: 'Maria Gonzalez', email: 'maria@example.org' },
  signer: { type: 'patient' },
  form: { version: '2026-01', language: 'es' },
  usesAllowed: ['name', 'likeness', 'diagnosis'],
  channelsAllowed: ['web', 'facebook'],
  purposes: ['patient-story'],
  recipients: 'The public, through the hospital website and Facebook page.',
  expiry: { expiresOn: '2030-12-31' },
  statements: { rightToRevoke: true, treatmentNotConditioned: true, redisclosure: true },
  signature: { signedAt: '2026-02-01', method: 'wet-ink', signedForm },
})
let formId: number | string

describe('audit trail and consent records', () => {
  let app: TestApp
  let auth: Record<RoleKey, Pick<RestOptions, 'token' | 'apiKey'>>
  let officerId: number | string

  beforeAll(async () => {
    app = await startTestApp('audit_consent')
    auth = await credentialsFor(app)
    officerId = await userIdFor(app, 'consent-officer')
    const scan = await pngBytes()
    formId = (
      await app.payload.create({
        collection: slugs.consentForms,
        data: { description: 'Signed form' },
        file: { data: scan, mimetype: 'image/png', name: 'signed-form.png', size: scan.length },
        overrideAccess: true,
      })
    ).id
  })
  afterAll(async () => app?.close())

  const eventsFor = async (documentId: string | number, action?: string) =>
    (
      await app.payload.find({
        collection: slugs.auditEvents,
        where: {
          and: [
            { collectionSlug: { equals: slugs.consentRecords } },
            { documentId: { equals: String(documentId) } },
            ...(action ? [{ action: { equals: action } }] : []),
          ],
        },
        sort: 'createdAt',
        limit: 100,
        depth: 0,
        overrideAccess: true,
      })
    ).docs as unknown as AuditEvent[]

  const create = async (body: Record<string, unknown>) => {
    const response = await app.rest('POST', `/${slugs.consentRecords}`, {
      ...auth['consent-officer'],
      body,
    })
    expect(response.status, await response.clone().text()).toBe(201)
    return (
      (await response.json()) as { doc: { id: number; status: string; missingElements: string[] } }
    ).doc
  }

  it('derives the status; a status sent by the caller is ignored', async () => {
    const incomplete = await create({
      reference: 'AUTH-T-1',
      person: { legalName: 'Pat Example' },
      status: 'active',
    })
    expect(incomplete.status).toBe('incomplete')
    expect(incomplete.missingElements.length).toBeGreaterThan(3)
    const active = await create(completeConsent('AUTH-T-2'))
    expect(active.status).toBe('active')
    expect(active.missingElements).toEqual([])
    const expired = await create({
      ...completeConsent('AUTH-T-3'),
      expiry: { expiresOn: '2025-01-31' },
    })
    expect(expired.status).toBe('expired')
    const noStatements = await create({
      ...completeConsent('AUTH-T-4'),
      statements: { rightToRevoke: true },
    })
    expect(noStatements.status).toBe('incomplete')
    expect(noStatements.missingElements).toEqual([
      'the statement that treatment is not conditioned on signing',
      'the statement that disclosed information may be redisclosed',
    ])
    const unsigned = await create({
      ...completeConsent('AUTH-T-4b'),
      signature: { signedAt: null, method: null },
    })
    expect(unsigned.status).toBe('pending')
  })

  it('keeps a consent without its recipients incomplete, naming them, until they are given (164.508(c)(1)(iii))', async () => {
    const { recipients: _named, ...withoutRecipients } = completeConsent('AUTH-T-R1')
    const blank = await create(withoutRecipients)
    expect(blank.status).toBe('incomplete')
    expect(blank.missingElements).toEqual(['who may receive the information (the recipients)'])
    const spaces = await create({ ...completeConsent('AUTH-T-R2'), recipients: '   ' })
    expect(spaces.status).toBe('incomplete')
    const stored = await app.payload.find({
      collection: slugs.consentRecords,
      where: { and: [{ id: { equals: blank.id } }, { status: { equals: 'incomplete' } }] },
      overrideAccess: true,
      context: { audit: false },
    })
    expect(stored.totalDocs).toBe(1)
    const named = await app.rest('PATCH', `/${slugs.consentRecords}/${blank.id}`, {
      ...auth['consent-officer'],
      body: { recipients: 'The public, through the hospital website.' },
    })
    expect(named.status).toBe(200)
    const after = (await named.json()) as { doc: { status: string; missingElements: string[] } }
    expect(after.doc.status).toBe('active')
    expect(after.doc.missingElements).toEqual([])
  })

  it('records who read a consent record, and who changed which field from what to what', async () => {
    const record = await create(completeConsent('AUTH-T-5'))
    const read = await app.rest(
      'GET',
      `/${slugs.consentRecords}/${record.id}`,
      auth['consent-officer'],
    )
    expect(read.status).toBe(200)
    const patch = await app.rest('PATCH', `/${slugs.consentRecords}/${record.id}`, {
      ...auth['consent-officer'],
      body: { channelsAllowed: ['web'] },
    })
    expect(patch.status, await patch.clone().text()).toBe(200)

    const events = await eventsFor(record.id)
    expect(events.map((e) => e.action)).toEqual(['create', 'read', 'update'])
    for (const event of events) expect(event.user).toBe(officerId)
    expect(events[2].changes).toEqual({
      channelsAllowed: { before: ['web', 'facebook'], after: ['web'] },
    })
  })

  it('logs a read of each record a list returns', async () => {
    const record = await create(completeConsent('AUTH-T-6'))
    expect((await app.rest('GET', `/${slugs.consentRecords}?limit=100`, auth.admin)).status).toBe(
      200,
    )
    const reads = await eventsFor(record.id, 'read')
    expect(reads).toHaveLength(1)
    expect(reads[0].actorEmail).toBe('admin@carecast.test')
  })

  it('records a revocation, stamps who recorded it, and refuses to undo it', async () => {
    const record = await create(completeConsent('AUTH-T-7'))
    const receivedAt = new Date(Date.now() - 3_600_000).toISOString()
    const revoke = await app.rest('PATCH', `/${slugs.consentRecords}/${record.id}`, {
      ...auth['consent-officer'],
      body: { revocation: { receivedAt, method: 'written-letter' } },
    })
    expect(revoke.status, await revoke.clone().text()).toBe(200)
    const { doc } = (await revoke.json()) as {
      doc: { status: string; revocation: { recordedBy: number | { id: number } } }
    }
    expect(doc.status).toBe('revoked')
    const recordedBy =
      typeof doc.revocation.recordedBy === 'object'
        ? doc.revocation.recordedBy.id
        : doc.revocation.recordedBy
    expect(recordedBy).toBe(officerId)
    const revokes = await eventsFor(record.id, 'revoke')
    expect(revokes).toHaveLength(1)
    expect(revokes[0].user).toBe(officerId)

    const undo = await app.rest('PATCH', `/${slugs.consentRecords}/${record.id}`, {
      ...auth.admin,
      body: { revocation: { receivedAt: null } },
    })
    await expectCleanError(undo, {
      status: 400,
      field: 'revocation.receivedAt',
      problem: /cannot be undone/,
    })
    expect(await eventsFor(record.id, 'revoke')).toHaveLength(1)
  })

  it('lets nobody, admin included, create, change or delete an audit event through the API', async () => {
    const [event] = await eventsFor((await create(completeConsent('AUTH-T-8'))).id)
    const { docs } = await app.payload.find({
      collection: slugs.auditEvents,
      limit: 1,
      overrideAccess: true,
      where: { documentId: { equals: event.documentId } },
    })
    const id = docs[0].id
    for (const role of ['admin', 'consent-officer'] as const) {
      expect(
        (
          await app.rest('POST', `/${slugs.auditEvents}`, {
            ...auth[role],
            body: { action: 'read', collectionSlug: 'x', documentId: '1' },
          })
        ).status,
      ).toBe(403)
      expect(
        (
          await app.rest('PATCH', `/${slugs.auditEvents}/${id}`, {
            ...auth[role],
            body: { note: 'tampered' },
          })
        ).status,
      ).toBe(403)
      expect((await app.rest('DELETE', `/${slugs.auditEvents}/${id}`, auth[role])).status).toBe(403)
    }
    const graphql = await app.graphql(`mutation { deleteAuditEvent(id: ${id}) { id } }`, auth.admin)
    expect(JSON.stringify(graphql.body)).toMatch(/not allowed|forbidden|Cannot query field/i)
    expect(
      (await app.payload.findByID({ collection: slugs.auditEvents, id, overrideAccess: true })).id,
    ).toBe(id)
    expect((await app.rest('GET', `/${slugs.auditEvents}`, auth.marketer)).status).toBe(403)
  })

  it('refuses to delete a consent record inside its six-year retention period', async () => {
    const record = await create(completeConsent('AUTH-T-9'))
    const response = await app.rest('DELETE', `/${slugs.consentRecords}/${record.id}`, auth.admin)
    expect(response.status).toBe(403)
    expect(await response.text()).toMatch(/must be kept until 20\d\d-\d\d-\d\d/)
    expect(
      (
        await app.payload.findByID({
          collection: slugs.consentRecords,
          id: record.id,
          overrideAccess: true,
          context: { audit: false },
        })
      ).id,
    ).toBe(record.id)
  })

  it('shows anonymous callers no consent record over REST or GraphQL', async () => {
    await create(completeConsent('AUTH-T-10'))
    const rest = await app.rest('GET', `/${slugs.consentRecords}`)
    expect(rest.status).toBe(403)
    expect(await rest.text()).not.toContain('AUTH-T-10')
    const graphql = await app.graphql(
      '{ ConsentRecords { docs { reference person { legalName } } } }',
    )
    expect(JSON.stringify(graphql.body)).not.toContain('AUTH-T-10')
    expect(JSON.stringify(graphql.body)).not.toContain('Maria')
  })

  it('does not let a role filter on a field it cannot read', async () => {
    const consentRecord = (await create(completeConsent('AUTH-T-11'))).id
    const data = {
      title: 'Hidden age',
      displayNamePolicy: 'anonymous',
      narrative: lexicalFromParagraphs(['She is doing well.']),
      patientAge: 52,
      patientHometown: 'Joliet',
      _status: 'draft',
      consentRecord,
    }
    // Its consent does not allow the age and home town it names: published directly, as before
    // the rule that a story is published only on a consent that covers it.
    const story = await app.payload.create({
      collection: slugs.patientStories,
      data: data as never,
      overrideAccess: true,
      draft: true,
      context: { audit: false },
    })
    await markPublished(app, story.id)
    for (const where of [
      'where[patientAge][equals]=52',
      'where[consentRecord][exists]=true',
      'where[patientHometown][like]=a',
    ]) {
      const response = await app.rest('GET', `/${slugs.patientStories}?${where}`, auth['front-end'])
      const text = await response.text()
      // Refused as a query on a path the caller may not use; no story comes back.
      expect(response.status, text).toBe(400)
      expect(text).toMatch(/cannot be queried/)
      expect(text).not.toContain('Hidden age')
    }
  })

  it('serves a signed form file only to consent officers and admins', async () => {
    const { filename } = await app.payload.findByID({
      collection: slugs.consentForms,
      id: formId,
      overrideAccess: true,
    })
    for (const role of ['anonymous', 'front-end', 'marketer', 'approver'] as const) {
      const response = await app.rest('GET', `/${slugs.consentForms}/file/${filename}`, auth[role])
      expect(response.status, role).toBe(403)
    }
    const officer = await app.rest(
      'GET',
      `/${slugs.consentForms}/file/${filename}`,
      auth['consent-officer'],
    )
    expect(officer.status).toBe(200)
    expect(officer.headers.get('content-type')).toBe('image/png')
  })

  it('records who published a story and what changed', async () => {
    const consentRecord = (await create(completeConsent('AUTH-T-12'))).id
    const marketerId = await userIdFor(app, 'marketer')
    const draft = await app.rest('POST', `/${slugs.patientStories}?draft=true`, {
      ...auth.marketer,
      body: {
        title: 'Walking again',
        displayNamePolicy: 'anonymous',
        narrative: lexicalFromParagraphs(['She walks every day now.']),
        _status: 'draft',
      },
    })
    expect(draft.status, await draft.clone().text()).toBe(201)
    const { doc } = (await draft.json()) as { doc: { id: number } }
    await app.payload.update({
      collection: slugs.patientStories,
      id: doc.id,
      data: { consentRecord } as never,
      overrideAccess: true,
      context: { audit: false },
    })
    const publish = await app.rest('PATCH', `/${slugs.patientStories}/${doc.id}`, {
      ...auth.marketer,
      body: { _status: 'published' },
    })
    expect(publish.status, await publish.clone().text()).toBe(200)
    const { docs } = await app.payload.find({
      collection: slugs.auditEvents,
      where: {
        and: [
          { collectionSlug: { equals: slugs.patientStories } },
          { documentId: { equals: String(doc.id) } },
        ],
      },
      sort: 'createdAt',
      overrideAccess: true,
      depth: 0,
    })
    const events = docs as unknown as AuditEvent[]
    expect(events.map((e) => e.action)).toEqual(['create', 'update'])
    expect(events[1].user).toBe(marketerId)
    expect(events[1].changes?._status).toEqual({ before: 'draft', after: 'published' })
  })
})
