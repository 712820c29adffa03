import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { lexicalFromParagraphs } from '../src/lib/lexicalPlainText'
import { slugs } from '../src/slugs'
import { ensureSeedAssets, type SeedImage } from './assets'
import { demoPalettes, generateDemoImage } from './assets/generateImage'
import { campaignSeeds, eventSeeds } from './data/campaignsAndEvents'
import { consentSeeds } from './data/consents'
import { observances2026 } from './data/observances'
import { storySeeds } from './data/stories'
import { audienceSegments, serviceLines } from './data/taxonomies'
import { SEED, upsert, upsertUpload } from './upsert'
import { seedWebPublications } from './webPublications'

type Ids = Record<string, number | string>

const image = (payload: Payload, asset: SeedImage) =>
  upsertUpload(
    payload,
    slugs.media,
    asset.path,
    { en: { alt: asset.alt.en, showsPatient: asset.showsPatient }, es: { alt: asset.alt.es } },
    'image/jpeg',
  )

/**
 * The demo a hospital marketing team would recognise: campaigns tied to 2026 observances, patient
 * stories in English and Spanish with their consent records (one expired, one revoked), recurring
 * and one-off events, a captioned video and images — all generated here, nothing downloaded.
 * Idempotent: every document is found by its slug, reference or file name before it is created.
 */
