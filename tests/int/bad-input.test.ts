import fs from 'node:fs/promises'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lexicalFromParagraphs } from '../../src/lib/lexicalPlainText'
import { uploadDir } from '../../src/lib/uploadDir'
import { slugs } from '../../src/slugs'
import { credentialsFor } from '../support/credentials'
import { expectCleanError, LEAK } from '../support/expectCleanError'
import { pngBytes, uploadForm } from '../support/fixtures'
import { startTestApp, type RestOptions, type TestApp } from '../support/testPayload'

// Small enough to test cheaply; the configured default is 500 MB.
process.env.UPLOAD_LIMIT_MB = '24'

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()

describe('bad input: a 400 naming the field and the problem, and nothing written', () => {
  let app: TestApp
  let marketer: RestOptions
  let officer: RestOptions

  beforeAll(async () => {
    app = await startTestApp('bad_input')
    const auth = await credentialsFor(app)
    marketer = auth.marketer
    officer = auth['consent-officer']
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

  const count = async (collection: string) =>
    (await app.payload.count({ collection: collection as never, overrideAccess: true })).totalDocs
  const filesIn = async (collection: string) =>
    (await fs.readdir(uploadDir(collection)).catch(() => [])).length

  /** Sends the request and checks that it was refused cleanly and left the collection as it was. */
  const refused = async (
    collection: string,
    request: () => Promise<Response>,
    field: string,
    problem: RegExp,
    status = 400,
  ) => {
    const [docs, files] = [await count(collection), await filesIn(collection)]
    const response = await request()
    await expectCleanError(response, { status, field, problem })
    expect(await count(collection)).toBe(docs)
    expect(await filesIn(collection)).toBe(files)
  }

  describe('uploads', () => {
    it('refuses a file whose bytes are not the image its name and type claim', async () => {
      const form = await uploadForm(
        { alt: 'Not an image' },
        {
          bytes: Buffer.from('just some text, not a PNG at all'),
          name: 'photo.png',
          type: 'image/png',
        },
      )
      await refused(
        slugs.media,
        () => app.rest('POST', `/${slugs.media}`, { ...marketer, form }),
        'file',
        /type|invalid/i,
      )
    })

    it('refuses an SVG that carries a script', async () => {
      const svg = Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
      )
      const form = await uploadForm(
        { alt: 'Logo' },
        { bytes: svg, name: 'logo.svg', type: 'image/svg+xml' },
      )
      await refused(
        slugs.media,
        () => app.rest('POST', `/${slugs.media}`, { ...marketer, form }),
        'file',
        /svg|unsafe|script|type|invalid/i,
      )
    })

    it('refuses an image over the collection limit, whole (15 MB for images)', async () => {
      // Noise does not compress: about 17 MB of real PNG.
      const bytes = await sharp({
        create: {
          width: 2400,
          height: 2400,
          channels: 3,
          background: '#808080',
          noise: { type: 'gaussian', mean: 128, sigma: 60 },
        },
      })
        .png({ compressionLevel: 0 })
        .toBuffer()
      expect(bytes.length).toBeGreaterThan(15 * 1024 * 1024)
      const form = await uploadForm(
        { alt: 'Too big' },
        { bytes, name: 'huge.png', type: 'image/png' },
      )
      await refused(
        slugs.media,
        () => app.rest('POST', `/${slugs.media}`, { ...marketer, form }),
        'file',
        /limit here is 15 MB/,
      )
    })

    it('refuses a file over the global upload limit with 413, before storing any of it', async () => {
      const bytes = Buffer.alloc(25 * 1024 * 1024, 7)
      const form = await uploadForm(
        { title: 'Too long' },
        { bytes, name: 'long.mp4', type: 'video/mp4' },
      )
      await refused(
        slugs.videoAssets,
        () => app.rest('POST', `/${slugs.videoAssets}`, { ...marketer, form }),
        'file',
        /larger than the 24 MB limit/,
        413,
      )
    })

    it('refuses a "video" that ffprobe cannot read as one, whatever its name says', async () => {
      const form = await uploadForm(
        { title: 'Fake clip' },
        { bytes: await pngBytes(), name: 'clip.mp4', type: 'video/mp4' },
      )
      await refused(
        slugs.videoAssets,
        () => app.rest('POST', `/${slugs.videoAssets}`, { ...marketer, form }),
        'file',
        /video|type|invalid/i,
      )
    })

    it('refuses a consent form that is neither a PDF nor an image', async () => {
      const form = await uploadForm(
        { description: 'Form' },
        { bytes: Buffer.from('#!/bin/sh\necho hi\n'), name: 'form.pdf', type: 'application/pdf' },
      )
      await refused(
        slugs.consentForms,
        () => app.rest('POST', `/${slugs.consentForms}`, { ...officer, form }),
        'file',
        /type|invalid/i,
      )
    })
  })

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
