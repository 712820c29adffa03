/**
 * The charts' colours, as Payload theme variables so they follow the admin's light and dark themes.
 * Payload flips each `--theme-<hue>-<n>` scale in dark mode (600 is a dark blue on white and a
 * light blue on near-black), so one name reads well on both backgrounds. The level is 600 because
 * it is the lowest that clears 4.5:1 against `--theme-bg` in both themes with room to spare
 * (5.7–9.0:1); tests/unit/src/results/palette.test.ts reads Payload's own colors.scss to prove it.
 * Hue alone never tells two series apart: each also has its own dash pattern (lines) or texture
 * (bars) and a legend entry.
 */
import type { DailySeries } from './format'

type Swatch = {
  /** The `--theme-…` variable, without the prefix: what the contrast test resolves. */
  token: string
  /** A line's dashes. */
  strokeDasharray?: string
  /** A bar's texture (one of recharts' built-in `patterns`): the bars' answer to dashes. */
  texture?: 'diagonal' | 'horizontal' | 'vertical' | 'crosshatch'
}

export const cssVar = (token: string) => `var(--theme-${token})`

export const seriesLabels: Record<DailySeries, string> = {
  reach: 'Reach',
  impressions: 'Impressions',
  engagement: 'Engagement',
  clicks: 'Clicks',
  views: 'Web views',
}

export const seriesSwatches: Record<DailySeries, Swatch> = {
  reach: { token: 'success-600' },
  engagement: { token: 'error-600', strokeDasharray: '8 4', texture: 'diagonal' },
  clicks: { token: 'warning-600', strokeDasharray: '2 3', texture: 'horizontal' },
  views: { token: 'elevation-600', strokeDasharray: '12 3 2 3', texture: 'crosshatch' },
  // Drawn only when the chosen KPI counts impressions, beside reach: the darker blue, long dashes.
  impressions: { token: 'success-800', strokeDasharray: '14 6', texture: 'vertical' },
}

/** The target and the pace towards it: the text colour, so they read as annotations, not data. */
export const guideSwatch: Swatch = { token: 'elevation-800', strokeDasharray: '4 4' }

/** Axis ticks and labels are text too. */
export const axisTextToken = 'elevation-800'

/** The axes' lines: graphical, so 3:1 like the bar's outline. */
export const axisLineToken = 'elevation-500'

/** Grid lines are decoration (not compared with anything): faint on purpose. */
export const gridToken = 'elevation-150'

/** The KPI bar: blue on track, the warning hue when behind (the words say which, too). */
export const progressTokens = { onTrack: 'success-600', behind: 'warning-600' } as const

/** The bar's track outline: a graphical boundary, held to 3:1 (WCAG 1.4.11), not 4.5:1. */
export const trackOutlineToken = 'elevation-500'
