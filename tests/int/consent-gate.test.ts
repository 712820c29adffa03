import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../src/slugs'
import { activeConsent, publishedStory } from '../support/consentFixtures'
import { expectCleanError } from '../support/expectCleanError'
import { pngBytes } from '../support/fixtures'
import { publication, publishedCampaign, testWorker } from '../support/schedulerFixtures'
import { type ConsentWorld, startConsentWorld } from '../support/consentWorld'
import type { TestApp } from '../support/testPayload'

const DAY = 86_400_000

describe('consent enforcement: the gate', () => {
  let app: TestApp
  let formId: number | string
  let receiver: ConsentWorld['receiver']
  let accounts: ConsentWorld['accounts']
  let approve: ConsentWorld['approve']
  let story: ConsentWorld['story']
  let world: ConsentWorld

  beforeAll(async () => {
    world = await startConsentWorld('consent_gate')
    ;({ app, formId, receiver, accounts, approve, story } = world)
  })
  afterAll(async () => world?.close())

  describe('the gate at approval', () => {
    it('approves a story its consent covers, and remembers which consent it relies on', async () => {
      const consent = await activeConsent(app, formId)
      const { id, response } = await approve(
        story((await publishedStory(app, consent.id)).id),
        accounts.web,
      )
      expect(response.status, await response.clone().text()).toBe(200)
      const row = await app.payload.findByID({ collection: slugs.publications, id, depth: 0 })
      expect((row as { reliesOnConsent: number[] }).reliesOnConsent).toEqual([consent.id])
    })

    it('refuses a channel the consent does not allow, naming the record, the rule and the field, and saves nothing', async () => {
      const consent = await activeConsent(app, formId)
      const { id, response } = await approve(
        story((await publishedStory(app, consent.id)).id),
        accounts.x,
      )
      await expectCleanError(response, {
        status: 400,
        field: 'channelAccount',
        problem: new RegExp(`consent record ${consent.reference} .*does not allow the x channel`),
      })
      const row = await publication(app, id)
      expect(row.state).toBe('awaiting-approval')
      expect(row.approvedBy).toBeFalsy()
    })

    it('refuses a use the content makes that the consent does not allow (a full name needs "name")', async () => {
      const consent = await activeConsent(app, formId, { usesAllowed: ['likeness', 'diagnosis'] })
      const { response } = await approve(
        story(
          (
            await publishedStory(app, consent.id, {
              displayNamePolicy: 'full-name',
              displayName: 'Maria Gonzalez',
            })
          ).id,
        ),
        accounts.web,
      )
      await expectCleanError(response, {
        status: 400,
        field: 'document',
        problem: /does not allow "name", which the content uses/,
      })
    })

    it('refuses a live window past the expiry, naming the date', async () => {
      const consent = await activeConsent(app, formId, {
        expiry: { expiresOn: new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10) },
      })
      const unpublishAt = new Date(Date.now() + 40 * DAY).toISOString()
      const { response } = await approve(
        story((await publishedStory(app, consent.id)).id),
        accounts.web,
        { unpublishAt },
      )
      await expectCleanError(response, {
        status: 400,
        field: 'unpublishAt',
        problem: new RegExp(
          `expires on ${new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10)}, but the content would be live until`,
        ),
      })
    })

    it("refuses when the story's campaign runs past the expiry", async () => {
      const consent = await activeConsent(app, formId, {
        expiry: { expiresOn: new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10) },
      })
      const campaign = await publishedCampaign(app) // ends in 30 days
      const { response } = await approve(
        story((await publishedStory(app, consent.id, { campaigns: [campaign.id] })).id),
        accounts.web,
      )
      await expectCleanError(response, {
        status: 400,
        field: 'dueAt',
        problem: /the campaign's end/,
      })
    })

    it('refuses a purpose the consent does not allow', async () => {
      const consent = await activeConsent(app, formId, { purposes: ['fundraising'] })
      const { response } = await approve(
        story((await publishedStory(app, consent.id)).id),
        accounts.web,
      )
      await expectCleanError(response, {
        status: 400,
        field: 'document',
        problem: /does not allow the purpose "patient-story"/,
      })
    })

    it("refuses a guardian's consent past the patient's 18th birthday", async () => {
      const dob = new Date(Date.now() - 17.5 * 365 * DAY)
      const consent = await activeConsent(app, formId, {
        signer: { type: 'parent-guardian', name: 'Ana Gonzalez', authority: 'Mother of a minor' },
        person: { legalName: 'Lucia Gonzalez', dateOfBirth: dob.toISOString().slice(0, 10) },
      })
      const { response } = await approve(
        story((await publishedStory(app, consent.id)).id),
        accounts.web,
        { unpublishAt: new Date(Date.now() + 365 * DAY).toISOString() },
      )
      await expectCleanError(response, {
        status: 400,
        field: 'unpublishAt',
        problem: /parent or guardian, whose authority ends when the patient turns 18/,
      })
    })

    it('refuses an incomplete consent, saying what is missing', async () => {
      const consent = await activeConsent(app, formId, {
        signature: { signedAt: '2026-02-01', method: 'wet-ink' },
      })
      const { response } = await approve(
        story((await publishedStory(app, consent.id)).id),
        accounts.web,
      )
      await expectCleanError(response, {
        status: 400,
        field: 'document',
        problem: /is incomplete \(missing: the signed form\)/,
      })
    })

    it('refuses a campaign whose hero image shows a patient with no consent linked', async () => {
      const scan = await pngBytes()
      const image = await app.payload.create({
        collection: slugs.media,
        data: { alt: 'Maria at home', showsPatient: true } as never,
        file: { data: scan, mimetype: 'image/png', name: 'maria.png', size: scan.length },
        overrideAccess: true,
      })
      const campaign = await app.payload.create({
        collection: slugs.campaigns,
        data: {
          title: 'Heart',
          startsAt: new Date().toISOString(),
          endsAt: new Date(Date.now() + DAY).toISOString(),
          timeZone: 'America/New_York',
          heroImage: image.id,
          _status: 'published',
        } as never,
      })
      const { response } = await approve(
        { relationTo: slugs.campaigns, value: campaign.id },
        accounts.web,
      )
      await expectCleanError(response, {
        status: 400,
        field: 'document',
        problem: /photo "Maria at home" shows a patient but no consent record is linked/,
      })
    })

    it('refuses a video on YouTube without captions in its language', async () => {
      const video = await app.payload.create({
        collection: slugs.videoAssets,
        data: {
          title: 'Cardiac rehab',
          externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        } as never,
      })
      const { response } = await approve(
        { relationTo: slugs.videoAssets, value: video.id },
        accounts.youtube,
        { title: 'Cardiac rehab', media: [{ relationTo: slugs.videoAssets, value: video.id }] },
      )
      await expectCleanError(response, {
        status: 400,
        field: 'media',
        problem: /video "Cardiac rehab" has no captions in en/,
      })
    })
  })

  it('runs the gate again at dispatch: a consent narrowed after approval cancels the post with the reason', async () => {
    const consent = await activeConsent(app, formId)
    const { id, response } = await approve(
      story((await publishedStory(app, consent.id)).id),
      accounts.webhook,
    )
    expect(response.status).toBe(200)
    await app.payload.update({
      collection: slugs.consentRecords,
      id: consent.id,
      data: { channelsAllowed: ['facebook'] } as never,
      overrideAccess: true,
      context: { audit: false },
    })
    await app.payload.update({
      collection: slugs.publications,
      id,
      data: { dueAt: new Date(Date.now() - 1000).toISOString() } as never,
      context: { schedulerInternal: true },
    })
    const before = receiver.deliveries.length
    await testWorker(app).runOnce()
    const row = await publication(app, id)
    expect(row.state).toBe('cancelled')
    expect(row.cancelReason).toMatch(/does not allow the web channel/)
    expect(receiver.deliveries.length).toBe(before)
  })
})
