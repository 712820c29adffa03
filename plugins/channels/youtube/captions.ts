/**
 * captions.insert (YouTube Data API): POST /upload/youtube/v3/captions?part=snippet with a caption
 * resource whose `snippet.videoId`, `snippet.language` and `snippet.name` are required, plus the
 * track file. `uploadType=multipart` sends both in one multipart/related body: the JSON metadata
 * part first, the media part second (Google's "multipart upload"). Answers 200 with the caption
 * resource; 409 `captionExists` when the video already has a track with that language and name.
 */
import { randomBytes } from 'node:crypto'

import { readJson } from '../http'
import type { ChannelFailure } from '../../scheduler'
import { authHeader, classify, googleError, type YoutubeContext, youtubeUrl } from './api'

export type CaptionTrack = { language: string; label: string; vtt: string }

/** The key a track is remembered by once uploaded, so a retry does not send it twice. */
export const trackKey = (track: CaptionTrack): string => `${track.language}\u0000${track.label}`

const multipartBody = (boundary: string, metadata: unknown, track: CaptionTrack): string =>
  [
    `--${boundary}`,
    'Content-Type: application/json; charset=UTF-8',
    '',
    JSON.stringify(metadata),
    `--${boundary}`,
    // Accepted media types are text/xml, application/octet-stream and */*; YouTube reads the format.
    'Content-Type: text/vtt; charset=UTF-8',
    '',
    track.vtt,
    `--${boundary}--`,
    '',
  ].join('\r\n')

/**
 * Uploads one track to `videoId`. `captionExists` counts as done: it is what a repeat of a track
 * whose answer was lost gets, and the track it names is this one (same language and name).
 */
export const insertCaption = async (
  ctx: YoutubeContext,
  videoId: string,
  track: CaptionTrack,
): Promise<ChannelFailure | undefined> => {
  const boundary = `carecast-${randomBytes(12).toString('hex')}`
  const metadata = {
    snippet: { videoId, language: track.language, name: track.label, isDraft: false },
  }
  const response = await fetch(
    youtubeUrl(ctx.account, '/upload/youtube/v3/captions?part=snippet&uploadType=multipart'),
    {
      method: 'POST',
      headers: {
        ...authHeader(ctx.account),
        'Content-Type': `multipart/related; boundary=${boundary}`,
      },
      body: multipartBody(boundary, metadata, track),
      signal: ctx.signal,
    },
  )
  if (response.ok) {
    await response.body?.cancel()
    return undefined
  }
  const error = googleError(await readJson(response))
  if (response.status === 409 && error.reason === 'captionExists') return undefined
  return classify(response.status, response.headers, error, ctx.now())
}
