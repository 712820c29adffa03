import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../src/slugs'
import { activeConsent, publishedStory } from '../support/consentFixtures'
import { expectCleanError, LEAK } from '../support/expectCleanError'
import { pngBytes } from '../support/fixtures'
import {
  publication,
  scheduledPublication,
  testWorker,
  userByRole,
} from '../support/schedulerFixtures'
import { type ConsentWorld, startConsentWorld } from '../support/consentWorld'
import type { TestApp } from '../support/testPayload'

const DAY = 86_400_000

/** Revocation; the expiry sweep is in consent-expiry.test.ts. */
describe('consent enforcement: revocation and expiry', () => {
  let app: TestApp
  let pool: Pool
  let tokens: ConsentWorld['tokens']
  let formId: number | string
  let receiver: ConsentWorld['receiver']
  let accounts: ConsentWorld['accounts']
  let imageId: number | string
  let story: ConsentWorld['story']
  let projection: ConsentWorld['projection']
  let world: ConsentWorld

  beforeAll(async () => {
    world = await startConsentWorld('consent_takedown')
    ;({ app, pool, tokens, formId, receiver, accounts, imageId, story, projection } = world)
  })
  afterAll(async () => world?.close())

  describe('revocation', () => {
    /** One story on every kind of place: live on the web, a webhook and Instagram, and two pending. */
    const storyEverywhere = async (consentOverrides: Record<string, unknown> = {}) => {
      const consent = await activeConsent(app, formId, consentOverrides)
      const storyDoc = await publishedStory(app, consent.id, { slug: `maria-${consent.id}` })
      const now = new Date()
      const at = (ms: number) => new Date(now.getTime() + ms)
      const web = await scheduledPublication(app, {
        collection: slugs.patientStories,
        document: storyDoc.id,
        account: accounts.web,
        dueAt: at(-3000),
      })
      const hook = await scheduledPublication(app, {
        collection: slugs.patientStories,
        document: storyDoc.id,
        account: accounts.webhook,
        dueAt: at(-2000),
      })
      await testWorker(app).runOnce()
      // Instagram can't delete through its API; a live post there is set up as the worker would leave it.
      const insta = await scheduledPublication(app, {
        collection: slugs.patientStories,
        document: storyDoc.id,
        account: accounts.instagram,
        dueAt: at(-1000),
        media: [{ relationTo: slugs.media, value: imageId }],
      })
      await app.payload.update({
        collection: slugs.publications,
        id: insta.id,
        data: {
          state: 'published',
          remoteId: '17895695668004550',
          publishedAt: now.toISOString(),
        } as never,
        context: { schedulerInternal: true },
      })
      const pending = await scheduledPublication(app, {
        collection: slugs.patientStories,
        document: storyDoc.id,
        account: accounts.webhook,
        dueAt: at(DAY),
      })
      const draftRow = await app.payload.create({
        collection: slugs.publications,
        data: {
          document: story(storyDoc.id),
          channelAccount: accounts.web,
          dueAt: at(2 * DAY).toISOString(),
          timeZone: 'America/New_York',
          text: 'later',
        } as never,
      })
      expect((await publication(app, web.id)).state).toBe('published')
      expect((await publication(app, hook.id)).state).toBe('published')
      return {
        consent,
        storyDoc,
        rows: {
          web: web.id,
          hook: hook.id,
          insta: insta.id,
          pending: pending.id,
          draft: draftRow.id,
        },
      }
    }

    it('takes everything down in the revocation itself, queues deletions, and lists what must be done by hand', async () => {
      const { consent, rows } = await storyEverywhere()
      const key = String((await publication(app, rows.web)).remoteId)
      expect(await projection(key)).toBeGreaterThan(0)

      const response = await app.rest('PATCH', `/${slugs.consentRecords}/${consent.id}`, {
        token: tokens['consent-officer'].token!,
        body: { revocation: { receivedAt: new Date().toISOString(), method: 'written-letter' } },
      })
      expect(response.status, await response.clone().text()).toBe(200)

      expect(await projection(key)).toBe(0)
      expect((await publication(app, rows.pending)).state).toBe('cancelled')
      expect((await publication(app, rows.pending)).cancelReason).toBe(
        `consent revoked (${consent.reference})`,
      )
      expect((await publication(app, rows.draft)).state).toBe('cancelled')
      expect((await publication(app, rows.web)).state).toBe('retracting')
      expect((await publication(app, rows.hook)).state).toBe('retracting')
      expect((await publication(app, rows.insta)).state).toBe('published')

      const { docs: tasks } = await app.payload.find({
        collection: slugs.consentTasks,
        where: { consentRecord: { equals: consent.id } },
        sort: 'place',
      })
      expect(tasks.map((task) => (task as { place: string }).place).sort()).toEqual([
        'instagram post 17895695668004550',
        'print',
      ])
      const instaTask = tasks.find((task) =>
        (task as { place: string }).place.startsWith('instagram'),
      ) as unknown as { owner: { id: number }; dueAt: string }
      // The fixture's publications have no author, so the officer who recorded the revocation owns the task.
      expect(instaTask.owner.id).toBe((await userByRole(app, 'consent-officer')).id)
      expect(new Date(instaTask.dueAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000)

      // The worker sends the deletions.
      const before = receiver.deliveries.length
      await testWorker(app).runOnce()
      expect((await publication(app, rows.hook)).state).toBe('retracted')
      expect((await publication(app, rows.web)).state).toBe('retracted')
      expect(
        receiver.deliveries
          .slice(before)
          .map((delivery) => (delivery.body as { type: string }).type),
      ).toEqual(['publication.retracted'])

      // The report a privacy officer hands to the patient.
      const report = await app.rest(
        'GET',
        `/${slugs.consentRecords}/${consent.id}/takedown-report`,
        { token: tokens['consent-officer'].token! },
      )
      expect(report.status).toBe(200)
      const body = (await report.json()) as {
        consentRecord: { reference: string; status: string }
        publications: {
          id: number
          channel: string
          wentLiveAt: string | null
          removedAt: string | null
          removedBy: string | null
          stillLive: boolean
        }[]
        manualTasks: { place: string; done: boolean }[]
      }
      expect(body.consentRecord).toMatchObject({ reference: consent.reference, status: 'revoked' })
      expect(body.publications.map((row) => row.id).sort()).toEqual(Object.values(rows).sort())
      const webEntry = body.publications.find((row) => row.id === rows.web)!
      expect(webEntry.wentLiveAt).toBeTruthy()
      expect(webEntry.removedAt).toBeTruthy()
      expect(webEntry.removedBy).toMatch(/consent revoked/)
      expect(body.publications.find((row) => row.id === rows.insta)!.stillLive).toBe(true)
      expect(body.manualTasks.map((task) => task.done)).toEqual([false, false])
      expect(JSON.stringify(body)).not.toMatch(/Maria Gonzalez|1971-05-04/)
    })

    it("serves a patient's photo to the public only while it is published with consent", async () => {
      const consent = await activeConsent(app, formId)
      const scan = await pngBytes()
      const photo = (await app.payload.create({
        collection: slugs.media,
        data: {
          alt: 'Maria in the garden',
          showsPatient: true,
          consentRecords: [consent.id],
        } as never,
        file: {
          data: scan,
          mimetype: 'image/png',
          name: `maria-garden-${consent.id}.png`,
          size: scan.length,
        },
        overrideAccess: true,
      })) as unknown as { filename: string }
      const storyDoc = await publishedStory(app, consent.id, {
        slug: `garden-${consent.id}`,
        photos: [(photo as unknown as { id: number }).id],
      })
      const file = () => app.rest('GET', `/${slugs.media}/file/${photo.filename}`)
      expect((await file()).status).toBe(403)
      await scheduledPublication(app, {
        collection: slugs.patientStories,
        document: storyDoc.id,
        account: accounts.web,
        dueAt: new Date(Date.now() - 1000),
      })
      await testWorker(app).runOnce()
      expect((await file()).status).toBe(200)
      await app.rest('PATCH', `/${slugs.consentRecords}/${consent.id}`, {
        token: tokens['consent-officer'].token!,
        body: { revocation: { receivedAt: new Date().toISOString(), method: 'email' } },
      })
      expect((await file()).status).toBe(403)
    })

    it('lets the owner tick a manual takedown done (and undo it), and keeps it from others', async () => {
      const { consent } = await storyEverywhere()
      await app.rest('PATCH', `/${slugs.consentRecords}/${consent.id}`, {
        token: tokens.admin.token!,
        body: { revocation: { receivedAt: new Date().toISOString(), method: 'email' } },
      })
      const { docs } = await app.payload.find({
        collection: slugs.consentTasks,
        where: {
          and: [{ consentRecord: { equals: consent.id } }, { place: { like: 'instagram' } }],
        },
      })
      const task = docs[0] as { id: number }
      // The story's publications were created by the fixture (no author), so the admin who recorded the revocation owns it.
      const done = await app.rest('PATCH', `/${slugs.consentTasks}/${task.id}`, {
        token: tokens.admin.token!,
        body: { done: true },
      })
      expect(done.status).toBe(200)
      const ticked = (await app.payload.findByID({
        collection: slugs.consentTasks,
        id: task.id,
        depth: 0,
      })) as { done: boolean; doneAt: string; doneBy: number }
      expect(ticked).toMatchObject({ done: true, doneBy: (await userByRole(app, 'admin')).id })
      await app.rest('PATCH', `/${slugs.consentTasks}/${task.id}`, {
        token: tokens.admin.token!,
        body: { done: false },
      })
      expect(
        (
          (await app.payload.findByID({
            collection: slugs.consentTasks,
            id: task.id,
            depth: 0,
          })) as { doneAt: string | null }
        ).doneAt,
      ).toBeNull()
      const marketer = (await (
        await app.rest('GET', `/${slugs.consentTasks}`, { token: tokens.marketer.token! })
      ).json()) as { docs: unknown[] }
      expect(marketer.docs).toEqual([])
    })

    it('changes nothing when a step of the takedown fails: the revocation is not recorded either', async () => {
      const { consent, rows } = await storyEverywhere()
      const key = String((await publication(app, rows.web)).remoteId)
      await pool.query(
        `CREATE OR REPLACE FUNCTION refuse_task() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'task store unavailable'; END $$ LANGUAGE plpgsql`,
      )
      await pool.query(
        'CREATE TRIGGER refuse_task BEFORE INSERT ON consent_tasks FOR EACH ROW EXECUTE FUNCTION refuse_task()',
      )
      try {
        const response = await app.rest('PATCH', `/${slugs.consentRecords}/${consent.id}`, {
          token: tokens['consent-officer'].token!,
          body: { revocation: { receivedAt: new Date().toISOString(), method: 'email' } },
        })
        expect(response.status).toBeGreaterThanOrEqual(400)
        expect(await response.text()).not.toMatch(LEAK)
      } finally {
        await pool.query('DROP TRIGGER refuse_task ON consent_tasks')
      }
      const record = (await app.payload.findByID({
        collection: slugs.consentRecords,
        id: consent.id,
        overrideAccess: true,
        context: { audit: false },
      })) as { status: string }
      expect(record.status).toBe('active')
      expect(await projection(key)).toBeGreaterThan(0)
      expect((await publication(app, rows.pending)).state).toBe('scheduled')
      expect((await publication(app, rows.web)).state).toBe('published')
    })

    it('can be recorded only by a consent officer or an admin', async () => {
      const consent = await activeConsent(app, formId)
      for (const role of ['marketer', 'approver'] as const) {
        const response = await app.rest('PATCH', `/${slugs.consentRecords}/${consent.id}`, {
          token: tokens[role].token!,
          body: { revocation: { receivedAt: new Date().toISOString(), method: 'email' } },
        })
        expect(response.status).toBe(403)
      }
      expect(
        (
          await app.rest('GET', `/${slugs.consentRecords}/${consent.id}/takedown-report`, {
            token: tokens.marketer.token!,
          })
        ).status,
      ).toBe(403)
      const record = (await app.payload.findByID({
        collection: slugs.consentRecords,
        id: consent.id,
        overrideAccess: true,
        context: { audit: false },
      })) as { status: string }
      expect(record.status).toBe('active')
    })

    it('cannot be undone', async () => {
      const consent = await activeConsent(app, formId)
      await app.rest('PATCH', `/${slugs.consentRecords}/${consent.id}`, {
        token: tokens.admin.token!,
        body: { revocation: { receivedAt: new Date().toISOString(), method: 'email' } },
      })
      await expectCleanError(
        await app.rest('PATCH', `/${slugs.consentRecords}/${consent.id}`, {
          token: tokens.admin.token!,
          body: { revocation: { receivedAt: null } },
        }),
        { status: 400, field: 'revocation.receivedAt', problem: /cannot be undone/ },
      )
    })
  })
})