export const seedDemoContent = async (payload: Payload, { assetsDir }: { assetsDir: string }) => {
  const assets = await ensureSeedAssets(assetsDir)
  const byId = (ids: Ids, key: string) => ids[key]

  const lines: Ids = {}
  for (const line of serviceLines) {
    lines[line.slug] = (
      await upsert(payload, slugs.serviceLines, 'slug', line.slug, {
        en: { name: line.en, slug: line.slug, terms: line.terms.map((term) => ({ term })) },
        es: { name: line.es },
      })
    ).id
  }
  const segments: Ids = {}
  for (const s of audienceSegments) {
    segments[s.slug] = (
      await upsert(payload, slugs.audienceSegments, 'slug', s.slug, {
        en: { name: s.en, slug: s.slug, description: s.description },
        es: { name: s.es },
      })
    ).id
  }
  const observances: Ids = {}
  for (const o of observances2026) {
    observances[o.slug] = (
      await upsert(payload, slugs.healthObservances, 'slug', o.slug, {
        en: {
          name: o.en,
          slug: o.slug,
          kind: o.kind,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          sponsor: o.sponsor,
        },
        es: { name: o.es },
      })
    ).id
  }

  const consents: Ids = {}
  for (const consent of consentSeeds) {
    const formPath = path.join(assetsDir, `form-${consent.reference}.png`)
    await fs.access(formPath).catch(async () =>
      fs.writeFile(
        formPath,
        await generateDemoImage({
          width: 850,
          height: 1100,
          title: `Authorization ${consent.reference}`,
          subtitle: 'Signed form (demo scan)',
          palette: demoPalettes.calm,
        }),
      ),
    )
    const form = await upsertUpload(
      payload,
      slugs.consentForms,
      formPath,
      { en: { description: `Signed form ${consent.reference}` } },
      'image/png',
    )
    consents[consent.reference] = (
      await upsert(payload, slugs.consentRecords, 'reference', consent.reference, {
        en: { ...consent, signature: { ...consent.signature, signedForm: form.id } },
      })
    ).id
  }

  const heroes: Ids = {}
  for (const [slug, asset] of Object.entries(assets.campaignHeroes))
    heroes[slug] = (await image(payload, asset)).id
  const eventImages: Ids = {}
  for (const [slug, asset] of Object.entries(assets.eventImages))
    eventImages[slug] = (await image(payload, asset)).id
  const portraits: Ids = {}
  for (const [slug, asset] of Object.entries(assets.patientPortraits))
    portraits[slug] = (await image(payload, asset)).id

  const explainer = assets.mammogramExplainer
  const video = await upsertUpload(
    payload,
    slugs.videoAssets,
    explainer.video,
    {
      en: {
        title: 'How to prepare for your mammogram',
        description: 'A short explainer from our Women’s Imaging Center.',
        captions: [
          {
            language: 'en',
            kind: 'captions',
            label: 'English',
            vtt: await fs.readFile(explainer.captions.en, 'utf8'),
          },
          {
            language: 'es',
            kind: 'subtitles',
            label: 'Español',
            vtt: await fs.readFile(explainer.captions.es, 'utf8'),
          },
        ],
        transcript:
          'How to prepare for your mammogram: wear a two-piece outfit, skip deodorant that day, and bring your previous images.',
      },
      es: {
        title: 'Cómo prepararse para su mamografía',
        transcript:
          'Cómo prepararse para su mamografía: use ropa de dos piezas, no use desodorante ese día y traiga sus imágenes anteriores.',
      },
    },
    'video/mp4',
  )

  const campaigns: Ids = {}
  for (const c of campaignSeeds) {
    campaigns[c.slug] = (
      await upsert(payload, slugs.campaigns, 'slug', c.slug, {
        en: {
          ...c.en,
          body: lexicalFromParagraphs(c.en.body),
          slug: c.slug,
          _status: 'published',
          startsAt: c.startsAt,
          endsAt: c.endsAt,
          timeZone: 'America/Chicago',
          observance: byId(observances, c.observance),
          serviceLines: c.serviceLines.map((s) => byId(lines, s)),
          audienceSegments: c.segments.map((s) => byId(segments, s)),
          heroImage: byId(heroes, c.slug),
          kpis: c.kpis,
          budget: c.budget,
          relatedVideos: c.slug === 'breast-cancer-awareness-2026' ? [video.id] : [],
        },
        es: { ...c.es, body: lexicalFromParagraphs(c.es.body) },
      })
    ).id
  }

  const live: { collection: string; id: number | string }[] = [
    ...Object.values(campaigns).map((id) => ({ collection: slugs.campaigns, id })),
    { collection: slugs.videoAssets, id: video.id },
  ]
  for (const story of storySeeds) {
    const consentRef = consentSeeds.find((c) => c.reference === story.consentRef)!
    const expiresOn = 'expiresOn' in consentRef.expiry ? consentRef.expiry.expiresOn : undefined
    const usable =
      !('revocation' in consentRef) &&
      !(expiresOn && new Date(`${expiresOn}T23:59:59Z`) < new Date())
    // The portrait shows the patient, so it relies on the same authorization as the story.
    await payload.update({
      collection: slugs.media,
      id: byId(portraits, story.slug),
      data: { consentRecords: [byId(consents, story.consentRef)] } as never,
      ...SEED,
    })
    const storyDoc = await upsert(payload, slugs.patientStories, 'slug', story.slug, {
      en: {
        title: story.en.title,
        slug: story.slug,
        pullQuote: story.en.pullQuote,
        narrative: lexicalFromParagraphs(story.en.narrative),
        displayNamePolicy: story.displayNamePolicy,
        displayName: story.displayName,
        patientAge: story.patientAge,
        serviceLines: [byId(lines, story.serviceLine)],
        campaigns: [byId(campaigns, story.campaign)],
        photos: [byId(portraits, story.slug)],
        consentRecord: byId(consents, story.consentRef),
        // A story whose consent was revoked or has expired stays in the CMS as a draft, for the record.
        _status: usable ? 'published' : 'draft',
      },
      es: {
        title: story.es.title,
        pullQuote: story.es.pullQuote,
        narrative: lexicalFromParagraphs(story.es.narrative),
      },
    })
    if (usable) live.push({ collection: slugs.patientStories, id: storyDoc.id })
  }

  for (const e of eventSeeds) {
    const event = await upsert(payload, slugs.communityEvents, 'slug', e.slug, {
      en: {
        ...e.en,
        description: lexicalFromParagraphs(e.en.description),
        slug: e.slug,
        _status: 'published',
        campaign: byId(campaigns, e.campaign),
        image: byId(eventImages, e.slug),
        ...e.schedule,
      },
      es: { ...e.es, description: lexicalFromParagraphs(e.es.description) },
    })
    live.push({ collection: slugs.communityEvents, id: event.id })
  }
  // Campaigns a few seconds after the rest, so they embed the stories, events and video already live.
  await seedWebPublications(
    payload,
    live.map((ref) => (ref.collection === slugs.campaigns ? { ...ref, delayMs: 5000 } : ref)),
  )
  return {
    campaigns: Object.keys(campaigns).length,
    stories: storySeeds.length,
    events: eventSeeds.length,
    consents: consentSeeds.length,
  }
}

export { SEED }
