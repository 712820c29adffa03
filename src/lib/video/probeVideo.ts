import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

import { ffmpegPath, ffprobePath } from './ffmpegBinaries'

const run = promisify(execFile)

export type VideoProbe = {
  /** 0 when the container does not record it (some browser recordings). */
  durationSeconds: number
  /** As displayed: swapped for phone videos stored sideways with a rotation flag. */
  width: number
  height: number
  videoCodec: string
  audioCodec?: string
  hasAudio: boolean
  formatName: string
}

/**
 * A problem with the file itself, worded for the marketer who uploaded it (the message is shown
 * in the admin as is), so it never carries ffmpeg's output or a server path; `cause` keeps the
 * details for the logs.
 */
export class NotAPlayableVideoError extends Error {
  override name = 'NotAPlayableVideoError'
}

/**
 * Only these demuxers may open a file. ffmpeg picks a demuxer from the file's contents, not its
 * name, and a "video" that is really an HLS or concat playlist can make it read other files on
 * the server or fetch URLs; a whitelist of ordinary containers (and only the `file:` protocol)
 * shuts that door. Widen it here if the collections ever accept more formats.
 */
const ACCEPTED_CONTAINERS = 'mov,mp4,matroska,webm'
const SAFE_INPUT_OPTIONS = ['-protocol_whitelist', 'file', '-format_whitelist', ACCEPTED_CONTAINERS]

const PROBE_TIMEOUT_MS = 30_000
const POSTER_TIMEOUT_MS = 30_000
/** Seeking to the very end yields no frame, so a poster is taken at least this far before it. */
const END_MARGIN_SECONDS = 0.1

/** `file:` stops ffmpeg reading a path such as `concat:a|b` or `https://…` as a protocol. */
const asLocalInput = (filePath: string): string => `file:${filePath}`

type ProbeStream = {
  codec_type?: string
  codec_name?: string
  width?: number
  height?: number
  duration?: string
  disposition?: { attached_pic?: number }
  tags?: { rotate?: string }
  side_data_list?: { rotation?: number }[]
}
type ProbeOutput = { streams?: ProbeStream[]; format?: { format_name?: string; duration?: string } }

type ExecFailure = Error & { code?: string | number; killed?: boolean; stderr?: string | Buffer }

/** Turns a failed run of ffprobe/ffmpeg into one sentence a marketer can act on. */
const explainFailure = (error: unknown, whenUnreadable: string): Error => {
  const failure = error as ExecFailure
  if (failure.code === 'ENOENT' || failure.code === 'EACCES') {
    return new Error(
      "Videos can't be checked on this server right now; please tell your site administrator.",
      { cause: error },
    )
  }
  if (failure.killed) {
    return new NotAPlayableVideoError(
      'The video took too long to check; try a shorter or smaller file.',
      { cause: error },
    )
  }
  if (String(failure.stderr ?? '').includes('not on whitelist')) {
    return new NotAPlayableVideoError(
      'The file is not a video format we accept (use MP4, MOV or WebM).',
      { cause: error },
    )
  }
  return new NotAPlayableVideoError(whenUnreadable, { cause: error })
}

const rotationOf = (stream: ProbeStream): number => {
  const rotation =
    stream.side_data_list?.find((entry) => typeof entry.rotation === 'number')?.rotation ??
    Number(stream.tags?.rotate ?? 0)
  return Number.isFinite(rotation) ? rotation : 0
}

const secondsOf = (...candidates: (string | undefined)[]): number => {
  for (const candidate of candidates) {
    const seconds = Number.parseFloat(candidate ?? '')
    if (Number.isFinite(seconds) && seconds > 0) return seconds
  }
  return 0
}

/** Reads what Payload can't: a video's real length, display size and codecs. */
export const probeVideo = async (filePath: string): Promise<VideoProbe> => {
  let output: ProbeOutput
  try {
    const { stdout } = await run(
      ffprobePath(),
      [
        '-v',
        'error',
        ...SAFE_INPUT_OPTIONS,
        '-print_format',
        'json',
        '-show_format',
        '-show_streams',
        asLocalInput(filePath),
      ],
      { timeout: PROBE_TIMEOUT_MS, maxBuffer: 10 * 1024 * 1024 },
    )
    output = JSON.parse(stdout) as ProbeOutput
  } catch (error) {
    throw explainFailure(
      error,
      'The file is not a playable video (its contents could not be read as a video).',
    )
  }

  const streams = output.streams ?? []
  // Cover art in an audio file is a "video" stream of one picture; it doesn't make a video.
  const video = streams.find(
    (stream) => stream.codec_type === 'video' && !stream.disposition?.attached_pic,
  )
  if (!video?.width || !video.height) {
    throw new NotAPlayableVideoError('The file is not a playable video (no video stream found).')
  }
  const audio = streams.find((stream) => stream.codec_type === 'audio')
  const sideways = Math.abs(rotationOf(video)) % 180 === 90

  return {
    durationSeconds: secondsOf(output.format?.duration, video.duration),
    width: sideways ? video.height : video.width,
    height: sideways ? video.width : video.height,
    videoCodec: video.codec_name ?? 'unknown',
    ...(audio ? { audioCodec: audio.codec_name ?? 'unknown' } : {}),
    hasAudio: Boolean(audio),
    formatName: output.format?.format_name ?? 'unknown',
  }
}

/**
 * A representative moment for a poster: 10% in, but no later than 3 s (explainers put their
 * title up early) and never 0 s, where fades from black and encoder warm-up frames sit.
 */
export const posterTime = (durationSeconds: number): number => {
  if (!(durationSeconds > 0)) return 0
  return Math.round(Math.min(3, durationSeconds * 0.1) * 1000) / 1000
}

const grabFrame = async (filePath: string, atSeconds: number): Promise<Buffer> => {
  try {
    const { stdout } = await run(
      ffmpegPath(),
      [
        '-v',
        'error',
        '-nostdin',
        // Before -i: seek in the container instead of decoding every frame up to that point.
        '-ss',
        atSeconds.toFixed(3),
        ...SAFE_INPUT_OPTIONS,
        '-i',
        asLocalInput(filePath),
        '-frames:v',
        '1',
        '-an',
        '-sn',
        '-dn',
        '-q:v',
        '3',
        '-f',
        'image2pipe',
        '-vcodec',
        'mjpeg',
        'pipe:1',
      ],
      { encoding: 'buffer', timeout: POSTER_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
    )
    return stdout
  } catch (error) {
    throw explainFailure(error, 'No picture could be taken from the video to use as its poster.')
  }
}

/**
 * A JPEG of the frame at `atSeconds`, at the video's display size. The time is clamped into the
 * video; pass `durationSeconds` when a probe already gave it, to save probing twice.
 */
export const extractPosterFrame = async (
  filePath: string,
  atSeconds: number,
  known?: { durationSeconds: number },
): Promise<Buffer> => {
  const durationSeconds = known?.durationSeconds ?? (await probeVideo(filePath)).durationSeconds
  const latest =
    durationSeconds > 0
      ? Math.max(0, durationSeconds - END_MARGIN_SECONDS)
      : Number.POSITIVE_INFINITY
  const at = Math.min(Math.max(0, Number.isFinite(atSeconds) ? atSeconds : 0), latest)
  let jpeg = await grabFrame(filePath, at)
  // The container's duration can outrun the last picture (audio that runs on); the first frame beats no poster.
  if (jpeg.length === 0 && at > 0) jpeg = await grabFrame(filePath, 0)
  if (jpeg.length === 0)
    throw new NotAPlayableVideoError(
      'No picture could be taken from the video to use as its poster.',
    )
  return jpeg
}
