'use client'
/** "By channel": each channel's totals as a group of bars. */
import { type ComponentProps, useId } from 'react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  pattern,
  patterns,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'

import type { CampaignResults } from '../types'
import {
  axisStroke,
  BASE_SERIES,
  ChartFrame,
  chartDesc,
  chartMargin,
  DataTable,
  gridStroke,
  sectionStyle,
  tick,
  tooltipStyle,
  tooltipValue,
} from './chartParts'
import { type DailySeries, formatCompact } from './format'
import { cssVar, seriesLabels, seriesSwatches } from './palette'

// Made once, outside any component, as recharts asks: a new definition each render redraws it.
// The texture is the page's background, so it reads as gaps in the bar in either theme.
const barFill = Object.fromEntries(
  BASE_SERIES.map((key) => {
    const { token, texture } = seriesSwatches[key]
    const color = cssVar(token)
    return [
      key,
      texture
        ? { color, definition: pattern({ ...patterns[texture], color: 'var(--theme-bg)' }) }
        : color,
    ]
  }),
) as Record<DailySeries, ComponentProps<typeof Bar>['fill']>

export const ChannelChart = ({ results }: { results: CampaignResults }) => {
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} style={sectionStyle}>
      <h3 id={headingId}>By channel</h3>
      {results.channels.length === 0 ? (
        <p>No channel has published this campaign yet.</p>
      ) : (
        <>
          <ChartFrame labelledBy={headingId}>
            <BarChart
              data={results.channels}
              margin={chartMargin}
              title="Totals by channel"
              desc={chartDesc}
            >
              <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={tick} stroke={axisStroke} />
              <YAxis tickFormatter={formatCompact} tick={tick} stroke={axisStroke} width={56} />
              <Tooltip
                {...tooltipStyle}
                formatter={tooltipValue}
                cursor={{ fill: 'var(--theme-elevation-100)' }}
              />
              <Legend itemSorter={null} />
              {BASE_SERIES.map((key) => (
                <Bar
                  key={key}
                  dataKey={key}
                  name={seriesLabels[key]}
                  fill={barFill[key]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ChartFrame>
          <DataTable
            summary="By channel as a table"
            label="Totals by channel"
            columns={[
              'Channel',
              'Posts',
              'Reach',
              'Impressions',
              'Engagement',
              'Clicks',
              'Web views',
            ]}
            rows={results.channels.map((channel) => ({
              key: channel.channel,
              head: channel.label,
              cells: [
                channel.posts,
                channel.reach,
                channel.impressions,
                channel.engagement,
                channel.clicks,
                channel.views,
              ],
            }))}
          />
        </>
      )}
    </section>
  )
}
