import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { fileRefused } from '../../../src/fields/fileRefused'
import { childRequest } from '../../../src/lib/requests/childRequest'
import { extractPosterFrame, posterTime, probeVideo } from '../../../src/lib/video/probeVideo'
import { withTempFile } from '../../../src/lib/video/withTempFile'
import { slugs } from '../../../src/slugs'

const EXTENSIONS: Record<string, string> = { 'video/mp4': 'mp4', 'video/webm': 'webm' }

/**
 * Payload knows nothing about video: when a file arrives, read its real duration and size with
 * ffprobe and take a poster frame with ffmpeg, stored as a Media image with alt text. A file that
 * ffprobe can't read as video is refused, whatever its name says.
 */
export const probeUploadedVideo: CollectionBeforeChangeHook = async ({ data, req }) => {
  const file = req.file
  if (!file?.data?.length) return data
  const title = typeof data.title === 'string' ? data.title : 'video'
  try {
    await withTempFile(file.data, EXTENSIONS[file.mimetype] ?? 'mp4', async (filePath) => {
      const probe = await probeVideo(filePath)
      data.durationSeconds = Math.round(probe.durationSeconds * 10) / 10
      data.width = probe.width
      data.height = probe.height
      const poster = await extractPosterFrame(filePath, posterTime(probe.durationSeconds))
      const media = await req.payload.create({
        collection: slugs.media,
        data: {
          alt: `Poster frame of the video “${title}”`,
          showsPatient: Boolean(data.showsPatient),
        },
        file: {
          data: poster,
          mimetype: 'image/jpeg',
          name: `poster-${Date.now()}.jpg`,
          size: poster.length,
        },
        locale: 'en',
        overrideAccess: true,
        // A child request: with \`req\` itself, these calls' locales ('es' last) became the outer
        // create's, and the video's English title and transcript were stored as Spanish.
        req: childRequest(req),
      })
      await req.payload.update({
        collection: slugs.media,
        id: media.id,
        data: { alt: `Fotograma de portada del vídeo «${title}»` },
        locale: 'es',
        overrideAccess: true,
        req: childRequest(req),
      })
      data.poster = media.id
    })
  } catch (error) {
    if (error instanceof ValidationError) throw error
    const message =
      error instanceof Error ? error.message : 'The file could not be read as a video.'
    throw fileRefused(slugs.videoAssets, message)
  }
  return data
}
