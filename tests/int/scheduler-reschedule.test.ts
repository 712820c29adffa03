import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../src/slugs'
import { activeConsent, publishedStory, signedForm } from '../support/consentFixtures'
import { credentialsFor, userIdFor } from '../support/credentials'
import { expectCleanError } from '../support/expectCleanError'
import {
  channelAccount,
  publication,
  publishedCampaign,
  scheduledPublication,
  TEST_SECRETS_KEY,
} from '../support/schedulerFixtures'
import { startTestApp, type TestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

/**
 * A post dragged on the calendar (`POST /publications/:id/reschedule`): the new time is a wall
 * clock in the post's own zone; the guards answer before anything is written; an approved post
 * goes back for approval. And the calendar's campaign filter.
 */
describe('rescheduling from the calendar, and the campaign filter', () => {
  let app: TestApp
  let tokens: Awaited<ReturnType<typeof credentialsFor>>
  let web: number | string
  let campaignA: number | string
  let campaignB: number | string

  beforeAll(async () => {
    app = await startTestApp('reschedule')
    tokens = await credentialsFor(app)
    web = (await channelAccount(app, { channel: 'web' })).id
    campaignA = (await publishedCampaign(app, 'Stroke awareness')).id
    campaignB = (await publishedCampaign(app, 'Flu season')).id
  })
  afterAll(async () => app?.close())

  const reschedule = (id: number | string, body: unknown, token = tokens.marketer.token!) =>
    app.rest('POST', `/${slugs.publications}/${id}/reschedule`, { token, body })

  it('moves an approved post to a wall-clock time in its own zone, and sends it back for approval', async () => {
    const post = await scheduledPublication(app, {
      document: campaignA,
      account: web,
      dueAt: new Date('2027-04-05T13:00:00Z'),
      createdBy: await userIdFor(app, 'marketer'),
    })
    const response = await reschedule(post.id, { at: '2027-04-08T09:30' })
    const body = (await response.json()) as { message: string }
    expect(response.status, JSON.stringify(body)).toBe(200)
    expect(body.message).toBe(
      'Moved to 2027-04-08 09:30 (America/New_York). It was approved for the old time, so it needs approval again.',
    )
    // 09:30 in New York on daylight time is 13:30 UTC, whatever the server's or browser's zone.
    expect(await publication(app, post.id)).toMatchObject({
      dueAt: '2027-04-08T13:30:00.000Z',
      state: 'awaiting-approval',
    })
  })

  it('refuses a bad time, a past time and a post already out, naming the field, and writes nothing', async () => {
    const post = await scheduledPublication(app, {
      document: campaignA,
      account: web,
      dueAt: new Date('2027-04-05T13:00:00Z'),
    })
    await expectCleanError(await reschedule(post.id, { at: 'next tuesday' }), {
      status: 400,
      field: 'at',
      problem: /not a date and time/,
    })
    await expectCleanError(await reschedule(post.id, { at: '2020-01-01T09:00' }), {
      status: 400,
      field: 'at',
      problem: /already passed/,
    })
    expect(await publication(app, post.id)).toMatchObject({
      dueAt: '2027-04-05T13:00:00.000Z',
      state: 'scheduled',
    })
    await app.payload.update({
      collection: slugs.publications,
      id: post.id,
      data: { state: 'published' } as never,
      context: { schedulerInternal: true },
    })
    await expectCleanError(await reschedule(post.id, { at: '2027-04-09T09:00' }), {
      status: 400,
      field: 'state',
      problem: /can't be moved/,
    })
    expect((await reschedule(post.id, { at: '2027-04-09T09:00' }, '')).status).toBe(401)
  })

  it("refuses a move past the consent's end with the consent gate's reason, before writing", async () => {
    const consent = await activeConsent(app, (await signedForm(app)).id, {
      expiry: { expiresOn: '2027-04-06' },
    })
    const story = await publishedStory(app, consent.id)
    const post = await scheduledPublication(app, {
      document: story.id,
      collection: slugs.patientStories,
      account: web,
      dueAt: new Date('2027-04-05T13:00:00Z'),
    })
    await expectCleanError(await reschedule(post.id, { at: '2027-04-08T09:00' }), {
      status: 400,
      field: 'dueAt',
      problem: /expires on .*or get a renewed consent/,
    })
    expect(await publication(app, post.id)).toMatchObject({
      dueAt: '2027-04-05T13:00:00.000Z',
      state: 'scheduled',
    })
  })

  it("filters the calendar by campaign: the campaign's own posts and its documents'", async () => {
    const story = await publishedStory(
      app,
      (await activeConsent(app, (await signedForm(app)).id)).id,
      { campaigns: [campaignB] },
    )
    const dueAt = new Date('2027-06-02T13:00:00Z')
    const own = await scheduledPublication(app, { document: campaignB, account: web, dueAt })
    const ofStory = await scheduledPublication(app, {
      document: story.id,
      collection: slugs.patientStories,
      account: web,
      dueAt,
    })
    await scheduledPublication(app, { document: campaignA, account: web, dueAt })
    const calendar = async (query: string) => {
      const response = await app.rest(
        'GET',
        `/${slugs.publications}/calendar?from=2027-06-01&to=2027-06-30&${query}`,
        { token: tokens.marketer.token! },
      )
      return response
    }
    const items = (
      (await (await calendar(`campaign=${campaignB}`)).json()) as {
        items: { id: number }[]
      }
    ).items
    expect(items.map((item) => item.id).sort()).toEqual([own.id, ofStory.id].sort())
    await expectCleanError(await calendar('campaign=stroke'), {
      status: 400,
      field: 'campaign',
      problem: /not a campaign id/,
    })
  })

  it('answers what the gate would say before a post is sent for approval, and writes nothing', async () => {
    const consent = await activeConsent(app, (await signedForm(app)).id, {
      expiry: { expiresOn: '2027-04-06' },
    })
    const story = await publishedStory(app, consent.id)
    const late = await scheduledPublication(app, {
      document: story.id,
      collection: slugs.patientStories,
      account: web,
      dueAt: new Date('2027-04-09T13:00:00Z'),
    })
    const fine = await scheduledPublication(app, {
      document: campaignA,
      account: web,
      dueAt: new Date('2027-04-09T13:00:00Z'),
    })
    const gate = async (id: number | string, token = tokens.marketer.token!) =>
      app.rest('GET', `/${slugs.publications}/${id}/gate`, { token })
    const refused = (await (await gate(late.id)).json()) as { ok: boolean; message: string }
    expect(refused.ok).toBe(false)
    expect(refused.message).toMatch(/expires on .*or get a renewed consent/)
    expect(await (await gate(fine.id)).json()).toEqual({
      ok: true,
      message: 'Nothing stands in the way: it can be sent for approval.',
    })
    expect((await gate(fine.id, '')).status).toBe(401)
    expect(await publication(app, late.id)).toMatchObject({ state: 'scheduled' })
  })
})
