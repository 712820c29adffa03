/**
 * One card per KPI: the figure against the target, a bar that also says its percentage in words
 * (a bar alone tells a screen reader, and anyone who can't judge a width, nothing), and whether the
 * campaign is behind the straight line to the target.
 */
import { useId } from 'react'

import type { KpiProgress } from '../types'
import {
  barPercent,
  kpiBehindText,
  kpiFigures,
  kpiProgressText,
  MANUAL_KPI_TEXT,
  withUnit,
} from './format'
import { cssVar, progressTokens, trackOutlineToken } from './palette'

const styles = {
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))',
    gap: 'var(--base)',
    margin: 0,
    padding: 0,
  },
  card: {
    listStyle: 'none',
    padding: 'calc(var(--base) * 0.75)',
    border: '1px solid var(--theme-elevation-150)',
    borderRadius: 'var(--style-radius-m)',
  },
  metric: { margin: 0, fontSize: '1rem' },
  figures: { margin: 'calc(var(--base) * 0.25) 0', fontSize: '1.5rem', fontWeight: 600 },
  track: {
    height: '0.75rem',
    border: `1px solid ${cssVar(trackOutlineToken)}`,
    borderRadius: 'var(--style-radius-s)',
    overflow: 'hidden',
  },
  note: { margin: 'calc(var(--base) * 0.25) 0 0' },
  behind: { margin: 'calc(var(--base) * 0.25) 0 0', fontWeight: 600 },
} as const

const measureNames: Record<KpiProgress['measure'], string> = {
  reach: 'reach',
  impressions: 'impressions',
  engagement: 'engagement',
  clicks: 'short-link clicks',
  views: 'web views',
  signups: 'event sign-ups',
  manual: 'a figure entered on the campaign',
}

const KpiCard = ({ kpi, started }: { kpi: KpiProgress; started: boolean }) => {
  const headingId = useId()
  const percent = Math.round(barPercent(kpi.progress))
  const waitingForFigure = kpi.measure === 'manual' && kpi.actual === null
  return (
    <li style={styles.card} aria-labelledby={headingId}>
      <h4 id={headingId} style={styles.metric}>
        {kpi.metric}
      </h4>
      <p style={styles.figures}>{kpiFigures(kpi)}</p>
      <div
        role="progressbar"
        aria-label={`${kpi.metric} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={kpiProgressText(kpi)}
        style={styles.track}
      >
        <div
          style={{
            width: `${percent}%`,
            height: '100%',
            background: cssVar(kpi.behind ? progressTokens.behind : progressTokens.onTrack),
          }}
        />
      </div>
      <p style={styles.note}>
        {kpiProgressText(kpi)} · counts {measureNames[kpi.measure]}
      </p>
      {waitingForFigure ? (
        <p style={styles.note}>{MANUAL_KPI_TEXT}</p>
      ) : kpi.behind ? (
        <p style={styles.behind}>{kpiBehindText(kpi)}</p>
      ) : started ? (
        <p style={styles.note}>On track: {withUnit(kpi.expectedByNow, kpi.unit)} expected by now</p>
      ) : (
        <p style={styles.note}>The campaign has not started yet</p>
      )}
    </li>
  )
}

export const KpiCards = ({ kpis, started }: { kpis: KpiProgress[]; started: boolean }) => {
  const headingId = useId()
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>KPI progress</h3>
      {kpis.length ? (
        <ul style={styles.list}>
          {kpis.map((kpi, index) => (
            <KpiCard key={`${index}-${kpi.metric}`} kpi={kpi} started={started} />
          ))}
        </ul>
      ) : (
        <p>This campaign has no KPIs yet: add them on the campaign to track them here.</p>
      )}
    </section>
  )
}
