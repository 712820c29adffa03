import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/**
 * Payload hands uploads over as buffers, but ffprobe and ffmpeg read files. Writes the bytes to a
 * private temporary directory (mkdtemp: unguessable name, owner-only), runs `fn` on the file, and
 * removes the directory whatever happens, so uploads never pile up in /tmp.
 *
 * The extension matters to ffmpeg for a few formats, but it usually comes from an uploaded file's
 * name or type, so anything but a short alphanumeric one is replaced rather than trusted in a path.
 */
export const withTempFile = async <T>(
  data: Uint8Array,
  extension: string,
  fn: (filePath: string) => Promise<T>,
): Promise<T> => {
  const safeExtension = /^\.?([a-z0-9]{1,10})$/i.exec(extension)?.[1] ?? 'bin'
  const dir = await mkdtemp(path.join(os.tmpdir(), 'carecast-'))
  try {
    const filePath = path.join(dir, `upload.${safeExtension}`)
    await writeFile(filePath, data)
    return await fn(filePath)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
