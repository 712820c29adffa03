'use client'
/**
 * "Over time": the running totals day by day, with a chosen KPI's target and the straight line
 * towards it that "behind" is measured on.
 */
import { useId, useState } from 'react'
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'

import type { CampaignResults, KpiProgress } from '../types'
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
import {
  chartableKpis,
  type DailySeries,
  dailyWithPace,
  dayTicks,
  formatCompact,
  formatCount,
  formatDay,
} from './format'
import { cssVar, guideSwatch, seriesLabels, seriesSwatches } from './palette'

/** The KPI the target line starts on: the first one behind, as that is what the team will ask about. */
const firstChoice = (kpis: KpiProgress[]) => {
  const behind = kpis.findIndex((kpi) => kpi.behind)
  return kpis.length ? String(Math.max(0, behind)) : ''
}

export const OverTimeChart = ({ results }: { results: CampaignResults }) => {
  const headingId = useId()
  const selectId = useId()
  const kpis = chartableKpis(results.kpis)
  const [chosen, setChosen] = useState(() => firstChoice(kpis))
  // By position, not name: two KPIs may share a metric name.
  const kpi = chosen === '' ? undefined : kpis[Number(chosen)]
  const series: DailySeries[] =
    kpi?.measure === 'impressions' ? ['reach', 'impressions', ...BASE_SERIES.slice(1)] : BASE_SERIES
  const data = dailyWithPace(results, kpi)
  const ticks = dayTicks(data.map((day) => day.at))
  const paceName = kpi ? `${kpi.metric}: expected by then` : ''
  return (
    <section aria-labelledby={headingId} style={sectionStyle}>
      <h3 id={headingId}>Over time</h3>
      <p>Running totals at the end of each day (UTC).</p>
      {kpis.length > 0 && (
        <p>
          <label htmlFor={selectId}>Target line for </label>
          <select id={selectId} value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="">no KPI</option>
            {kpis.map((option, index) => (
              <option key={index} value={String(index)}>
                {option.metric}
              </option>
            ))}
          </select>
        </p>
      )}
      {data.length === 0 ? (
        <p>Nothing has been published yet, so there is nothing to draw.</p>
      ) : (
        <>
          <ChartFrame labelledBy={headingId}>
            <LineChart
              data={data}
              margin={chartMargin}
              title="Running totals by day"
              desc={chartDesc}
            >
              <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" />
              {/* A time axis, not a category per entry: a day with no entry keeps its width. */}
              <XAxis
                dataKey="at"
                type="number"
                scale="time"
                domain={ticks.domain}
                ticks={ticks.ticks}
                tickFormatter={formatDay}
                tick={tick}
                stroke={axisStroke}
              />
              <YAxis tickFormatter={formatCompact} tick={tick} stroke={axisStroke} width={56} />
              <Tooltip
                {...tooltipStyle}
                labelFormatter={(at) => formatDay(Number(at))}
                formatter={tooltipValue}
              />
              {/* The series' order, not the alphabet's; plain lines so the legend shows the dashes. */}
              <Legend itemSorter={null} iconSize={28} />
              {series.map((key) => (
                <Line
                  key={key}
                  type="monotone"
                  dataKey={key}
                  name={seriesLabels[key]}
                  stroke={cssVar(seriesSwatches[key].token)}
                  strokeDasharray={seriesSwatches[key].strokeDasharray}
                  strokeWidth={2}
                  // One day is one point: without its dot, a line of one point is invisible.
                  dot={data.length === 1}
                  legendType="plainline"
                  isAnimationActive={false}
                />
              ))}
              {kpi && (
                <Line
                  type="linear"
                  dataKey="expected"
                  name={paceName}
                  stroke={cssVar(guideSwatch.token)}
                  strokeDasharray={guideSwatch.strokeDasharray}
                  strokeWidth={1.5}
                  dot={false}
                  legendType="plainline"
                  isAnimationActive={false}
                />
              )}
              {kpi && (
                <ReferenceLine
                  y={kpi.target}
                  ifOverflow="extendDomain"
                  stroke={cssVar(guideSwatch.token)}
                  strokeDasharray={guideSwatch.strokeDasharray}
                  label={{
                    value: `${kpi.metric} target: ${formatCount(kpi.target)}`,
                    position: 'insideTopLeft',
                    fill: cssVar(guideSwatch.token),
                    fontSize: 12,
                  }}
                />
              )}
            </LineChart>
          </ChartFrame>
          <DataTable
            summary="Over time as a table"
            label="Running totals by day"
            columns={['Day', ...series.map((key) => seriesLabels[key]), ...(kpi ? [paceName] : [])]}
            rows={data.map((day) => ({
              key: day.day,
              head: formatDay(day.day),
              cells: [...series.map((key) => day[key]), ...(kpi ? [day.expected] : [])],
            }))}
          />
        </>
      )}
    </section>
  )
}
