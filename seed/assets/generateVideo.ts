import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

import { ffmpegPath } from '../../src/lib/video/ffmpegBinaries'
import { withTempFile } from '../../src/lib/video/withTempFile'
import { type DemoPalette, demoPalettes, generateDemoImage } from './generateImage'

const run = promisify(execFile)

const FRAME_RATE = 25

export type DemoVideoOptions = {
  outPath: string
  seconds: number
  /** Even numbers: H.264 in yuv420p can't encode odd sizes. */
  width: number
  height: number
  title: string
  palette?: DemoPalette
}

/**
 * A small H.264 + AAC mp4 for the demo: the title card drawn by generateDemoImage (so sharp and
 * fontconfig do the typography, with none of ffmpeg drawtext's escaping) under a progress bar
 * that crosses the screen, so frames differ over time and a poster at 10% is visibly not the
 * first frame. A quiet tone gives it an audio track, as a real explainer has. The mp4 muxer is
 * forced, so `outPath` may carry a temporary suffix.
 */
export const generateDemoVideo = async ({
  outPath,
  seconds,
  width,
  height,
  title,
  palette = demoPalettes.breastCancer,
}: DemoVideoOptions): Promise<void> => {
  if (!(seconds > 0 && seconds <= 600))
    throw new Error(`A demo video of ${seconds} s makes no sense.`)
  if (width % 2 || height % 2)
    throw new Error(`${width}x${height}: H.264 in yuv420p needs even dimensions.`)
  const titleCard = await generateDemoImage({ width, height, title, palette })
  const barHeight = Math.max(4, Math.round(height / 60))
  const fadeOutAt = Math.max(0, seconds - 0.5)

  await withTempFile(titleCard, 'jpg', async (titleCardPath) => {
    const args = [
      '-v',
      'error',
      '-nostdin',
      '-y',
      '-loop',
      '1',
      '-framerate',
      String(FRAME_RATE),
      '-t',
      String(seconds),
      '-i',
      titleCardPath,
      '-f',
      'lavfi',
      '-i',
      `color=c=white:s=${width}x${barHeight}:r=${FRAME_RATE}:d=${seconds}`,
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=262:sample_rate=44100:duration=${seconds}`,
      '-filter_complex',
      `[0:v][1:v]overlay=x='-w+w*t/${seconds}':y=H-h:shortest=1,format=yuv420p[video];` +
        `[2:a]volume=0.05,afade=t=in:d=0.5,afade=t=out:st=${fadeOutAt}:d=0.5[audio]`,
      '-map',
      '[video]',
      '-map',
      '[audio]',
      // A still picture under a bar: stillimage tuning and a high CRF keep 8 s well under 500 KB.
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-tune',
      'stillimage',
      '-crf',
      '30',
      '-g',
      String(FRAME_RATE * 2),
      '-c:a',
      'aac',
      '-b:a',
      '48k',
      '-ac',
      '1',
      '-t',
      String(seconds),
      // Moov atom first, so a browser can start playing before the whole file has arrived.
      '-movflags',
      '+faststart',
      '-f',
      'mp4',
      outPath,
    ]
    try {
      await run(ffmpegPath(), args, { timeout: 120_000 })
    } catch (error) {
      const stderr = String((error as { stderr?: string }).stderr ?? '').trim()
      throw new Error(
        `ffmpeg could not make the demo video "${title}": ${stderr || (error as Error).message}`,
        { cause: error },
      )
    }
  })
}

type CaptionLanguage = 'en' | 'es'

/** What the mammogram explainer says, line broken for captions (at most ~42 characters a line). */
const MAMMOGRAM_EXPLAINER: Record<CaptionLanguage, string[]> = {
  en: [
    'Getting ready for your mammogram\ntakes just a few simple steps.',
    "On the day of your exam, please don't use\ndeodorant, lotion or powder.",
    'Wear a two-piece outfit, so you only\nneed to remove your top.',
    'Bring any earlier mammogram results\nif you had them done elsewhere.',
  ],
  es: [
    'Prepararse para su mamografía\nrequiere solo unos pasos sencillos.',
    'El día del examen, no use\ndesodorante, loción ni talco.',
    'Lleve ropa de dos piezas; así solo\ntendrá que quitarse la parte de arriba.',
    'Traiga los resultados de mamografías\nanteriores si se las hizo en otro lugar.',
  ],
}

const vttTimestamp = (seconds: number): string => {
  const millis = Math.round(seconds * 1000)
  const pad = (value: number, width = 2) => String(value).padStart(width, '0')
  return `${pad(Math.floor(millis / 3_600_000))}:${pad(Math.floor(millis / 60_000) % 60)}:${pad(Math.floor(millis / 1000) % 60)}.${pad(millis % 1000, 3)}`
}

/**
 * WebVTT captions for the demo explainer, one cue per sentence spread evenly over `seconds`,
 * with a short gap between cues so no two are on screen at once.
 */
export const generateDemoCaptions = (language: CaptionLanguage, seconds: number): string => {
  if (!(seconds > 0)) throw new Error('Captions need a video length above 0 s.')
  const sentences = MAMMOGRAM_EXPLAINER[language]
  const slot = seconds / sentences.length
  const cues = sentences.map((text, index) => {
    const start = index * slot + Math.min(0.2, slot * 0.1)
    const end = (index + 1) * slot - Math.min(0.1, slot * 0.05)
    return `${index + 1}\n${vttTimestamp(start)} --> ${vttTimestamp(end)}\n${text}`
  })
  return `WEBVTT\n\n${cues.join('\n\n')}\n`
}
