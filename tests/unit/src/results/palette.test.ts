import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import {
  axisTextToken,
  guideSwatch,
  progressTokens,
  seriesSwatches,
  trackOutlineToken,
} from '../../../../src/results/admin/palette'

// Payload's own palette, so an upgrade that shifts a colour fails here rather than in a review.
const require = createRequire(import.meta.url)
const colorsScss = fs.readFileSync(
  path.join(path.dirname(require.resolve('@payloadcms/ui/scss')), 'colors.scss'),
  'utf8',
)

type Rgb = [number, number, number]

const base = new Map<string, Rgb>(
  [...colorsScss.matchAll(/--color-([a-z]+-\d+):\s*rgb\((\d+),\s*(\d+),\s*(\d+)\)/g)].map((m) => [
    m[1],
    [Number(m[2]), Number(m[3]), Number(m[4])],
  ]),
)
const darkStart = colorsScss.indexOf("html[data-theme='dark']")
const themeMaps = { light: new Map<string, string>(), dark: new Map<string, string>() }
for (const m of colorsScss.matchAll(/--theme-([a-z]+-\d+):\s*var\(--color-([a-z]+-\d+)\)/g))
  themeMaps[m.index! > darkStart ? 'dark' : 'light'].set(m[1], m[2])

/** A `--theme-…` token's colour in a theme: the dark block overrides, the rest come from :root. */
const resolve = (token: string, theme: 'light' | 'dark'): Rgb => {
  const color = (theme === 'dark' && themeMaps.dark.get(token)) || themeMaps.light.get(token)
  const rgb = color && base.get(color)
  if (!rgb) throw new Error(`--theme-${token} is not in Payload's colors.scss`)
  return rgb
}

const luminance = (rgb: Rgb) => {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

const contrast = (a: Rgb, b: Rgb) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light + 0.05) / (dark + 0.05)
}

// `--theme-bg` is `--theme-elevation-0` in both themes (Payload's app.scss).
const against = (token: string, theme: 'light' | 'dark') =>
  contrast(resolve(token, theme), resolve('elevation-0', theme))

const textTokens = {
  ...Object.fromEntries(Object.entries(seriesSwatches).map(([key, { token }]) => [key, token])),
  guide: guideSwatch.token,
  axis: axisTextToken,
  onTrack: progressTokens.onTrack,
  behind: progressTokens.behind,
}

describe("the results charts' colours", () => {
  it('reads the light and dark backgrounds from Payload', () => {
    expect(resolve('elevation-0', 'light')).toEqual([255, 255, 255])
    expect(luminance(resolve('elevation-0', 'dark'))).toBeLessThan(0.02)
  })

  it.each(Object.entries(textTokens))(
    '%s (--theme-%s) has at least 4.5:1 against the background in both themes',
    (_name, token) => {
      expect(against(token, 'light')).toBeGreaterThanOrEqual(4.5)
      expect(against(token, 'dark')).toBeGreaterThanOrEqual(4.5)
    },
  )

  it("gives the progress bar's outline at least 3:1, as a graphical boundary", () => {
    expect(against(trackOutlineToken, 'light')).toBeGreaterThanOrEqual(3)
    expect(against(trackOutlineToken, 'dark')).toBeGreaterThanOrEqual(3)
  })

  it('never draws two series the same way', () => {
    const looks = Object.values(seriesSwatches).map(
      ({ token, strokeDasharray }) => `${token}/${strokeDasharray ?? 'solid'}`,
    )
    expect(new Set(looks).size).toBe(looks.length)
    const dashes = Object.values(seriesSwatches).map((s) => s.strokeDasharray ?? 'solid')
    expect(new Set(dashes).size).toBe(dashes.length)
  })
})
