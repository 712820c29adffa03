import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { consentConfigOf, runConsentSweep } from '../../plugins/consent'
import { slugs } from '../../src/slugs'
import { activeConsent, publishedStory } from '../support/consentFixtures'
import { type ConsentWorld, startConsentWorld } from '../support/consentWorld'
import { publication, scheduledPublication, testWorker } from '../support/schedulerFixtures'
import type { TestApp } from '../support/testPayload'

const DAY = 86_400_000

/** The expiry sweep: a consent's last day passing takes down what relies on it. */
describe('consent enforcement: revocation and expiry', () => {
  let app: TestApp
  let formId: number | string
  let accounts: ConsentWorld['accounts']
  let projection: ConsentWorld['projection']
  let world: ConsentWorld

  beforeAll(async () => {
    world = await startConsentWorld('consent_expiry')
    ;({ app, formId, accounts, projection } = world)
  })
  afterAll(async () => world?.close())

  describe('expiry sweep (fake clock)', () => {
    it('takes down what relies on a consent once its last day has passed, exactly once', async () => {
      const expiresOn = new Date(Date.now() + 5 * DAY).toISOString().slice(0, 10)
      const consent = await activeConsent(app, formId, { expiry: { expiresOn } })
      const storyDoc = await publishedStory(app, consent.id, { slug: `expiring-${consent.id}` })
      const live = await scheduledPublication(app, {
        collection: slugs.patientStories,
        document: storyDoc.id,
        account: accounts.web,
        dueAt: new Date(Date.now() - 1000),
      })
      await testWorker(app).runOnce()
      const key = String((await publication(app, live.id)).remoteId)
      const pending = await scheduledPublication(app, {
        collection: slugs.patientStories,
        document: storyDoc.id,
        account: accounts.webhook,
        dueAt: new Date(Date.now() + 4 * DAY),
      })
      const config = consentConfigOf(app.payload)

      // Still its last day: nothing happens.
      await runConsentSweep(app.payload, config, new Date(`${expiresOn}T23:59:00Z`))
      expect(await projection(key)).toBeGreaterThan(0)
      const after = new Date(new Date(`${expiresOn}T00:00:00Z`).getTime() + DAY + 60_000)
      await runConsentSweep(app.payload, config, after)
      expect(await projection(key)).toBe(0)
      expect((await publication(app, pending.id)).state).toBe('cancelled')
      expect((await publication(app, pending.id)).cancelReason).toBe(
        `consent expired (${consent.reference})`,
      )
      const record = (await app.payload.findByID({
        collection: slugs.consentRecords,
        id: consent.id,
        overrideAccess: true,
        context: { audit: false },
      })) as { takedownDoneAt: string | null }
      expect(record.takedownDoneAt).toBeTruthy()
      const tasks = async () =>
        (
          await app.payload.find({
            collection: slugs.consentTasks,
            where: {
              and: [{ consentRecord: { equals: consent.id } }, { kind: { equals: 'takedown' } }],
            },
          })
        ).totalDocs
      const first = await tasks()
      await runConsentSweep(app.payload, config, new Date(after.getTime() + 60_000))
      expect(await tasks()).toBe(first)
    })

    it('warns the consent officers 30 days ahead when content still relies on the consent, once', async () => {
      const expiresOn = new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10)
      const consent = await activeConsent(app, formId, { expiry: { expiresOn } })
      const unused = await activeConsent(app, formId, { expiry: { expiresOn } })
      const storyDoc = await publishedStory(app, consent.id)
      await scheduledPublication(app, {
        collection: slugs.patientStories,
        document: storyDoc.id,
        account: accounts.webhook,
        dueAt: new Date(Date.now() + 2 * DAY),
      })
      const config = consentConfigOf(app.payload)
      await runConsentSweep(app.payload, config, new Date())
      await runConsentSweep(app.payload, config, new Date())
      const renewals = async (id: number | string) =>
        (
          await app.payload.find({
            collection: slugs.consentTasks,
            where: { and: [{ consentRecord: { equals: id } }, { kind: { equals: 'renewal' } }] },
          })
        ).docs
      const warned = await renewals(consent.id)
      expect(warned).toHaveLength(1)
      expect((warned[0] as { instructions: string }).instructions).toMatch(
        new RegExp(`expires on ${expiresOn}, and 1 live or scheduled publication`),
      )
      expect(await renewals(unused.id)).toHaveLength(0)
    })
  })
})
