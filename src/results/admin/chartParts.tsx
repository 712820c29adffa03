/**
 * What the Results tab's two charts share: the sized frame recharts needs, the axis and tooltip
 * colours, and the table of the same figures that each chart carries under it (a chart is a
 * picture to most readers and nothing at all to a screen reader).
 */
import type { CSSProperties, ReactNode } from 'react'
import { ResponsiveContainer } from 'recharts'

import { type DailySeries, formatCount } from './format'
import { axisLineToken, axisTextToken, cssVar, gridToken } from './palette'

// A fixed height: ResponsiveContainer measures its parent, and an unsized parent is 0 px tall.
const CHART_HEIGHT = 320

const styles = {
  chart: { height: CHART_HEIGHT, width: '100%' },
  table: { borderCollapse: 'collapse', marginTop: 'calc(var(--base) * 0.5)' },
  cell: { padding: '0.25rem 0.75rem', borderBottom: '1px solid var(--theme-elevation-150)' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
} satisfies Record<string, CSSProperties>

export const sectionStyle = { marginTop: 'calc(var(--base) * 1.5)' }

export const chartMargin = { top: 16, right: 24, bottom: 8, left: 8 }
export const chartDesc = 'The same figures are in the table under the chart.'
export const gridStroke = cssVar(gridToken)
export const tick = { fill: cssVar(axisTextToken), fontSize: 12 }
export const axisStroke = cssVar(axisLineToken)

// Recharts' tooltip is white with grey text by default: unreadable in the dark theme.
export const tooltipStyle = {
  contentStyle: {
    background: 'var(--theme-elevation-0)',
    border: '1px solid var(--theme-elevation-250)',
    borderRadius: 'var(--style-radius-s)',
    color: 'var(--theme-text)',
  },
  labelStyle: { color: 'var(--theme-text)', fontWeight: 600 },
}

export const tooltipValue = (value: unknown) =>
  typeof value === 'number' ? formatCount(value) : String(value ?? '')

/** The totals both charts draw, in the order the legend lists them. */
export const BASE_SERIES: DailySeries[] = ['reach', 'engagement', 'clicks', 'views']

/** The chart, named by its section's heading, at the fixed height recharts needs. */
export const ChartFrame = ({
  labelledBy,
  children,
}: {
  labelledBy: string
  children: ReactNode
}) => (
  <figure aria-labelledby={labelledBy} style={{ margin: 0 }}>
    <div style={styles.chart}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  </figure>
)

/** A table of the chart's figures, closed by default so the page stays short. */
export const DataTable = ({
  summary,
  label,
  columns,
  rows,
}: {
  summary: string
  label: string
  columns: string[]
  rows: { key: string; head: ReactNode; cells: (number | null)[] }[]
}) => (
  <details>
    <summary>{summary}</summary>
    <table aria-label={label} style={styles.table}>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th
              key={column}
              scope="col"
              style={index ? { ...styles.cell, ...styles.number } : styles.cell}
            >
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" style={styles.cell}>
              {row.head}
            </th>
            {row.cells.map((value, index) => (
              <td key={columns[index + 1]} style={{ ...styles.cell, ...styles.number }}>
                {formatCount(value)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  </details>
)
