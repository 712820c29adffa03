import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import ICAL from 'ical.js'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createDeliveryHandler } from '../../plugins/delivery'
import { localization } from '../../src/localization'
import {
  CampaignItem,
  EventItem,
  ListResponse,
  StoryItem,
  VideoItem,
  itemSchemas,
} from '../../plugins/delivery/schemas/items'
import { occurrencesBetween } from '../../plugins/calendar'
import { seedDemoContent } from '../../seed/content'
import { seedDemoUsers } from '../../seed/demoUsers'
import { lexicalFromParagraphs } from '../../src/lib/lexicalPlainText'
import { slugs } from '../../src/slugs'
import {
  channelAccount,
  publication,
  scheduledPublication,
  TEST_SECRETS_KEY,
  testWorker,
} from '../support/schedulerFixtures'
import { startTestApp, type TestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

type Doc = Record<string, unknown> & { id: number; slug: string }
const TYPES = ['campaigns', 'stories', 'events', 'videos'] as const
const COLLECTION = {
  campaigns: slugs.campaigns,
  stories: slugs.patientStories,
  events: slugs.communityEvents,
  videos: slugs.videoAssets,
}

/** Keys no delivery response may carry anywhere: consent, patient and staff fields. */
const PRIVATE_KEYS = [
  'consentRecord',
  'consentRecords',
  'consentUsesNeeded',
  'showsPatient',
  'patientAge',
  'patientHometown',
  'patientVoiceHeard',
  'owner',
  'budget',
  'kpis',
  'audienceSegments',
  'utm',
  'email',
  'legalName',
  'dateOfBirth',
  'createdBy',
  'recordedBy',
  'displayNamePolicy',
  'person',
  'signer',
  'signature',
]

describe('delivery API', () => {
  let app: TestApp
  let pool: Pool
  let handler: (request: Request) => Promise<Response>
  let webId: number | string
  let assetsDir: string
  const live = new Map<string, Doc>()
  const publicationOf = new Map<string, number | string>()

  const get = (pathAndQuery: string, headers: Record<string, string> = {}) =>
    handler(new Request(`http://localhost/delivery/v1${pathAndQuery}`, { headers }))
  const json = async <T = Record<string, unknown>>(pathAndQuery: string) => {
    const response = await get(pathAndQuery)
    const text = await response.text()
    expect(response.status, `${pathAndQuery}: ${text}`).toBe(200)
    return JSON.parse(text) as T
  }
  const publish = async (
    type: keyof typeof COLLECTION,
    doc: Doc,
    state: 'run' | 'queue' = 'run',
  ) => {
    const row = await scheduledPublication(app, {
      collection: COLLECTION[type],
      document: doc.id,
      account: webId,
      dueAt: new Date(Date.now() - 1000),
    })
    publicationOf.set(`${type}/${doc.slug}`, row.id)
    if (state === 'run') await testWorker(app).runOnce()
    return row
  }
  const find = async (collection: string, where: Record<string, unknown> = {}) =>
    (
      await app.payload.find({
        collection: collection as never,
        where: where as never,
        limit: 100,
        depth: 0,
        overrideAccess: true,
      })
    ).docs as unknown as Doc[]

  /** A consent record in force, copied from a seeded one (a new reference), so a test may revoke its own. */
  const activeConsent = async () => {
    // One that allows showing a first name on the web, as the stories below do (the consent gate checks every use).
    const [seeded] = (
      await app.payload.find({
        collection: slugs.consentRecords,
        where: {
          and: [
            { status: { equals: 'active' } },
            { usesAllowed: { in: ['name'] } },
            { channelsAllowed: { in: ['web'] } },
          ],
        },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs as unknown as Record<string, unknown>[]
    const { id: _id, createdAt: _c, updatedAt: _u, reference, ...data } = seeded
    return app.payload.create({
      collection: slugs.consentRecords,
      data: {
        ...data,
        reference: `${String(reference)}-${Math.random().toString(36).slice(2, 8)}`,
      } as never,
      overrideAccess: true,
    }) as unknown as Promise<Doc>
  }

  beforeAll(async () => {
    app = await startTestApp('delivery')
    pool = (app.payload.db as unknown as { pool: Pool }).pool
    handler = createDeliveryHandler({ pool, localization, onError: () => {} })
    assetsDir = await mkdtemp(path.join(tmpdir(), 'carecast-delivery-'))
    await seedDemoUsers(app.payload)
    await seedDemoContent(app.payload, { assetsDir })
    webId = (await channelAccount(app, { channel: 'web' })).id
    // Related items first, so the campaigns published last embed them.
    for (const video of await find(slugs.videoAssets)) live.set(`videos/${video.slug}`, video)
    for (const story of await find(slugs.patientStories, { _status: { equals: 'published' } }))
      live.set(`stories/${story.slug}`, story)
    for (const event of await find(slugs.communityEvents, { _status: { equals: 'published' } }))
      live.set(`events/${event.slug}`, event)
    for (const [key, doc] of live)
      await scheduledPublication(app, {
        collection: COLLECTION[key.split('/')[0] as keyof typeof COLLECTION],
        document: doc.id,
        account: webId,
        dueAt: new Date(Date.now() - 1000),
      }).then((row) => publicationOf.set(key, row.id))
    await testWorker(app).runOnce()
    const campaigns = await find(slugs.campaigns, { _status: { equals: 'published' } })
    for (const campaign of campaigns) {
      live.set(`campaigns/${campaign.slug}`, campaign)
      await scheduledPublication(app, {
        document: campaign.id,
        account: webId,
        dueAt: new Date(Date.now() - 1000),
      }).then((row) => publicationOf.set(`campaigns/${campaign.slug}`, row.id))
    }
    await testWorker(app).runOnce()
    for (const [key, id] of publicationOf)
      expect(
        (await publication(app, id)).state,
        `${key}: ${JSON.stringify((await publication(app, id)).attemptLog)}`,
      ).toBe('published')
  }, 300_000)
  afterAll(async () => {
    await app?.close()
    if (assetsDir) await rm(assetsDir, { recursive: true, force: true })
  })

  it('lists every live item of each type, page by page with the cursor, in both locales', async () => {
    for (const type of TYPES) {
      const expected = [...live.keys()]
        .filter((key) => key.startsWith(`${type}/`))
        .map((key) => key.split('/')[1])
      expect(expected.length, type).toBeGreaterThan(0)
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const page: ListResponse = ListResponse.parse(
          await json(`/${type}?limit=2${cursor ? `&cursor=${cursor}` : ''}`),
        )
        expect(page.items.length).toBeLessThanOrEqual(2)
        seen.push(...page.items.map((item) => item.slug))
        cursor = page.nextCursor
      } while (cursor)
      expect(seen.sort(), type).toEqual([...expected].sort())
    }
    const events = ListResponse.parse(await json('/events'))
    const starts = events.items.map((item) => item.startsAt!)
    expect(starts).toEqual([...starts].sort())
    const stories = ListResponse.parse(await json('/stories?locale=es'))
    const story = live.get(`stories/${stories.items[0].slug}`)!
    const spanish = (await app.payload.findByID({
      collection: slugs.patientStories,
      id: story.id,
      locale: 'es',
      depth: 0,
    })) as unknown as { title: string }
    expect(stories.items[0]).toMatchObject({ locale: 'es', title: spanish.title })
  })

  it('filters by campaign, service line, observance and date', async () => {
    const campaign = (
      await find(slugs.campaigns, { slug: { equals: 'breast-cancer-awareness-2026' } })
    )[0]
    const byCampaign = ListResponse.parse(await json(`/events?campaign=${campaign.slug}`))
    const expected = (
      await find(slugs.communityEvents, {
        campaign: { equals: campaign.id },
        _status: { equals: 'published' },
      })
    ).map((event) => event.slug)
    expect(byCampaign.items.map((item) => item.slug).sort()).toEqual(expected.sort())
    expect(expected.length).toBeGreaterThan(0)

    const line = (await find(slugs.serviceLines))[0] as Doc
    const stories = ListResponse.parse(await json(`/stories?serviceLine=${line.slug}`))
    const withLine = (
      await find(slugs.patientStories, {
        serviceLines: { contains: line.id },
        _status: { equals: 'published' },
      })
    ).map((story) => story.slug)
    expect(stories.items.map((item) => item.slug).sort()).toEqual(withLine.sort())

    const observance = (await app.payload.findByID({
      collection: slugs.healthObservances,
      id: campaign.observance as number,
      depth: 0,
    })) as unknown as Doc
    const campaigns = ListResponse.parse(await json(`/campaigns?observance=${observance.slug}`))
    expect(campaigns.items.map((item) => item.slug)).toContain(campaign.slug)

    // The weekly cooking class ends on 17 Dec 2026 (local): from the 10th it is still upcoming, from the 20th it is not.
    expect(
      ListResponse.parse(await json('/events?from=2026-12-10')).items.map((item) => item.slug),
    ).toContain('healthy-cooking-class')
    expect(
      ListResponse.parse(await json('/events?from=2026-12-20')).items.map((item) => item.slug),
    ).not.toContain('healthy-cooking-class')
  })

  it('returns one item with related items embedded, its JSON-LD and caption files', async () => {
    const video = VideoItem.parse(
      await json(
        `/videos/${[...live.keys()].find((key) => key.startsWith('videos/'))!.split('/')[1]}`,
      ),
    )
    expect(video.captions.map((track) => track.language).sort()).toEqual(['en', 'es'])
    expect(video.poster?.url).toBeTruthy()
    expect(video.jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'VideoObject',
      name: video.title,
    })
    expect((video.jsonLd.caption as unknown[]).length).toBe(2)
    expect(video.jsonLd.transcript).toBe(video.transcript)
    const track = await get(video.captions[0].src.replace('/delivery/v1', ''))
    expect(track.status).toBe(200)
    expect(track.headers.get('content-type')).toMatch(/text\/vtt/)
    expect(await track.text()).toMatch(/^WEBVTT/)

    const campaign = CampaignItem.parse(await json('/campaigns/breast-cancer-awareness-2026'))
    expect(campaign.related.videos.map((item) => item.slug)).toEqual([video.slug])
    expect(campaign.related.videos[0].captions[0].src).toBe(video.captions[0].src)
    expect(campaign.jsonLd).toMatchObject({ '@type': 'Article', headline: campaign.title })

    const storyKey = [...live.keys()].find((key) => key.startsWith('stories/'))!
    const story = StoryItem.parse(await json(`/${storyKey}`))
    expect(story.photos[0]).toMatchObject({ alt: expect.any(String) })
    expect(story.photos[0].alt.length).toBeGreaterThan(0)
    expect(Object.keys(story.photos[0].sizes)).toContain('card')
    expect(story.body.html).toContain('<p')

    const eventItem = EventItem.parse(await json('/events/healthy-cooking-class'))
    expect(eventItem.recurrence).toEqual({
      rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=8',
      exceptions: ['2026-11-27T00:00:00.000Z'],
    })
    expect(eventItem.calendarUrl).toBe('/delivery/v1/events/healthy-cooking-class.ics')
    expect(eventItem.jsonLd).toMatchObject({
      '@type': 'Event',
      eventStatus: 'https://schema.org/EventScheduled',
      startDate: eventItem.startsAt,
      location: { '@type': 'Place' },
    })
  })

  it('embeds a story in a campaign only when it is live on the web, and a retract removes it everywhere at once', async () => {
    const consent = await activeConsent()
    const make = (title: string) =>
      app.payload.create({
        collection: slugs.patientStories,
        data: {
          title,
          narrative: lexicalFromParagraphs(['A story.']),
          displayNamePolicy: 'first-name',
          displayName: 'Ana',
          consentRecord: consent.id,
          _status: 'published',
        } as never,
      }) as unknown as Promise<Doc>
    const onWeb = await make('Back on my feet')
    const notOnWeb = await make('Not on the web')
    await publish('stories', onWeb)
    const campaign = (await app.payload.create({
      collection: slugs.campaigns,
      data: {
        title: 'Falls prevention week',
        startsAt: '2026-09-20T14:00:00Z',
        endsAt: '2026-09-27T14:00:00Z',
        timeZone: 'America/Chicago',
        relatedStories: [onWeb.id, notOnWeb.id],
        _status: 'published',
      } as never,
    })) as unknown as Doc
    await publish('campaigns', campaign)
    const before = await get(`/campaigns/${campaign.slug}`)
    const etag = before.headers.get('etag')!
    expect(
      CampaignItem.parse(await before.json()).related.stories.map((story) => story.slug),
    ).toEqual([onWeb.slug])

    const row = publicationOf.get(`stories/${onWeb.slug}`)!
    await app.payload.update({
      collection: slugs.publications,
      id: row,
      data: { state: 'retracting' } as never,
      context: { schedulerInternal: true },
    })
    await testWorker(app).runOnce()
    expect((await publication(app, row)).state).toBe('retracted')
    expect((await get(`/stories/${onWeb.slug}`)).status).toBe(404)
    const after = await get(`/campaigns/${campaign.slug}`)
    expect(after.headers.get('etag')).not.toBe(etag)
    expect(CampaignItem.parse(await after.json()).related.stories).toEqual([])
    expect(
      ListResponse.parse(await json('/stories?limit=100')).items.map((item) => item.slug),
    ).not.toContain(onWeb.slug)
  })

  it('never shows a draft, an unapproved, a consent-revoked or a retracted item', async () => {
    // Seeded stories whose consent was revoked or expired are drafts: the worker refuses them.
    const drafts = await find(slugs.patientStories, { _status: { equals: 'draft' } })
    expect(drafts.length).toBeGreaterThan(0)
    for (const draft of drafts) await publish('stories', draft, 'queue')
    // A published story whose publication was never approved.
    const consent = await activeConsent()
    const unapproved = (await app.payload.create({
      collection: slugs.patientStories,
      data: {
        title: 'Waiting for approval',
        narrative: lexicalFromParagraphs(['Words.']),
        displayNamePolicy: 'anonymous',
        consentRecord: consent.id,
        _status: 'published',
      } as never,
    })) as unknown as Doc
    await app.payload.create({
      collection: slugs.publications,
      data: {
        document: { relationTo: slugs.patientStories, value: unapproved.id },
        channelAccount: webId,
        dueAt: new Date(Date.now() - 1000).toISOString(),
        timeZone: 'UTC',
        text: 'x',
        state: 'draft',
      } as never,
    })
    // A published story whose consent is revoked before it goes out.
    const revokedConsent = await activeConsent()
    const revoked = (await app.payload.create({
      collection: slugs.patientStories,
      data: {
        title: 'Consent withdrawn',
        narrative: lexicalFromParagraphs(['Words.']),
        displayNamePolicy: 'anonymous',
        consentRecord: revokedConsent.id,
        _status: 'published',
      } as never,
    })) as unknown as Doc
    await app.payload.update({
      collection: slugs.consentRecords,
      id: revokedConsent.id,
      data: { revocation: { receivedAt: new Date().toISOString(), method: 'email' } } as never,
      overrideAccess: true,
    })
    const revokedRow = await publish('stories', revoked)
    expect((await publication(app, revokedRow.id)).state).not.toBe('published')

    const slugsLive = ListResponse.parse(await json('/stories?limit=100')).items.map(
      (item) => item.slug,
    )
    for (const hidden of [...drafts, unapproved, revoked]) {
      expect(slugsLive).not.toContain(hidden.slug)
      expect((await get(`/stories/${hidden.slug}`)).status).toBe(404)
    }
    for (const draft of drafts)
      expect((await publication(app, publicationOf.get(`stories/${draft.slug}`)!)).state).toBe(
        'cancelled',
      )
  })

  it('carries no consent-record field and no personal field in any response (walking the seeded data)', async () => {
    const consents = (
      await app.payload.find({
        collection: slugs.consentRecords,
        limit: 100,
        depth: 0,
        overrideAccess: true,
      })
    ).docs as unknown as Record<string, unknown>[]
    const stories = (
      await app.payload.find({
        collection: slugs.patientStories,
        limit: 100,
        depth: 0,
        overrideAccess: true,
        draft: true,
      })
    ).docs as unknown as Record<string, unknown>[]
    const secrets = new Set<string>()
    const collect = (value: unknown, key = '') => {
      if (['id', 'createdAt', 'updatedAt', 'status'].includes(key)) return
      // Names, addresses, e-mails, phone numbers, references, dates: values of several words or with digits.
      if (typeof value === 'string' && value.length >= 6 && /[\s\d@]/.test(value))
        secrets.add(value)
      else if (Array.isArray(value)) value.forEach((entry) => collect(entry))
      else if (value && typeof value === 'object')
        Object.entries(value).forEach(([name, entry]) => collect(entry, name))
    }
    consents.forEach((consent) => collect(consent))
    for (const story of stories) {
      if (typeof story.patientHometown === 'string') secrets.add(story.patientHometown)
      collect(story.consentUsesNeeded)
    }
    expect(secrets.size).toBeGreaterThan(10)

    const bodies: string[] = []
    for (const type of TYPES) {
      const page = await json<{ items: { path: string }[] }>(`/${type}?limit=100`)
      bodies.push(JSON.stringify(page))
      for (const item of page.items)
        for (const locale of ['en', 'es'])
          bodies.push(
            await (await get(`${item.path.replace('/delivery/v1', '')}?locale=${locale}`)).text(),
          )
    }
    bodies.push(await (await get('/events.ics')).text())
    const { rows } = await pool.query(
      'SELECT data::text AS data, summary::text AS summary, files::text AS files, filters::text AS filters FROM delivery_items',
    )
    bodies.push(...rows.flatMap((row) => [row.data, row.summary, row.files, row.filters]))

    const walkKeys = (value: unknown, at: string) => {
      if (Array.isArray(value)) value.forEach((entry, index) => walkKeys(entry, `${at}[${index}]`))
      else if (value && typeof value === 'object') {
        for (const [name, entry] of Object.entries(value)) {
          expect(PRIVATE_KEYS, `${at}.${name}`).not.toContain(name)
          walkKeys(entry, `${at}.${name}`)
        }
      }
    }
    for (const body of bodies) {
      for (const secret of secrets)
        expect(body.includes(secret), `a response contains ${JSON.stringify(secret)}`).toBe(false)
      if (body.startsWith('{') || body.startsWith('[')) walkKeys(JSON.parse(body), '$')
    }
  })

  it('serves an iCalendar feed a real parser reads, with the right occurrences across a DST change', async () => {
    const cancelled = (await app.payload.create({
      collection: slugs.communityEvents,
      data: {
        title: 'Cancelled health talk',
        startsAt: '2026-11-03T18:00:00Z',
        endsAt: '2026-11-03T19:00:00Z',
        timeZone: 'America/Chicago',
        format: 'in-person',
        eventStatus: 'cancelled',
        _status: 'published',
      } as never,
    })) as unknown as Doc
    await publish('events', cancelled)
    const response = await get('/events.ics')
    expect(response.headers.get('content-type')).toMatch(/text\/calendar/)
    const text = await response.text()
    expect(text).toContain('BEGIN:VTIMEZONE')
    const calendar = new ICAL.Component(ICAL.parse(text))
    for (const zone of calendar.getAllSubcomponents('vtimezone'))
      ICAL.TimezoneService.register(zone)
    const events = calendar
      .getAllSubcomponents('vevent')
      .map((component) => new ICAL.Event(component))
    const byUid = new Map(events.map((event) => [event.uid, event]))
    expect(
      byUid.get(`events/${cancelled.slug}@carecast`)!.component.getFirstPropertyValue('status'),
    ).toBe('CANCELLED')

    const cooking = byUid.get('events/healthy-cooking-class@carecast')!
    expect(cooking.isRecurring()).toBe(true)
    const iterator = cooking.iterator()
    const seen: string[] = []
    for (let next = iterator.next(); next && seen.length < 20; next = iterator.next())
      seen.push(next.toJSDate().toISOString())
    // 6 pm in Chicago every Thursday: 23:00 UTC in daylight time, 00:00 UTC after 1 November; Thanksgiving skipped.
    const expected = occurrencesBetween({
      rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=8',
      dtstart: new Date('2026-10-29T23:00:00Z'),
      timeZone: 'America/Chicago',
      from: new Date('2026-01-01'),
      to: new Date('2027-12-31'),
    })
      .map((date) => date.toISOString())
      .filter((date) => date !== '2026-11-27T00:00:00.000Z')
    expect(seen).toEqual(expected)
    expect(seen[0]).toBe('2026-10-29T23:00:00.000Z')
    expect(seen[1]).toBe('2026-11-06T00:00:00.000Z')
    expect(seen).toHaveLength(7)

    const one = await get('/events/healthy-cooking-class.ics')
    expect(one.status).toBe(200)
    const single = new ICAL.Component(ICAL.parse(await one.text())).getAllSubcomponents('vevent')
    expect(single).toHaveLength(1)
    expect((await get('/events/no-such-event.ics')).status).toBe(404)
  })

  it('answers If-None-Match with 304, and a publish changes the ETag at once', async () => {
    const first = await get('/stories?limit=20')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('cache-control')).toBe(
      'public, max-age=60, stale-while-revalidate=300',
    )
    const again = await get('/stories?limit=20', { 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const consent = await activeConsent()
    const story = (await app.payload.create({
      collection: slugs.patientStories,
      data: {
        title: 'A new story',
        narrative: lexicalFromParagraphs(['New.']),
        displayNamePolicy: 'anonymous',
        consentRecord: consent.id,
        _status: 'published',
      } as never,
    })) as unknown as Doc
    await publish('stories', story)
    const changed = await get('/stories?limit=20', { 'If-None-Match': etag })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
    const item = await get(`/stories/${story.slug}`)
    expect(
      (await get(`/stories/${story.slug}`, { 'If-None-Match': item.headers.get('etag')! })).status,
    ).toBe(304)
  })

  it('publishes an OpenAPI 3.1 document that describes the real responses', async () => {
    const document = await json<{
      openapi: string
      paths: Record<
        string,
        Record<
          string,
          { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }
        >
      >
      components: { schemas: Record<string, unknown> }
    }>('/openapi.json')
    expect(document.openapi).toBe('3.1.0')
    for (const type of TYPES) {
      expect(
        document.paths[`/delivery/v1/${type}`].get.responses['200'].content!['application/json']
          .schema.$ref,
      ).toBe('#/components/schemas/ListResponse')
      expect(document.paths[`/delivery/v1/${type}/{slug}`]).toBeDefined()
    }
    expect(document.paths['/delivery/v1/events.ics']).toBeDefined()
    // Every $ref points at a component that exists.
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? []
    expect(refs.length).toBeGreaterThan(10)
    for (const ref of refs)
      expect(document.components.schemas, ref).toHaveProperty(ref.slice(29, -1))
    const story = document.components.schemas.Story as {
      type: string
      properties: Record<string, unknown>
      required: string[]
      additionalProperties: boolean
    }
    expect(story.type).toBe('object')
    expect(story.additionalProperties).toBe(false)
    expect(story.required).toEqual(
      expect.arrayContaining(['slug', 'title', 'photos', 'videos', 'jsonLd']),
    )
    // Real responses fit the schemas the document was generated from, and have exactly the documented properties.
    for (const type of TYPES) {
      const page = ListResponse.parse(await json(`/${type}`))
      const item = await json<Record<string, unknown>>(
        page.items[0].path.replace('/delivery/v1', ''),
      )
      itemSchemas[type].parse(item)
      const name = { stories: 'Story', campaigns: 'Campaign', events: 'Event', videos: 'Video' }[
        type
      ]
      expect(Object.keys(item).sort(), type).toEqual(
        Object.keys(
          (document.components.schemas[name] as { properties: object }).properties,
        ).sort(),
      )
    }
  })
})
