import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lexicalFromParagraphs } from '../../src/lib/lexicalPlainText'
import { slugs } from '../../src/slugs'
import { credentialsFor } from '../support/credentials'
import { LEAK } from '../support/expectCleanError'
import { refusedIn } from '../support/refused'
import { startTestApp, type RestOptions, type TestApp } from '../support/testPayload'

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()

/** Fields; uploads are in bad-uploads.test.ts. */
describe('bad input: a 400 naming the field and the problem, and nothing written', () => {
  let app: TestApp
  let marketer: RestOptions

  beforeAll(async () => {
    app = await startTestApp('bad_input')
    const auth = await credentialsFor(app)
    marketer = auth.marketer
    await app.payload.create({
      collection: slugs.serviceLines,
      data: {
        name: 'Oncology',
        slug: 'oncology',
        terms: [{ term: 'breast cancer' }, { term: 'mammogram' }],
      },
      overrideAccess: true,
    })
  })
  afterAll(async () => app?.close())

  const refused = (...args: Parameters<ReturnType<typeof refusedIn>>) => refusedIn(app)(...args)

  describe('fields', () => {
    it('names the WebVTT line that is wrong', async () => {
      const vtt =
        'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello\n\n00:00:02.000 --> banana\nWorld\n'
      await refused(
        slugs.videoAssets,
        () =>
          app.rest('POST', `/${slugs.videoAssets}`, {
            ...marketer,
            body: {
              title: 'Captioned',
              externalUrl: 'https://vimeo.com/123456789',
              captions: [{ language: 'en', kind: 'captions', vtt }],
            },
          }),
        'captions.0.vtt',
        /WebVTT line 6/,
      )
    })

    it('refuses an invalid recurrence rule', async () => {
      await refused(
        slugs.communityEvents,
        () =>
          app.rest('POST', `/${slugs.communityEvents}`, {
            ...marketer,
            body: {
              title: 'Walk',
              startsAt: inHours(1),
              endsAt: inHours(2),
              format: 'in-person',
              timeZone: 'America/Chicago',
              recurrence: { rrule: 'FREQ=SOMETIMES;COUNT=3' },
            },
          }),
        'recurrence.rrule',
        /Recurrence rule/,
      )
    })

    it('refuses a time zone that is not an IANA zone', async () => {
      await refused(
        slugs.communityEvents,
        () =>
          app.rest('POST', `/${slugs.communityEvents}`, {
            ...marketer,
            body: {
              title: 'Talk',
              startsAt: inHours(1),
              endsAt: inHours(2),
              format: 'online',
              joinUrl: 'https://meet.example.org/x',
              timeZone: 'Mars/Olympus',
            },
          }),
        'timeZone',
        /"Mars\/Olympus" is not an IANA time zone/,
      )
    })

    it('refuses an end before the start', async () => {
      await refused(
        slugs.campaigns,
        () =>
          app.rest('POST', `/${slugs.campaigns}`, {
            ...marketer,
            body: {
              title: 'Backwards',
              startsAt: inHours(48),
              endsAt: inHours(24),
              timeZone: 'America/Chicago',
            },
          }),
        'endsAt',
        /end must be after the start/,
      )
    })

    it('refuses a slug that another campaign has', async () => {
      const body = {
        title: 'Heart Month',
        slug: 'heart-month-2026',
        startsAt: inHours(1),
        endsAt: inHours(2),
        timeZone: 'America/Chicago',
      }
      expect((await app.rest('POST', `/${slugs.campaigns}`, { ...marketer, body })).status).toBe(
        201,
      )
      await refused(
        slugs.campaigns,
        () =>
          app.rest('POST', `/${slugs.campaigns}`, {
            ...marketer,
            body: { ...body, title: 'Heart Month again' },
          }),
        'slug',
        /unique/i,
      )
    })

    it('refuses a UTM value that carries a condition, naming the word', async () => {
      await refused(
        slugs.campaigns,
        () =>
          app.rest('POST', `/${slugs.campaigns}`, {
            ...marketer,
            body: {
              title: 'Screening drive',
              startsAt: inHours(1),
              endsAt: inHours(2),
              timeZone: 'America/Chicago',
              utm: { campaign: 'Breast_Cancer-screening' },
            },
          }),
        'utm.campaign',
        /"breast cancer"/,
      )
    })

    it('generates UTM tags from the slug with health terms left out', async () => {
      const response = await app.rest('POST', `/${slugs.campaigns}`, {
        ...marketer,
        body: {
          title: 'Breast Cancer Awareness 2026',
          startsAt: inHours(1),
          endsAt: inHours(2),
          timeZone: 'America/Chicago',
        },
      })
      expect(response.status, await response.clone().text()).toBe(201)
      const { doc } = (await response.json()) as {
        doc: { slug: string; utm: Record<string, string> }
      }
      expect(doc.slug).toBe('breast-cancer-awareness-2026')
      expect(doc.utm).toMatchObject({
        source: 'carecast',
        medium: 'social',
        campaign: 'awareness-2026',
      })
    })

    it('refuses a story name that breaks its display-name policy', async () => {
      await refused(
        slugs.patientStories,
        () =>
          app.rest('POST', `/${slugs.patientStories}`, {
            ...marketer,
            body: {
              title: 'A story',
              displayNamePolicy: 'initials',
              displayName: 'Maria Gonzalez',
              narrative: lexicalFromParagraphs(['Text.']),
            },
          }),
        'displayName',
        /initials/,
      )
    })

    it('refuses a YouTube address that is not a video', async () => {
      await refused(
        slugs.videoAssets,
        () =>
          app.rest('POST', `/${slugs.videoAssets}`, {
            ...marketer,
            body: { title: 'Link', externalUrl: 'https://example.com/watch?v=1' },
          }),
        'externalUrl',
        /not a YouTube or Vimeo/,
      )
    })

    it('answers a malformed id with 404, not a database error', async () => {
      for (const method of ['GET', 'PATCH', 'DELETE']) {
        const response = await app.rest(method, `/${slugs.campaigns}/not-a-number`, {
          ...marketer,
          ...(method === 'PATCH' ? { body: { title: 'x' } } : {}),
        })
        const text = await response.text()
        expect(response.status, text).toBe(404)
        expect(text).not.toMatch(LEAK)
      }
    })

    it('refuses a body that is not JSON', async () => {
      const response = await app.rest('POST', `/${slugs.campaigns}`, {
        ...marketer,
        raw: '{"title": ',
      })
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
      expect(await response.text()).not.toMatch(LEAK)
    })
  })
})
