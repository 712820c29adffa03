import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { storySeeds } from '../data/stories'
import {
  type DemoPalette,
  demoPalettes,
  generateDemoImage,
  generatePortraitPlaceholder,
} from './generateImage'
import { generateDemoCaptions, generateDemoVideo } from './generateVideo'

/** A generated picture with the alt text the Media collection requires in both languages. */
export type SeedImage = {
  path: string
  width: number
  height: number
  alt: { en: string; es: string }
  showsPatient: boolean
}

export type SeedAssets = {
  /** Keyed by campaign slug. */
  campaignHeroes: Record<string, SeedImage>
  /** Keyed by event slug. */
  eventImages: Record<string, SeedImage>
  /** Keyed by patient story slug (seed/data/stories.ts); each one shows the patient. */
  patientPortraits: Record<string, SeedImage>
  mammogramExplainer: {
    video: string
    seconds: number
    width: number
    height: number
    captions: { en: string; es: string }
  }
}

type PictureSpec = {
  slug: string
  title: string
  subtitle: string
  palette: DemoPalette
  colour: { en: string; es: string }
}

const HERO = { width: 1600, height: 900 }
const EVENT = { width: 1200, height: 800 }
const PORTRAIT = { width: 1200, height: 1200 }
const EXPLAINER = {
  seconds: 8,
  width: 640,
  height: 360,
  title: 'How to prepare for your mammogram',
}

const campaigns: PictureSpec[] = [
  {
    slug: 'heart-month-2026',
    title: 'American Heart Month',
    subtitle: 'February 2026 · Know your numbers',
    palette: demoPalettes.heart,
    colour: { en: 'red', es: 'rojo' },
  },
  {
    slug: 'breast-cancer-awareness-2026',
    title: 'Breast Cancer Awareness Month',
    subtitle: 'October 2026 · Book your screening mammogram',
    palette: demoPalettes.breastCancer,
    colour: { en: 'pink', es: 'rosa' },
  },
  {
    slug: 'diabetes-month-2026',
    title: 'Diabetes Awareness',
    subtitle: 'November 2026 · Small steps, big difference',
    palette: demoPalettes.diabetes,
    colour: { en: 'blue', es: 'azul' },
  },
  {
    slug: 'mental-health-month-2026',
    title: 'Mental Health Awareness Month',
    subtitle: "May 2026 · It's okay to ask for help",
    palette: demoPalettes.mentalHealth,
    colour: { en: 'green', es: 'verde' },
  },
]

const events: PictureSpec[] = [
  {
    slug: 'free-blood-pressure-screening',
    title: 'Free blood pressure screening',
    subtitle: 'Community Health Fair',
    palette: demoPalettes.heart,
    colour: { en: 'red', es: 'rojo' },
  },
  {
    slug: 'mammogram-evening',
    title: 'Evening mammogram appointments',
    subtitle: 'Women’s Imaging Center',
    palette: demoPalettes.community,
    colour: { en: 'purple and orange', es: 'morado y naranja' },
  },
  {
    slug: 'healthy-cooking-class',
    title: 'Healthy cooking with diabetes',
    subtitle: 'Cooking class · in English and Spanish',
    palette: demoPalettes.mentalHealth,
    colour: { en: 'green', es: 'verde' },
  },
]

const portraitPalettes = [demoPalettes.calm, demoPalettes.sand, demoPalettes.sage]

/**
 * Makes `filePath` by writing to a temporary name and renaming, unless it already exists: a run
 * that was interrupted leaves no half-written file that a later run would take as done.
 */
const ensureFile = async (
  filePath: string,
  make: (partialPath: string) => Promise<void>,
): Promise<void> => {
  const existing = await stat(filePath).catch(() => undefined)
  if (existing?.isFile() && existing.size > 0) return
  const partialPath = `${filePath}.${process.pid}.partial`
  try {
    await make(partialPath)
    await rename(partialPath, filePath)
  } finally {
    await rm(partialPath, { force: true })
  }
}

const illustration = (
  dir: string,
  prefix: string,
  size: { width: number; height: number },
  spec: PictureSpec,
  jobs: Promise<void>[],
): SeedImage => {
  const filePath = path.join(dir, `${prefix}-${spec.slug}.jpg`)
  jobs.push(
    ensureFile(filePath, async (partial) =>
      writeFile(
        partial,
        await generateDemoImage({
          ...size,
          title: spec.title,
          subtitle: spec.subtitle,
          palette: spec.palette,
        }),
      ),
    ),
  )
  return {
    path: filePath,
    ...size,
    alt: {
      en: `Abstract ${spec.colour.en} illustration with the words “${spec.title}”.`,
      es: `Ilustración abstracta en ${spec.colour.es} con el texto «${spec.title}».`,
    },
    showsPatient: false,
  }
}

/**
 * Generates, into `dir`, the pictures, video and captions the demo seed uploads, and returns
 * where they are. Files already there are kept, so only the first run pays for generating them.
 */
export const ensureSeedAssets = async (dir: string): Promise<SeedAssets> => {
  await mkdir(dir, { recursive: true })
  const jobs: Promise<void>[] = []

  const campaignHeroes = Object.fromEntries(
    campaigns.map((spec) => [spec.slug, illustration(dir, 'campaign', HERO, spec, jobs)]),
  )
  const eventImages = Object.fromEntries(
    events.map((spec) => [spec.slug, illustration(dir, 'event', EVENT, spec, jobs)]),
  )

  const patientPortraits = Object.fromEntries(
    storySeeds.map(({ slug }, index): [string, SeedImage] => {
      const filePath = path.join(dir, `patient-${slug}.jpg`)
      const palette = portraitPalettes[index % portraitPalettes.length]!
      jobs.push(
        ensureFile(filePath, async (partial) =>
          writeFile(
            partial,
            await generatePortraitPlaceholder({ ...PORTRAIT, palette, variant: slug }),
          ),
        ),
      )
      return [
        slug,
        {
          path: filePath,
          ...PORTRAIT,
          alt: {
            en: 'Portrait of the patient (placeholder silhouette).',
            es: 'Retrato del paciente (silueta provisional).',
          },
          showsPatient: true,
        },
      ]
    }),
  )

  const video = path.join(dir, 'mammogram-explainer.mp4')
  jobs.push(
    ensureFile(video, (partial) =>
      generateDemoVideo({ ...EXPLAINER, outPath: partial, palette: demoPalettes.breastCancer }),
    ),
  )
  const captions = {
    en: path.join(dir, 'mammogram-explainer.en.vtt'),
    es: path.join(dir, 'mammogram-explainer.es.vtt'),
  }
  for (const language of ['en', 'es'] as const) {
    jobs.push(
      ensureFile(captions[language], (partial) =>
        writeFile(partial, generateDemoCaptions(language, EXPLAINER.seconds)),
      ),
    )
  }

  await Promise.all(jobs)
  const { seconds, width, height } = EXPLAINER
  return {
    campaignHeroes,
    eventImages,
    patientPortraits,
    mammogramExplainer: { video, seconds, width, height, captions },
  }
}
