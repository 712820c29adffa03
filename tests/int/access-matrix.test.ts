import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../src/slugs'
import { credentialsFor, userIdFor } from '../support/credentials'
import { createBody, makeDoc, patchBody } from '../support/fixtures'
import { startTestApp, type RestOptions, type TestApp } from '../support/testPayload'
import { accessMatrix, type RoleKey, roleKeys } from './accessMatrix'

const drafted = new Set<string>([slugs.campaigns, slugs.patientStories, slugs.communityEvents])
const patientFiles = new Set<string>([slugs.media, slugs.videoAssets])

/** The table itself; access once a consent has ended is in access-after-consent.test.ts. */
describe('role × collection × operation (the README table)', () => {
  let app: TestApp
  let auth: Record<RoleKey, Pick<RestOptions, 'token' | 'apiKey'>>
  const probes: Record<string, { visible: string; hidden?: string }> = {}

  beforeAll(async () => {
    app = await startTestApp('access_matrix')
    auth = await credentialsFor(app)
    for (const collection of Object.keys(accessMatrix)) {
      if (collection === slugs.users) continue
      if (drafted.has(collection)) {
        probes[collection] = {
          visible: String((await makeDoc(app, collection, 'published')).id),
          hidden: String((await makeDoc(app, collection, 'draft')).id),
        }
      } else if (patientFiles.has(collection)) {
        probes[collection] = {
          visible: String((await makeDoc(app, collection, 'plain')).id),
          hidden: String((await makeDoc(app, collection, 'patient')).id),
        }
      } else {
        probes[collection] = { visible: String((await makeDoc(app, collection)).id) }
      }
    }
  })
  afterAll(async () => app?.close())

  const idsIn = async (response: Response) =>
    ((await response.json()) as { docs: { id: number }[] }).docs.map((doc) => String(doc.id))

  for (const [collection, row] of Object.entries(accessMatrix)) {
    for (const role of roleKeys) {
      const cell = row[role]

      it(`${collection} · ${role} · read: ${cell.read}`, async () => {
        const response = await app.rest('GET', `/${collection}?limit=200&depth=0`, auth[role])
        if (cell.read === 'no') return expect(response.status).toBe(403)
        expect(response.status).toBe(200)
        const ids = await idsIn(response)
        if (collection === slugs.users) {
          const own = String(await userIdFor(app, role === 'anonymous' ? 'admin' : role))
          return cell.read === 'own'
            ? expect(ids).toEqual([own])
            : expect(ids.length).toBeGreaterThan(1)
        }
        const probe = probes[collection]
        expect(ids).toContain(probe.visible)
        if (probe.hidden)
          (cell.read === 'all' ? expect(ids) : expect(ids).not).toContain(probe.hidden)
      })

      it(`${collection} · ${role} · create: ${cell.create}`, async () => {
        const response = await app.rest('POST', `/${collection}`, {
          ...auth[role],
          ...(await createBody(collection)),
        })
        expect(response.status, await response.clone().text()).toBe(
          cell.create === 'yes' ? 201 : 403,
        )
      })

      it(`${collection} · ${role} · update: ${cell.update}`, async () => {
        const target =
          collection === slugs.users
            ? role === 'admin' || role === 'anonymous'
              ? await userIdFor(app, 'marketer')
              : await userIdFor(app, role)
            : (await makeDoc(app, collection, drafted.has(collection) ? 'published' : 'plain')).id
        const response = await app.rest('PATCH', `/${collection}/${target}`, {
          ...auth[role],
          body: patchBody(collection),
        })
        expect(response.status, await response.clone().text()).toBe(
          cell.update === 'yes' ? 200 : 403,
        )
      })

      it(`${collection} · ${role} · delete: ${cell.delete}`, async () => {
        const target =
          collection === slugs.users
            ? (
                await app.payload.create({
                  collection: slugs.users,
                  data: (await createBody(slugs.users)).body as never,
                  overrideAccess: true,
                })
              ).id
            : (await makeDoc(app, collection, drafted.has(collection) ? 'published' : 'plain')).id
        const response = await app.rest('DELETE', `/${collection}/${target}`, auth[role])
        const text = await response.text()
        if (cell.delete === 'retained') {
          expect(response.status).toBe(403)
          expect(text).toMatch(/must be kept until \d{4}-\d\d-\d\d/)
        } else {
          expect(response.status, text).toBe(cell.delete === 'yes' ? 200 : 403)
        }
      })
    }
  }
})
