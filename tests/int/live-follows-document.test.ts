import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lexicalFromParagraphs } from '../../src/lib/lexicalPlainText'
import { slugs } from '../../src/slugs'
import { activeConsent, publishedStory, signedForm } from '../support/consentFixtures'
import { credentialsFor } from '../support/credentials'
import { pngBytes } from '../support/fixtures'
import { startWebhookReceiver, type WebhookReceiver } from '../support/networks/webhookReceiver'
import {
  channelAccount,
  publication,
  publishedCampaign,
  scheduledPublication,
  TEST_SECRETS_KEY,
  testWorker,
} from '../support/schedulerFixtures'
import { startTestApp, type TestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

type Related = { stories: { slug: string }[]; videos: unknown[]; events: unknown[] }

/** Live web content follows its document; a revocation takes down only what relies on the consent. */
describe('live content follows its document and its consent', () => {
  let app: TestApp
  let pool: Pool
  let formId: number | string
  let receiver: WebhookReceiver
  let tokens: Awaited<ReturnType<typeof credentialsFor>>
  let web: number | string
  let hook: number | string

  const item = async (key: string) => {
    const { rows } = await pool.query(
      `SELECT data FROM delivery_items WHERE key = $1 AND language = 'en'`,
      [key],
    )
    return rows[0]?.data as
      (Record<string, unknown> & { title: string; related?: Related }) | undefined
  }
  const live = async (collection: string, document: number | string, account: number | string) => {
    const row = await scheduledPublication(app, {
      collection,
      document,
      account,
      dueAt: new Date(Date.now() - 1000),
    })
    await testWorker(app).runOnce()
    expect((await publication(app, row.id)).state).toBe('published')
    return row.id
  }
  const revoke = async (consentId: number | string) => {
    const response = await app.rest('PATCH', `/${slugs.consentRecords}/${consentId}`, {
      token: tokens['consent-officer'].token!,
      body: { revocation: { receivedAt: new Date().toISOString(), method: 'written-letter' } },
    })
    expect(response.status, await response.clone().text()).toBe(200)
  }

  beforeAll(async () => {
    app = await startTestApp('follows')
    pool = (app.payload.db as unknown as { pool: Pool }).pool
    tokens = await credentialsFor(app)
    formId = (await signedForm(app)).id
    receiver = await startWebhookReceiver()
    web = (await channelAccount(app, { channel: 'web' })).id
    hook = (
      await channelAccount(app, { channel: 'webhook', url: receiver.url, secret: receiver.secret })
    ).id
  })
  afterAll(async () => {
    await receiver?.close()
    await app?.close()
  })

  it('sends an edit of a live story to the web again, and marks its social posts as live with an older copy', async () => {
    const consent = await activeConsent(app, formId)
    const story = await publishedStory(app, consent.id, { slug: `edit-${consent.id}` })
    const webRow = await live(slugs.patientStories, story.id, web)
    const hookRow = await live(slugs.patientStories, story.id, hook)
    const key = String((await publication(app, webRow)).remoteId)

    await app.payload.update({
      collection: slugs.patientStories,
      id: story.id,
      data: { title: 'Maria walks again', _status: 'published' } as never,
    })
    // A draft saved on top of the published story changes nothing that is live.
    await app.payload.update({
      collection: slugs.patientStories,
      id: story.id,
      data: { title: 'Maria (draft, not approved yet)' } as never,
      draft: true,
    })
    expect((await publication(app, hookRow)).documentChangedAt).toBeTruthy()
    await testWorker(app).runOnce()

    expect((await item(key))?.title).toBe('Maria walks again')
    const row = await publication(app, webRow)
    expect(row.state).toBe('published')
    expect(row.refreshRequestedAt).toBeFalsy()
    expect((await publication(app, hookRow)).state).toBe('published')
  })

  it('refuses to publish an edit that makes the story use what its consent does not allow; the web copy stays as it was', async () => {
    const consent = await activeConsent(app, formId, { usesAllowed: ['name', 'likeness'] })
    const story = await publishedStory(app, consent.id, { slug: `diagnosis-${consent.id}` })
    const webRow = await live(slugs.patientStories, story.id, web)
    const key = String((await publication(app, webRow)).remoteId)
    const serviceLine = await app.payload.create({
      collection: slugs.serviceLines,
      data: {
        name: 'Cardiology',
        slug: `cardiology-${consent.id}`,
        terms: [{ term: 'heart failure' }],
      } as never,
    })
    // The story would now name a diagnosis: Payload refuses to publish it (issue 17).
    await expect(
      app.payload.update({
        collection: slugs.patientStories,
        id: story.id,
        data: {
          serviceLines: [serviceLine.id],
          narrative: lexicalFromParagraphs(['Maria has lived with heart failure since 2019.']),
          _status: 'published',
        } as never,
      }),
    ).rejects.toThrow(/consentRecord: .* does not allow "diagnosis", which the story uses/)
    await testWorker(app).runOnce()
    expect((await publication(app, webRow)).state).toBe('published')
    expect(await item(key)).toBeTruthy()
  })

  it("takes the web copy down when an edit keeps the story live past its consent's end", async () => {
    const expiresOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)
    const consent = await activeConsent(app, formId, { expiry: { expiresOn } })
    const story = await publishedStory(app, consent.id, { slug: `past-end-${consent.id}` })
    const webRow = await live(slugs.patientStories, story.id, web)
    const key = String((await publication(app, webRow)).remoteId)
    expect(await item(key)).toBeTruthy()

    // The story joins a campaign that runs 30 days: past the consent's last day. Payload publishes
    // the edit (the consent is in force today); the gate, which looks at how long it stays up, does not.
    const campaign = await publishedCampaign(app)
    await app.payload.update({
      collection: slugs.patientStories,
      id: story.id,
      data: { campaigns: [campaign.id], _status: 'published' } as never,
    })
    await testWorker(app).runOnce()

    const row = await publication(app, webRow)
    expect(row.state).toBe('retracted')
    expect(String(row.cancelReason)).toMatch(new RegExp(`expires on ${expiresOn}`))
    expect(await item(key)).toBeUndefined()

    // A consent officer gets one review task on the consent the gate named, and is told.
    const tasks = await app.payload.find({
      collection: slugs.consentTasks,
      where: { publication: { equals: webRow } },
      depth: 0,
    })
    expect(tasks.docs).toHaveLength(1)
    const task = tasks.docs[0] as unknown as Record<string, unknown>
    expect(task.kind).toBe('review')
    expect(task.consentRecord).toBe(consent.id)
    expect(String(task.instructions)).toMatch(new RegExp(`expires on ${expiresOn}`))
    const notices = await app.payload.find({
      collection: slugs.notifications,
      where: { kind: { equals: 'consent-task.review' } },
      depth: 0,
    })
    expect(notices.docs.length).toBeGreaterThan(0)
    for (const notice of notices.docs)
      expect(JSON.stringify(notice)).not.toMatch(/heart failure|Maria/)
    const audit = await app.payload.find({
      collection: slugs.auditEvents,
      where: {
        and: [{ action: { equals: 'takedown' } }, { documentId: { equals: String(webRow) } }],
      },
      depth: 0,
    })
    expect(audit.docs).toHaveLength(1)
  })

  it('retracts the web copy, and every embed of it, when the document is unpublished or deleted', async () => {
    const consent = await activeConsent(app, formId)
    const story = await publishedStory(app, consent.id, { slug: `unpublish-${consent.id}` })
    const storyRow = await live(slugs.patientStories, story.id, web)
    const campaign = await publishedCampaign(app)
    await app.payload.update({
      collection: slugs.campaigns,
      id: campaign.id,
      data: { relatedStories: [story.id], _status: 'published' } as never,
    })
    const campaignRow = await live(slugs.campaigns, campaign.id, web)
    const campaignKey = String((await publication(app, campaignRow)).remoteId)
    expect((await item(campaignKey))?.related?.stories.map((s) => s.slug)).toEqual([
      `unpublish-${consent.id}`,
    ])

    await app.payload.update({
      collection: slugs.patientStories,
      id: story.id,
      data: { _status: 'draft' } as never,
    })
    expect((await publication(app, storyRow)).state).toBe('retracting')
    await testWorker(app).runOnce()
    expect((await publication(app, storyRow)).state).toBe('retracted')
    expect(await item(String((await publication(app, storyRow)).remoteId))).toBeUndefined()
    expect((await item(campaignKey))?.related?.stories).toEqual([])

    await app.payload.delete({ collection: slugs.campaigns, id: campaign.id })
    expect((await publication(app, campaignRow)).state).toBe('retracting')
    await testWorker(app).runOnce()
    expect(await item(campaignKey)).toBeUndefined()
  })

  it('leaves a campaign that embeds a revoked story up, without the story; its posts whose own media rely on the consent come down', async () => {
    const consent = await activeConsent(app, formId)
    const story = await publishedStory(app, consent.id, { slug: `embedded-${consent.id}` })
    await live(slugs.patientStories, story.id, web)
    const campaign = await publishedCampaign(app)
    await app.payload.update({
      collection: slugs.campaigns,
      id: campaign.id,
      data: { relatedStories: [story.id], _status: 'published' } as never,
    })
    const campaignWeb = await live(slugs.campaigns, campaign.id, web)
    const campaignPost = await live(slugs.campaigns, campaign.id, hook)
    // A campaign post whose own attached photo shows this patient relies on the consent itself.
    const scan = await pngBytes()
    const photo = await app.payload.create({
      collection: slugs.media,
      data: { alt: 'Maria at home', showsPatient: true, consentRecords: [consent.id] } as never,
      file: {
        data: scan,
        mimetype: 'image/png',
        name: `maria-${consent.id}.png`,
        size: scan.length,
      },
      overrideAccess: true,
    })
    const photoPost = await scheduledPublication(app, {
      collection: slugs.campaigns,
      document: campaign.id,
      account: hook,
      dueAt: new Date(Date.now() - 500),
      media: [{ relationTo: slugs.media, value: photo.id }],
    })
    await testWorker(app).runOnce()
    expect((await publication(app, photoPost.id)).state).toBe('published')
    const campaignKey = String((await publication(app, campaignWeb)).remoteId)

    await revoke(consent.id)

    expect((await publication(app, campaignWeb)).state).toBe('published')
    expect((await publication(app, campaignPost)).state).toBe('published')
    expect((await publication(app, photoPost.id)).state).toBe('retracting')
    const campaignItem = await item(campaignKey)
    expect(campaignItem?.title).toBe(campaign.title)
    expect(campaignItem?.related?.stories).toEqual([])
  })
})
