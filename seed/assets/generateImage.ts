import sharp from 'sharp'

/**
 * Demo pictures for the seed, drawn from SVG so nothing is downloaded and nobody's photo or
 * likeness is used. Output is a JPEG, as real campaign photography would be, and the same input
 * always gives the same bytes (positions come from a hash of the text, not Math.random), so a
 * re-seeded database points at identical files.
 */

export type DemoPalette = {
  /** Background gradient, top-left to bottom-right. */
  from: string
  to: string
  /** The soft shapes. */
  accent: string
  /** Text on the gradient; the silhouette on a portrait (so portraits want a light palette). */
  ink: string
}

/** Colours associated with each observance, in a hospital-brand register (muted, not neon). */
export const demoPalettes = {
  heart: { from: '#7a1526', to: '#c8324a', accent: '#f4a3a8', ink: '#ffffff' },
  breastCancer: { from: '#8c2f5e', to: '#e47ca5', accent: '#ffd1e3', ink: '#ffffff' },
  diabetes: { from: '#123f7a', to: '#2f7fc1', accent: '#9fd3f5', ink: '#ffffff' },
  mentalHealth: { from: '#1d5443', to: '#4f9a6e', accent: '#c6e8b8', ink: '#ffffff' },
  community: { from: '#3a2f6b', to: '#d0793c', accent: '#ffd39a', ink: '#ffffff' },
  // Light backgrounds with a dark ink, for portrait placeholders.
  calm: { from: '#dfe9ef', to: '#b9cfdc', accent: '#ffffff', ink: '#3d5666' },
  sand: { from: '#f3e6d6', to: '#dcc2a4', accent: '#fff8ee', ink: '#5b4636' },
  sage: { from: '#e3ede2', to: '#b7cdb5', accent: '#fbfff8', ink: '#3c5a43' },
} satisfies Record<string, DemoPalette>

const FONT_FAMILY = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif"
/** DejaVu Sans Bold's average glyph width in ems, to wrap lines without measuring text. */
const BOLD_EM_WIDTH = 0.62
const JPEG_QUALITY = 84

/** FNV-1a, then mulberry32: a tiny seeded generator so a title always gets the same layout. */
const seededRandom = (seed: string): (() => number) => {
  let hash = 0x811c9dc5
  for (const char of seed) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193)
  let state = hash >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&'"]/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!,
  )

const assertPalette = (palette: DemoPalette): void => {
  for (const colour of Object.values(palette)) {
    if (!/^#[0-9a-f]{3,8}$/i.test(colour)) throw new Error(`"${colour}" is not a hex colour.`)
  }
}

const assertSize = (width: number, height: number): void => {
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 16 ||
    height < 16 ||
    width * height > 40_000_000
  ) {
    throw new Error(`${width}x${height} is not a sensible image size.`)
  }
}

