import { createRequire } from 'node:module'
import { mkdtemp, readdir, readFile, rm, stat, unlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureSeedAssets, type SeedAssets } from '../../../../seed/assets'
import { generateDemoImage, demoPalettes } from '../../../../seed/assets/generateImage'
import { generateDemoCaptions } from '../../../../seed/assets/generateVideo'
import { storySeeds } from '../../../../seed/data/stories'
import { probeVideo } from '../../../../src/lib/video/probeVideo'

// webvtt-parser is CommonJS without type declarations; only its parse result is needed here.
type VttCue = { startTime: number; endTime: number; text: string }
type WebVTTParserClass = new () => {
  parse: (input: string, mode: string) => { cues: VttCue[]; errors: unknown[] }
}
const { WebVTTParser } = createRequire(import.meta.url)('webvtt-parser') as {
  WebVTTParser: WebVTTParserClass
}

let dir: string
let assets: SeedAssets
let coldMs: number

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'seed-assets-test-'))
  const started = performance.now()
  assets = await ensureSeedAssets(dir)
  coldMs = performance.now() - started
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const mtimes = async (): Promise<Record<string, number>> => {
  const names = await readdir(dir)
  return Object.fromEntries(
    await Promise.all(
      names.map(async (name) => [name, (await stat(path.join(dir, name))).mtimeMs] as const),
    ),
  )
}

describe('ensureSeedAssets', () => {
  it('generates every picture at the size asked, with alt text in both languages', async () => {
    const heroes = Object.values(assets.campaignHeroes)
    const eventImages = Object.values(assets.eventImages)
    const portraits = Object.values(assets.patientPortraits)
    expect([heroes.length, eventImages.length]).toEqual([4, 3])
    expect(Object.keys(assets.patientPortraits).sort()).toEqual(
      storySeeds.map((story) => story.slug).sort(),
    )

    for (const [images, width, height] of [
      [heroes, 1600, 900],
      [eventImages, 1200, 800],
      [portraits, 1200, 1200],
    ] as const) {
      for (const image of images) {
        const metadata = await sharp(image.path).metadata()
        expect({ width: metadata.width, height: metadata.height, format: metadata.format }).toEqual(
          { width, height, format: 'jpeg' },
        )
        expect(image.alt.en).toBeTruthy()
        expect(image.alt.es).toBeTruthy()
      }
    }
    expect(portraits.every((portrait) => portrait.showsPatient)).toBe(true)
    expect([...heroes, ...eventImages].some((image) => image.showsPatient)).toBe(false)
    expect(assets.campaignHeroes['breast-cancer-awareness-2026']?.alt.en).toContain(
      'Breast Cancer Awareness Month',
    )
  })

  it('generates a small 8-second 640x360 H.264/AAC explainer', async () => {
    const { video } = assets.mammogramExplainer
    expect(path.basename(video)).toBe('mammogram-explainer.mp4')
    const probe = await probeVideo(video)
    expect(probe.durationSeconds).toBeCloseTo(8, 0)
    expect(probe).toMatchObject({ width: 640, height: 360, videoCodec: 'h264', audioCodec: 'aac' })
    expect((await stat(video)).size).toBeLessThan(500 * 1024)
  })

  it('writes valid WebVTT captions in English and Spanish', async () => {
    for (const language of ['en', 'es'] as const) {
      const file = assets.mammogramExplainer.captions[language]
      expect(path.basename(file)).toBe(`mammogram-explainer.${language}.vtt`)
      const vtt = await readFile(file, 'utf8')
      expect(vtt.startsWith('WEBVTT')).toBe(true)
      const { cues, errors } = new WebVTTParser().parse(vtt, 'metadata')
      expect(errors).toEqual([])
      expect(cues.length).toBeGreaterThanOrEqual(3)
      expect(cues.length).toBeLessThanOrEqual(4)
      expect(cues.at(-1)!.endTime).toBeLessThanOrEqual(8)
    }
    expect(await readFile(assets.mammogramExplainer.captions.es, 'utf8')).toContain('mamografía')
  })

  it('keeps what exists on a second run, which is fast', async () => {
    const before = await mtimes()
    const started = performance.now()
    const again = await ensureSeedAssets(dir)
    const warmMs = performance.now() - started
    expect(again).toEqual(assets)
    expect(await mtimes()).toEqual(before)
    expect(warmMs).toBeLessThan(Math.max(200, coldMs / 10))
    console.info(`ensureSeedAssets: cold ${Math.round(coldMs)} ms, warm ${Math.round(warmMs)} ms`)
  })

  it('regenerates only a file that went missing, leaving no partial files behind', async () => {
    const missing = assets.eventImages['mammogram-evening']!.path
    await unlink(missing)
    const before = await mtimes()
    await ensureSeedAssets(dir)
    const after = await mtimes()
    expect(after[path.basename(missing)]).toBeDefined()
    for (const [name, mtime] of Object.entries(before)) expect(after[name]).toBe(mtime)
    expect(Object.keys(after).filter((name) => name.endsWith('.partial'))).toEqual([])
  })
})

describe('demo media generators', () => {
  it('draw the same picture for the same input', async () => {
    const options = {
      width: 320,
      height: 180,
      title: 'Heart Month',
      subtitle: 'February',
      palette: demoPalettes.heart,
    }
    expect((await generateDemoImage(options)).equals(await generateDemoImage(options))).toBe(true)
  })

  it('fit caption cues inside a video of any length', () => {
    for (const seconds of [2, 8, 95]) {
      const { cues, errors } = new WebVTTParser().parse(
        generateDemoCaptions('en', seconds),
        'metadata',
      )
      expect(errors).toEqual([])
      expect(cues).toHaveLength(4)
      expect(
        cues.every(
          (cue, index) =>
            cue.startTime < cue.endTime &&
            cue.endTime <= seconds &&
            (index === 0 || cue.startTime >= cues[index - 1]!.endTime),
        ),
      ).toBe(true)
    }
  })
})
