import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../src/slugs'
import { activeConsent, publishedStory, signedForm } from '../support/consentFixtures'
import { credentialsFor } from '../support/credentials'
import { makeDoc, patchBody } from '../support/fixtures'
import { startTestApp, type RestOptions, type TestApp } from '../support/testPayload'
import {
  type ConsentEnding,
  consentEndedMatrix,
  consentEndings,
  type RoleKey,
  roleKeys,
} from './accessMatrix'

describe('role × collection × operation (the README table)', () => {
  let app: TestApp
  let auth: Record<RoleKey, Pick<RestOptions, 'token' | 'apiKey'>>

  beforeAll(async () => {
    app = await startTestApp('access_after_consent')
    auth = await credentialsFor(app)
  })
  afterAll(async () => app?.close())

  const idsIn = async (response: Response) =>
    ((await response.json()) as { docs: { id: number }[] }).docs.map((doc) => String(doc.id))

  describe('once the consent a story or patient file relies on has ended (revoked, expired)', () => {
    const graphqlNames: Record<string, { one: string; list: string }> = {
      [slugs.patientStories]: { one: 'PatientStory', list: 'PatientStories' },
      [slugs.media]: { one: 'Media', list: 'allMedia' },
      [slugs.videoAssets]: { one: 'VideoAsset', list: 'VideoAssets' },
    }
    // The last day a consent that ended yesterday held (UTC): it holds through its expiry day.
    const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
    let formId: number | string

    /** A consent that has ended, and a published story and patient files relying on it. */
    const endedSet = async (ending: ConsentEnding) => {
      const consent = await activeConsent(
        app,
        formId,
        ending === 'expired' ? { expiry: { expiresOn: yesterday() } } : {},
      )
      const story = await publishedStory(app, consent.id)
      const patient = { showsPatient: true, consentRecords: [consent.id] }
      const photo = await makeDoc(app, slugs.media, 'patient')
      await app.payload.update({
        collection: slugs.media,
        id: photo.id,
        data: patient as never,
        overrideAccess: true,
      })
      const video = await makeDoc(app, slugs.videoAssets, 'patient')
      await app.payload.update({
        collection: slugs.videoAssets,
        id: video.id,
        data: patient as never,
        overrideAccess: true,
      })
      if (ending === 'revoked')
        await app.payload.update({
          collection: slugs.consentRecords,
          id: consent.id,
          data: { revocation: { receivedAt: new Date().toISOString(), method: 'email' } } as never,
          overrideAccess: true,
          context: { audit: false },
        })
      return {
        [slugs.patientStories]: String(story.id),
        [slugs.media]: String(photo.id),
        [slugs.videoAssets]: String(video.id),
      } as Record<string, string>
    }

    const sets = {} as Record<ConsentEnding, Record<string, string>>
    const users = {} as Record<RoleKey, unknown>

    beforeAll(async () => {
      formId = (await signedForm(app)).id
      for (const ending of consentEndings) sets[ending] = await endedSet(ending)
      for (const role of roleKeys) {
        if (role === 'anonymous') continue
        const { docs } = await app.payload.find({
          collection: slugs.users,
          where: { role: { equals: role } },
          limit: 1,
          overrideAccess: true,
        })
        users[role] = { ...docs[0], collection: slugs.users }
      }
    })

    for (const [collection, row] of Object.entries(consentEndedMatrix)) {
      for (const ending of consentEndings) {
        for (const role of roleKeys) {
          const cell = row[role]
          const label = `${collection} · consent ${ending} · ${role}`

          it(`${label} · read over REST, GraphQL and the Local API: ${cell.read ? 'yes' : 'no'}`, async () => {
            const id = sets[ending][collection]
            const list = await app.rest(
              'GET',
              `/${collection}?depth=0&where[id][equals]=${id}`,
              auth[role],
            )
            const listed =
              list.status === 200 && (await idsIn(list)).includes(id) ? 'listed' : 'hidden'
            const byId = await app.rest('GET', `/${collection}/${id}?depth=0`, auth[role])

            const names = graphqlNames[collection]
            const gqlList = await app.graphql(
              `{ ${names.list}(where: { id: { equals: ${id} } }) { docs { id } } }`,
              auth[role],
            )
            const gqlDocs =
              (
                gqlList.body.data as Record<string, { docs: { id: number }[] } | null> | undefined
              )?.[names.list]?.docs ?? []
            const gqlOne = await app.graphql(`{ ${names.one}(id: ${id}) { id } }`, auth[role])
            const gqlDoc = (
              gqlOne.body.data as Record<string, { id: number } | null> | undefined
            )?.[names.one]

            const local = await app.payload
              .find({
                collection: collection as typeof slugs.media,
                where: { id: { equals: id } },
                overrideAccess: false,
                user: users[role] as never,
                depth: 0,
              })
              .then(({ docs }) => (docs as { id: number }[]).map((doc) => String(doc.id)))
              .catch(() => [] as string[])

            const seen = {
              restList: listed,
              restById: byId.status === 200 ? 'read' : 'refused',
              graphqlList: gqlDocs.some((doc) => String(doc.id) === id) ? 'listed' : 'hidden',
              graphqlById: gqlDoc && String(gqlDoc.id) === id ? 'read' : 'refused',
              localApi: local.includes(id) ? 'listed' : 'hidden',
            }
            expect(seen).toEqual(
              cell.read
                ? {
                    restList: 'listed',
                    restById: 'read',
                    graphqlList: 'listed',
                    graphqlById: 'read',
                    localApi: 'listed',
                  }
                : {
                    restList: 'hidden',
                    restById: 'refused',
                    graphqlList: 'hidden',
                    graphqlById: 'refused',
                    localApi: 'hidden',
                  },
            )
            if (!cell.read) {
              expect([403, 404]).toContain(byId.status)
              expect(await byId.text()).not.toMatch(/Maria|walks every morning/)
            }
          })

          it(`${label} · update: ${cell.update ? 'yes' : 'no'}`, async () => {
            const id = (await endedSet(ending))[collection]
            const response = await app.rest('PATCH', `/${collection}/${id}`, {
              ...auth[role],
              body: patchBody(collection),
            })
            const text = await response.text()
            if (cell.update) expect(response.status, text).toBe(200)
            else {
              expect([403, 404], text).toContain(response.status)
              expect(text).not.toMatch(/Maria|walks every morning/)
            }
          })

          it(`${label} · delete: ${cell.delete ? 'yes' : 'no'}`, async () => {
            const id = (await endedSet(ending))[collection]
            const response = await app.rest('DELETE', `/${collection}/${id}`, auth[role])
            const text = await response.text()
            if (cell.delete) expect(response.status, text).toBe(200)
            else {
              expect([403, 404], text).toContain(response.status)
              expect(text).not.toMatch(/Maria|walks every morning/)
            }
          })
        }
      }
    }

    it('a consent holds through its whole expiry day (UTC): a story and photo relying on one that ends today are still read', async () => {
      const today = new Date().toISOString().slice(0, 10)
      const consent = await activeConsent(app, formId, { expiry: { expiresOn: today } })
      const story = await publishedStory(app, consent.id)
      const photo = await makeDoc(app, slugs.media, 'patient')
      await app.payload.update({
        collection: slugs.media,
        id: photo.id,
        data: { consentRecords: [consent.id] } as never,
        overrideAccess: true,
      })
      for (const role of ['front-end', 'marketer', 'approver'] as const) {
        const response = await app.rest('GET', `/${slugs.patientStories}/${story.id}`, auth[role])
        expect(response.status, role).toBe(200)
      }
      for (const role of ['marketer', 'approver'] as const) {
        const response = await app.rest('GET', `/${slugs.media}/${photo.id}`, auth[role])
        expect(response.status, role).toBe(200)
      }
    })

    it('a patient photo linked to two consents is withheld once either of them is revoked', async () => {
      const kept = await activeConsent(app, formId)
      const ended = await activeConsent(app, formId)
      const photo = await makeDoc(app, slugs.media, 'patient')
      await app.payload.update({
        collection: slugs.media,
        id: photo.id,
        data: { consentRecords: [kept.id, ended.id] } as never,
        overrideAccess: true,
      })
      const before = await app.rest('GET', `/${slugs.media}/${photo.id}`, auth.marketer)
      expect(before.status).toBe(200)
      await app.payload.update({
        collection: slugs.consentRecords,
        id: ended.id,
        data: { revocation: { receivedAt: new Date().toISOString(), method: 'email' } } as never,
        overrideAccess: true,
        context: { audit: false },
      })
      const after = await app.rest('GET', `/${slugs.media}/${photo.id}`, auth.marketer)
      expect([403, 404]).toContain(after.status)
      const listed = await app.rest(
        'GET',
        `/${slugs.media}?depth=0&where[id][equals]=${photo.id}`,
        auth.marketer,
      )
      expect(await idsIn(listed)).toEqual([])
      const { filename } = (await app.payload.findByID({
        collection: slugs.media,
        id: photo.id,
        overrideAccess: true,
      })) as { filename: string }
      const file = await app.rest('GET', `/${slugs.media}/file/${filename}`, auth.marketer)
      expect([403, 404]).toContain(file.status)
      const officer = await app.rest(
        'GET',
        `/${slugs.media}/file/${filename}`,
        auth['consent-officer'],
      )
      expect(officer.status).toBe(200)
    })

    it('the version history of a story whose consent ended is closed to all but consent officers and admins, and to API clients always', async () => {
      const id = sets.revoked[slugs.patientStories]
      const where = `where[parent][equals]=${id}`
      for (const role of roleKeys) {
        const response = await app.rest(
          'GET',
          `/${slugs.patientStories}/versions?depth=0&${where}`,
          auth[role],
        )
        const docs =
          response.status === 200 ? ((await response.json()) as { docs: unknown[] }).docs.length : 0
        const open = role === 'consent-officer' || role === 'admin'
        expect(docs > 0, role).toBe(open)
      }
      const draft = await makeDoc(app, slugs.patientStories, 'draft')
      const response = await app.rest(
        'GET',
        `/${slugs.patientStories}/versions?depth=0&where[parent][equals]=${draft.id}`,
        auth['front-end'],
      )
      expect(response.status).toBe(403)
    })
  })
})
