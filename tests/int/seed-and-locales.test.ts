import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedDemoContent } from '../../seed/content'
import { seedDemoUsers } from '../../seed/demoUsers'
import { lexicalFromParagraphs, lexicalPlainText } from '../../src/lib/lexicalPlainText'
import { slugs } from '../../src/slugs'
import { startTestApp, type TestApp } from '../support/testPayload'

type Localized<T> = { en?: T; es?: T }

describe('demo seed and localized content', () => {
  let app: TestApp
  let assetsDir: string

  beforeAll(async () => {
    app = await startTestApp('seed_locales')
    assetsDir = await mkdtemp(path.join(tmpdir(), 'carecast-seed-'))
  })
  afterAll(async () => {
    await app?.close()
    await rm(assetsDir, { recursive: true, force: true })
  })

  it('seeds the demo content, and a second run changes nothing', async () => {
    await seedDemoUsers(app.payload)
    const first = await seedDemoContent(app.payload, { assetsDir })
    const count = async (collection: string) =>
      (await app.payload.count({ collection: collection as never, overrideAccess: true })).totalDocs
    const collections = [
      slugs.campaigns,
      slugs.patientStories,
      slugs.communityEvents,
      slugs.consentRecords,
      slugs.media,
      slugs.videoAssets,
      slugs.healthObservances,
    ]
    const before = await Promise.all(collections.map(count))
    expect(before.every((n) => n > 0)).toBe(true)

    const second = await seedDemoContent(app.payload, { assetsDir })
    expect(second).toEqual(first)
    expect(await Promise.all(collections.map(count))).toEqual(before)
    // The seed draws its images and renders its video with ffmpeg: on two busy cores that takes longer than the default 30 s.
  }, 120_000)

  it('publishes only the stories whose consent is in force', async () => {
    const { docs } = await app.payload.find({
      collection: slugs.patientStories,
      depth: 1,
      overrideAccess: true,
      limit: 100,
      draft: true,
    })
    expect(docs.length).toBeGreaterThan(0)
    for (const story of docs as Array<{
      slug: string
      _status: string
      consentRecord: { status: string }
    }>) {
      expect([story.slug, story._status]).toEqual([
        story.slug,
        story.consentRecord.status === 'active' ? 'published' : 'draft',
      ])
    }
  })

  it('keeps each language under its own locale, rich text included', async () => {
    // A regression guard: a hook that read with locale 'all' through the caller's request once
    // switched the whole write to 'all' and stored a Lexical body under a locale named "root".
    const campaign = await app.payload.create({
      collection: slugs.campaigns,
      overrideAccess: true,
      locale: 'en',
      data: {
        title: 'Locale check',
        slug: 'locale-check',
        body: lexicalFromParagraphs(['English body.']),
        startsAt: '2026-03-01T15:00:00.000Z',
        endsAt: '2026-03-31T15:00:00.000Z',
        timeZone: 'America/Chicago',
      } as never,
    })
    await app.payload.update({
      collection: slugs.campaigns,
      id: campaign.id,
      overrideAccess: true,
      locale: 'es',
      data: {
        title: 'Prueba de idioma',
        body: lexicalFromParagraphs(['Cuerpo en español.']),
      } as never,
    })

    const all = (await app.payload.findByID({
      collection: slugs.campaigns,
      id: campaign.id,
      overrideAccess: true,
      locale: 'all',
    })) as unknown as {
      title: Localized<string>
      body: Localized<unknown>
    }
    expect(all.title).toEqual({ en: 'Locale check', es: 'Prueba de idioma' })
    expect(lexicalPlainText(all.body.en)).toBe('English body.')
    expect(lexicalPlainText(all.body.es)).toBe('Cuerpo en español.')
    expect(Object.keys(all.body).sort()).toEqual(['en', 'es'])
  })
})