/** Greedy word wrap to an estimated width; returns at most `maxLines`, or undefined if it won't fit. */
const wrapWords = (text: string, charsPerLine: number, maxLines: number): string[] | undefined => {
  const lines: string[] = []
  for (const word of text.trim().split(/\s+/)) {
    const last = lines.at(-1)
    if (last !== undefined && (last + ' ' + word).length <= charsPerLine)
      lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines.length <= maxLines && lines.every((line) => line.length <= charsPerLine)
    ? lines
    : undefined
}

/** The largest title size (up to `startSize`) at which the title fits in three lines. */
const fitTitle = (
  title: string,
  maxWidth: number,
  startSize: number,
): { size: number; lines: string[] } => {
  for (let size = startSize; size > 10; size *= 0.9) {
    const lines = wrapWords(title, Math.floor(maxWidth / (size * BOLD_EM_WIDTH)), 3)
    if (lines) return { size, lines }
  }
  return { size: 10, lines: [title] }
}

const softShapes = (
  random: () => number,
  width: number,
  height: number,
  colour: string,
  count: number,
): string =>
  Array.from({ length: count }, () => {
    const r = (0.15 + random() * 0.3) * Math.min(width, height)
    const cx = random() * width
    const cy = random() * height * 0.8
    const opacity = (0.18 + random() * 0.3).toFixed(2)
    return `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${r.toFixed(1)}" fill="${colour}" fill-opacity="${opacity}"/>`
  }).join('')

/** A gentle wave across the lower part of the picture: a "care" motif without medical symbols. */
const wave = (
  random: () => number,
  width: number,
  height: number,
  baseline: number,
  amplitude: number,
): string => {
  const lift = (0.5 + random()) * amplitude
  return `M0 ${baseline} C ${width * 0.3} ${baseline - lift} ${width * 0.6} ${baseline + lift} ${width} ${baseline - lift * 0.4} L ${width} ${height} L 0 ${height} Z`
}

const render = async (svg: string): Promise<Buffer> =>
  sharp(Buffer.from(svg)).jpeg({ quality: JPEG_QUALITY, mozjpeg: true }).toBuffer()

export type DemoImageOptions = {
  width: number
  height: number
  title: string
  subtitle?: string
  palette: DemoPalette
}

/** A campaign or event illustration: gradient, blurred shapes, a wave, the title bottom-left. */
export const generateDemoImage = async ({
  width,
  height,
  title,
  subtitle,
  palette,
}: DemoImageOptions): Promise<Buffer> => {
  assertSize(width, height)
  assertPalette(palette)
  const random = seededRandom(`${title}|${subtitle ?? ''}|${width}x${height}`)
  const short = Math.min(width, height)
  const margin = Math.round(width * 0.06)
  const subtitleSize = Math.round(Math.min(height * 0.045, width * 0.028))
  const { size: titleSize, lines } = fitTitle(
    title,
    width * 0.78,
    Math.min(height * 0.11, width * 0.062),
  )
  const lineHeight = titleSize * 1.12
  const lastBaseline = height - margin - (subtitle ? subtitleSize * 1.8 : 0)
  const firstBaseline = lastBaseline - lineHeight * (lines.length - 1)

  const titleText = lines
    .map(
      (line, index) =>
        `<tspan x="${margin}" y="${(firstBaseline + index * lineHeight).toFixed(1)}">${escapeXml(line)}</tspan>`,
    )
    .join('')
  const subtitleText = subtitle
    ? `<text x="${margin}" y="${height - margin}" font-size="${subtitleSize}" font-family="${FONT_FAMILY}" fill="${palette.ink}" fill-opacity="0.9">${escapeXml(subtitle)}</text>`
    : ''

  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs>
    <linearGradient id="background" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${palette.from}"/><stop offset="1" stop-color="${palette.to}"/>
    </linearGradient>
    <linearGradient id="legibility" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.35"/>
    </linearGradient>
    <filter id="soft" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${(short * 0.05).toFixed(1)}"/></filter>
  </defs>
  <rect width="${width}" height="${height}" fill="url(#background)"/>
  <g filter="url(#soft)">${softShapes(random, width, height, palette.accent, 5)}</g>
  <path d="${wave(random, width, height, height * 0.62, height * 0.12)}" fill="#fff" fill-opacity="0.10"/>
  <path d="${wave(random, width, height, height * 0.74, height * 0.08)}" fill="#fff" fill-opacity="0.08"/>
  <rect y="${height * 0.45}" width="${width}" height="${height * 0.55}" fill="url(#legibility)"/>
  <text font-size="${titleSize.toFixed(1)}" font-weight="700" font-family="${FONT_FAMILY}" fill="${palette.ink}">${titleText}</text>
  ${subtitleText}
</svg>`
  return render(svg)
}

export type PortraitPlaceholderOptions = {
  width: number
  height: number
  palette: DemoPalette
  /** Varies the composition between placeholders (e.g. the story's slug); never drawn. */
  variant: string
}

/**
 * Stands in for a patient's photograph in a story: a head-and-shoulders silhouette against a
 * soft, out-of-focus background. It is deliberately anonymous, but the seed records it as showing
 * the patient, so the consent gate treats it exactly as it would a real photo.
 */
export const generatePortraitPlaceholder = async ({
  width,
  height,
  palette,
  variant,
}: PortraitPlaceholderOptions): Promise<Buffer> => {
  assertSize(width, height)
  assertPalette(palette)
  const random = seededRandom(`portrait|${variant}|${width}x${height}`)
  const short = Math.min(width, height)
  const cx = width * (0.44 + random() * 0.12)
  const headRadius = short * (0.14 + random() * 0.02)
  const headY = height * 0.4
  const neckHalf = headRadius * 0.42
  const neckTop = headY + headRadius * 0.7
  const shoulderTop = headY + headRadius * 1.45
  const shoulderHalf = short * 0.34

  // The neck flares into rounded shoulders that run out of the bottom of the frame; `sign` mirrors one side onto the other.
  const at = (sign: number, offset: number, y: number): string =>
    `${(cx + sign * offset).toFixed(1)} ${y.toFixed(1)}`
  const neckBase = shoulderTop - headRadius * 0.1
  const shoulderY = shoulderTop + headRadius * 0.6
  const body = [
    `M ${at(-1, neckHalf, neckTop)} L ${at(-1, neckHalf, neckBase)}`,
    `C ${at(-1, neckHalf, shoulderTop + headRadius * 0.15)} ${at(-1, shoulderHalf * 0.85, shoulderTop)} ${at(-1, shoulderHalf, shoulderY)}`,
    `C ${at(-1, shoulderHalf * 1.08, shoulderTop + headRadius)} ${at(-1, shoulderHalf * 1.1, height)} ${at(-1, shoulderHalf * 1.1, height + 2)}`,
    `L ${at(1, shoulderHalf * 1.1, height + 2)}`,
    `C ${at(1, shoulderHalf * 1.1, height)} ${at(1, shoulderHalf * 1.08, shoulderTop + headRadius)} ${at(1, shoulderHalf, shoulderY)}`,
    `C ${at(1, shoulderHalf * 0.85, shoulderTop)} ${at(1, neckHalf, shoulderTop + headRadius * 0.15)} ${at(1, neckHalf, neckBase)}`,
    `L ${at(1, neckHalf, neckTop)} Z`,
  ].join(' ')
  // A few hair outlines so three placeholders side by side don't look like copies.
  const hairStyles = [
    '',
    `<rect x="${cx - headRadius * 1.05}" y="${headY - headRadius * 0.6}" width="${headRadius * 2.1}" height="${headRadius * 2.2}" rx="${headRadius}"/>`,
    `<circle cx="${cx}" cy="${headY - headRadius * 1.05}" r="${headRadius * 0.38}"/>`,
  ]
  const hair = hairStyles[Math.floor(random() * hairStyles.length)]

  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs>
    <radialGradient id="background" cx="0.5" cy="0.35" r="0.85">
      <stop offset="0" stop-color="${palette.accent}"/><stop offset="1" stop-color="${palette.to}"/>
    </radialGradient>
    <filter id="bokeh" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${(short * 0.04).toFixed(1)}"/></filter>
  </defs>
  <rect width="${width}" height="${height}" fill="url(#background)"/>
  <g filter="url(#bokeh)">${softShapes(random, width, height, '#ffffff', 6)}</g>
  <g fill="${palette.ink}" opacity="0.78">
    ${hair}
    <path d="${body}"/>
    <ellipse cx="${cx}" cy="${headY}" rx="${headRadius * 0.86}" ry="${headRadius}"/>
  </g>
</svg>`
  return render(svg)
}
