/**
 * A campaign's results, drawn from the report the API sent (`CampaignResults`): it holds no rule
 * of its own, so the tab, the CSV and the dashboard can't tell different stories. Kept apart from
 * the fetching (ResultsView) so it can be rendered, and tested, from a fixture.
 */
import { type CSSProperties, useId } from 'react'

import type { CampaignResults } from '../types'
import { formatCount, formatDate, formatInstant } from './format'
import { KpiCards } from './KpiCards'
import { PostTables } from './PostTables'
import { ResultsCharts } from './ResultsCharts'

const styles = {
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: 'var(--base)',
  },
  totals: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: 'calc(var(--base) * 0.5) calc(var(--base) * 1.5)',
    margin: 'var(--base) 0',
  },
  total: { margin: 0 },
  totalValue: { margin: 0, fontSize: '1.25rem', fontWeight: 600 },
  limits: {
    marginTop: 'calc(var(--base) * 1.5)',
    padding: 'calc(var(--base) * 0.75)',
    borderLeft: '3px solid var(--theme-elevation-250)',
    background: 'var(--theme-elevation-50)',
  },
} satisfies Record<string, CSSProperties>

const Totals = ({ totals }: { totals: CampaignResults['totals'] }) => {
  const figures: [string, number | null][] = [
    ['Posts', totals.posts],
    ['Reach', totals.reach],
    ['Impressions', totals.impressions],
    ['Engagement', totals.engagement],
    ['Clicks', totals.clicks],
    ['Web views', totals.views],
    ['Event sign-ups', totals.signups],
  ]
  return (
    <dl aria-label="Totals" style={styles.totals}>
      {figures.map(([label, value]) => (
        <div key={label}>
          <dt style={styles.total}>{label}</dt>
          <dd style={styles.totalValue}>{formatCount(value)}</dd>
        </div>
      ))}
    </dl>
  )
}

const Limits = ({ limits }: { limits: CampaignResults['limits'] }) => {
  const headingId = useId()
  if (!limits.length) return null
  return (
    <aside aria-labelledby={headingId} style={styles.limits}>
      <h3 id={headingId} style={{ marginTop: 0 }}>
        What the networks don’t count
      </h3>
      <ul>
        {limits.map((limit) => (
          <li key={limit.channel}>
            <strong>{limit.label}:</strong> {limit.text}
          </li>
        ))}
      </ul>
    </aside>
  )
}

export const ResultsReport = ({
  results,
  csvHref = `/api/campaigns/${results.campaign.id}/results?format=csv`,
}: {
  results: CampaignResults
  /** Where "Download CSV" points; the host's API route can differ from `/api`. */
  csvHref?: string
}) => {
  const headingId = useId()
  const { campaign } = results
  const started = Date.parse(results.generatedAt) >= Date.parse(campaign.startsAt)
  return (
    <section aria-labelledby={headingId}>
      <div style={styles.header}>
        <h2 id={headingId}>Results</h2>
        <a href={csvHref} download>
          Download CSV
        </a>
      </div>
      <p>
        {campaign.title}, {formatDate(campaign.startsAt)} to {formatDate(campaign.endsAt)}. Figures
        as of {formatInstant(results.generatedAt)}; reach and engagement are summed over networks,
        so one person reached on two networks counts twice.
      </p>
      <Totals totals={results.totals} />
      <KpiCards kpis={results.kpis} started={started} />
      <ResultsCharts results={results} />
      <PostTables posts={results.posts} best={results.best} worst={results.worst} />
      <Limits limits={results.limits} />
    </section>
  )
}
