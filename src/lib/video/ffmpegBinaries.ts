import { createRequire } from 'node:module'

/**
 * Where the ffmpeg and ffprobe executables are.
 *
 * By default they come from `@ffmpeg-installer/ffmpeg` and `@ffprobe-installer/ffprobe`, which
 * ship static builds per platform. Set `FFMPEG_PATH` / `FFPROBE_PATH` to use other binaries,
 * e.g. a newer system ffmpeg or a platform the installers don't cover.
 *
 * The installers are required lazily, not imported: they throw (a bare string) when loaded on an
 * unsupported platform, and an import would take the whole Payload config down with them even
 * when the environment variables point elsewhere. A Next.js server bundle must leave them
 * external (`serverExternalPackages`), since they find their binary relative to `__dirname`.
 */

const require = createRequire(import.meta.url)

type Installer = { path: string }

const fromInstaller = (
  tool: 'ffmpeg' | 'ffprobe',
  packageName: string,
  envName: string,
): string => {
  try {
    return (require(packageName) as Installer).path
  } catch (cause) {
    throw new Error(
      `${tool} is not available on this server; install ${packageName} for this platform or set ${envName}.`,
      { cause },
    )
  }
}

let installedFfmpeg: string | undefined
let installedFfprobe: string | undefined

export const ffmpegPath = (): string =>
  process.env.FFMPEG_PATH ||
  (installedFfmpeg ??= fromInstaller('ffmpeg', '@ffmpeg-installer/ffmpeg', 'FFMPEG_PATH'))

export const ffprobePath = (): string =>
  process.env.FFPROBE_PATH ||
  (installedFfprobe ??= fromInstaller('ffprobe', '@ffprobe-installer/ffprobe', 'FFPROBE_PATH'))
