import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { ResultsReport } from '../../../../src/results/admin/ResultsReport'
import type { CampaignResults } from '../../../../src/results/types'
import { heartMonth } from './fixture'

const render = (results: CampaignResults, csvHref?: string) =>
  renderToString(createElement(ResultsReport, { results, csvHref }))

/** The page as a reader hears it: tags dropped, entities decoded, runs of space collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

const headings = (html: string) =>
  [...html.matchAll(/<h([1-6])[^>]*>(.*?)<\/h\1>/g)].map((m) => textOf(m[2]).trim())

/** A table's body rows, by the table's accessible name (aria-labelledby a heading). */
const rowsOf = (html: string, heading: string) => {
  const id = html.match(new RegExp(`<h3 id="([^"]+)"[^>]*>${heading}</h3>`))?.[1]
  const table = html.match(new RegExp(`<table aria-labelledby="${id}"[^>]*>([\\s\\S]*?)</table>`))
  const body = table?.[1].split('<tbody>')[1] ?? ''
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1]).trim())
}

describe('the Results report', () => {
  const html = render(heartMonth)
  const text = textOf(html)

  it('has the headings a reader (and a browser test) finds its parts by', () => {
    expect(headings(html)).toEqual([
      'Results',
      'KPI progress',
      'Reach',
      'Link clicks',
      'Screenings booked',
      'Over time',
      'By channel',
      'Best posts',
      'Worst posts',
      'What the networks don’t count',
    ])
  })

  it('shows each KPI against its target, with the bar in words too', () => {
    expect(text).toContain('3,550 of 40,000 people')
    expect(text).toContain('9% of target')
    expect(text).toContain('Behind: expected 13,274 people by now')
    expect(text).toContain('260 of 500')
    expect(text).toContain('On track: 166 expected by now')
    expect(text).toContain('Manual KPI — enter the figure on the campaign')
    expect(html).toMatch(
      /role="progressbar" aria-label="Reach progress" aria-valuemin="0" aria-valuemax="100" aria-valuenow="9" aria-valuetext="9% of target"/,
    )
  })

  it('lists the best and worst posts, in the report’s order, with links to the live posts', () => {
    expect(rowsOf(html, 'Best posts')).toEqual([
      'Know your numbers Mastodon @stmarys@health.social Feb 3, 2025 1,200 95 120 View',
      'Ana\'s story: "I\'m back" Mastodon @stmarys@health.social Feb 3, 2025 850 40 80 View',
    ])
    expect(rowsOf(html, 'Worst posts')).toEqual([
      '=Free BP checks, Main St Mastodon @stmarys@health.social Feb 3, 2025 500 15 0 View',
      'Cardiology tour (captioned) Website Not published — — 0 retracted',
    ])
    expect(html).toContain('href="https://health.social/@stmarys/101"')
    expect(html).toContain(
      'aria-label="View &quot;Know your numbers&quot; on Mastodon (opens in a new tab)"',
    )
  })

  it('offers the CSV, the totals, the networks’ limits and the charts’ figures as tables', () => {
    expect(html).toMatch(
      /<a href="\/api\/campaigns\/7\/results\?format=csv" download="">Download CSV<\/a>/,
    )
    expect(render(heartMonth, '/cms-api/campaigns/7/results?format=csv')).toContain(
      'href="/cms-api/campaigns/7/results?format=csv"',
    )
    expect(text).toContain('Reach 3,550')
    expect(text).toContain('Event sign-ups 18')
    expect(text).toContain('Mastodon: Mastodon reports no reach or impressions')
    expect(html).toContain('aria-label="Running totals by day"')
    expect(html).toContain('aria-label="Totals by channel"')
    // The day with no network figures stays a dash, and the chosen KPI's pace is a column.
    expect(text).toContain('Feb 5 — — 180 420')
    expect(text).toContain('Reach: expected by then')
    expect(text).toContain('Website 2 1,000 1,000 21 60 830')
  })

  it('says so, rather than drawing empty charts, for a campaign with nothing published', () => {
    const empty = textOf(
      render({
        ...heartMonth,
        kpis: [],
        channels: [],
        daily: [],
        posts: [],
        best: [],
        worst: [],
        limits: [],
      }),
    )
    expect(empty).toContain('This campaign has no KPIs yet')
    expect(empty).toContain('Nothing has been published yet')
    expect(empty).toContain('No post has been measured yet.')
    expect(empty).not.toContain('What the networks')
  })
})
