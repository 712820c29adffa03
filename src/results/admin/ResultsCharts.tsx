'use client'
/**
 * The Results tab's charts: "Over time" and "By channel". Each has a heading and, under it, the
 * same figures as a table in a <details>.
 */
import type { CampaignResults } from '../types'
import { ChannelChart } from './ChannelChart'
import { OverTimeChart } from './OverTimeChart'

export const ResultsCharts = ({ results }: { results: CampaignResults }) => (
  <>
    <OverTimeChart results={results} />
    <ChannelChart results={results} />
  </>
)
