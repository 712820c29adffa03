import type { Measure } from './types'

/** How each measure reads in the admin's KPI picker and the Results tab. */
export const measureLabels: Record<Measure, string> = {
  reach: 'Reach (people reached on social networks)',
  impressions: 'Impressions (times shown on social networks)',
  engagement: 'Engagement (likes, comments, shares, saves)',
  clicks: 'Link clicks (short links)',
  views: 'Website views',
  signups: "Event sign-ups (the campaign's events)",
  manual: 'Entered by hand',
}

export const kpiMeasureOptions = Object.entries(measureLabels).map(([value, label]) => ({
  value,
  label,
}))
