import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { generateDemoImage, demoPalettes } from '../../../../../seed/assets/generateImage'
import { generateDemoVideo } from '../../../../../seed/assets/generateVideo'
import { ffmpegPath } from '../../../../../src/lib/video/ffmpegBinaries'
import {
  extractPosterFrame,
  NotAPlayableVideoError,
  posterTime,
  probeVideo,
} from '../../../../../src/lib/video/probeVideo'
import { withTempFile } from '../../../../../src/lib/video/withTempFile'

const run = promisify(execFile)

let dir: string
let video: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'probe-video-test-'))
  video = path.join(dir, 'explainer.mp4')
  await generateDemoVideo({
    outPath: video,
    seconds: 2,
    width: 320,
    height: 180,
    title: 'Probe me',
  })
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('probeVideo', () => {
  it('reads the duration, size and codecs of an mp4', async () => {
    const probe = await probeVideo(video)
    expect(probe.durationSeconds).toBeGreaterThan(1.8)
    expect(probe.durationSeconds).toBeLessThan(2.2)
    expect(probe).toMatchObject({
      width: 320,
      height: 180,
      videoCodec: 'h264',
      audioCodec: 'aac',
      hasAudio: true,
    })
    expect(probe.formatName).toContain('mp4')
  })

  it('reports the displayed size of a video stored sideways with a rotation flag', async () => {
    const rotated = path.join(dir, 'phone.mp4')
    await run(ffmpegPath(), [
      '-v',
      'error',
      '-y',
      '-i',
      video,
      '-c',
      'copy',
      '-metadata:s:v:0',
      'rotate=90',
      rotated,
    ])
    const probe = await probeVideo(rotated)
    expect(probe).toMatchObject({ width: 180, height: 320 })
    const poster = await sharp(await extractPosterFrame(rotated, 1)).metadata()
    expect({ width: poster.width, height: poster.height }).toEqual({ width: 180, height: 320 })
  })

  it('refuses a picture with one plain sentence, without ffprobe output or the path', async () => {
    const picture = path.join(dir, 'not-a-video.mp4')
    await writeFile(
      picture,
      await generateDemoImage({ width: 64, height: 64, title: 'x', palette: demoPalettes.calm }),
    )
    const error = await probeVideo(picture).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NotAPlayableVideoError)
    expect((error as Error).message).toBe(
      'The file is not a video format we accept (use MP4, MOV or WebM).',
    )
    expect((error as Error).message).not.toContain(dir)
    expect((error as Error).message).not.toMatch(/whitelist|Invalid data|ffprobe/)
  })

  it('refuses a text file, and audio without pictures', async () => {
    const text = path.join(dir, 'notes.mp4')
    await writeFile(text, 'Remember to book the mammogram van for October.\n')
    await expect(probeVideo(text)).rejects.toThrow(
      'The file is not a playable video (its contents could not be read as a video).',
    )

    const audioOnly = path.join(dir, 'tone.m4a')
    await run(ffmpegPath(), [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'sine=duration=1',
      '-c:a',
      'aac',
      audioOnly,
    ])
    await expect(probeVideo(audioOnly)).rejects.toThrow(
      'The file is not a playable video (no video stream found).',
    )
  })

  it('says plainly when the server has no ffprobe (FFPROBE_PATH pointing nowhere)', async () => {
    const previous = process.env.FFPROBE_PATH
    process.env.FFPROBE_PATH = path.join(dir, 'no-such-ffprobe')
    try {
      const error = (await probeVideo(video).catch((caught: unknown) => caught)) as Error
      expect(error.message).toBe(
        "Videos can't be checked on this server right now; please tell your site administrator.",
      )
      expect(error).not.toBeInstanceOf(NotAPlayableVideoError)
    } finally {
      if (previous === undefined) delete process.env.FFPROBE_PATH
      else process.env.FFPROBE_PATH = previous
    }
  })

  it('reads a path as a file, never as an ffmpeg protocol', async () => {
    await expect(probeVideo(`concat:${video}|${video}`)).rejects.toBeInstanceOf(
      NotAPlayableVideoError,
    )
  })
})

describe('extractPosterFrame', () => {
  it('gives a JPEG of the video size', async () => {
    const jpeg = await extractPosterFrame(video, posterTime(2))
    expect([...jpeg.subarray(0, 2)]).toEqual([0xff, 0xd8])
    const { width, height, format } = await sharp(jpeg).metadata()
    expect({ width, height, format }).toEqual({ width: 320, height: 180, format: 'jpeg' })
  })

  it('clamps a time past the end (or before the start) into the video', async () => {
    for (const at of [60, -5, Number.NaN]) {
      const jpeg = await extractPosterFrame(video, at, { durationSeconds: 2 })
      expect(jpeg.length).toBeGreaterThan(1000)
    }
  })

  it('takes different pictures at different moments (the progress bar moves)', async () => {
    const early = await sharp(await extractPosterFrame(video, 0.2))
      .raw()
      .toBuffer()
    const late = await sharp(await extractPosterFrame(video, 1.8))
      .raw()
      .toBuffer()
    expect(early.equals(late)).toBe(false)
  })
})

describe('posterTime', () => {
  it('is 10% in, at most 3 s, and 0 only when the length is unknown', () => {
    expect(posterTime(2)).toBe(0.2)
    expect(posterTime(8)).toBe(0.8)
    expect(posterTime(30)).toBe(3)
    expect(posterTime(3600)).toBe(3)
    expect(posterTime(0.5)).toBeGreaterThan(0)
    expect(posterTime(0)).toBe(0)
    expect(posterTime(-1)).toBe(0)
    expect(posterTime(Number.NaN)).toBe(0)
  })
})

describe('withTempFile', () => {
  it('hands over a file with the bytes, then deletes it even when the work fails', async () => {
    let seenPath = ''
    let seenBytes = ''
    const failure = withTempFile(Buffer.from('bytes'), 'mp4', async (filePath) => {
      seenPath = filePath
      seenBytes = await readFile(filePath, 'utf8')
      throw new Error('boom')
    })
    await expect(failure).rejects.toThrow('boom')
    expect(path.extname(seenPath)).toBe('.mp4')
    expect(seenBytes).toBe('bytes')
    await expect(stat(path.dirname(seenPath))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('does not let an extension reach outside the temporary directory', async () => {
    const filePath = await withTempFile(
      Buffer.from('x'),
      '../../etc/evil',
      async (received) => received,
    )
    expect(path.dirname(path.dirname(filePath))).toBe(os.tmpdir())
    expect(path.basename(filePath)).toBe('upload.bin')
  })
})
