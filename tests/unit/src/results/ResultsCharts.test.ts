// @vitest-environment happy-dom
/**
 * The charts, drawn in a DOM: recharts draws nothing on the server, so this is the one place the
 * lines, bars and target are checked before a browser. happy-dom arrives with
 * @payloadcms/richtext-lexical (through @lexical/headless); it lays nothing out, so the responsive
 * container, which measures its parent, is replaced by a fixed 800 × 320.
 */
import { act, cloneElement, createElement, type ReactElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { ResultsCharts } from '../../../../src/results/admin/ResultsCharts'
import { seriesSwatches } from '../../../../src/results/admin/palette'
import type { CampaignResults } from '../../../../src/results/types'
import { heartMonth } from './fixture'

vi.mock('recharts', async (original) => ({
  ...(await original<typeof import('recharts')>()),
  ResponsiveContainer: ({ children }: { children: ReactElement }) =>
    cloneElement(children as ReactElement<{ width: number; height: number }>, {
      width: 800,
      height: 320,
    }),
}))

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

let root: Root | undefined
afterEach(() => {
  act(() => root?.unmount())
  document.body.innerHTML = ''
})

const draw = async (results: CampaignResults) => {
  const container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  await act(async () => root!.render(createElement(ResultsCharts, { results })))
  return container
}

const chartOf = (container: HTMLElement, title: string) => {
  const svg = [...container.querySelectorAll('svg.recharts-surface')].find(
    (surface) => surface.querySelector(':scope > title')?.textContent === title,
  )
  if (!svg) throw new Error(`no chart titled ${title}`)
  return svg
}

const line = (svg: Element, name: string) =>
  svg.querySelector(`path.recharts-line-curve[name="${name}"]`)

const texts = (svg: Element, selector: string) =>
  [...svg.querySelectorAll(selector)].map((text) => text.textContent?.trim())

/** Picks the target line's KPI by its visible label, as a person (or Playwright) would. */
const choose = async (container: HTMLElement, label: string) => {
  const select = container.querySelector('select')!
  const option = [...select.options].find((candidate) => candidate.textContent === label)!
  await act(async () => {
    select.value = option.value
    select.dispatchEvent(new Event('change', { bubbles: true }))
  })
}

describe('the results charts', () => {
  it('draws each running total in its own colour and dashes, on a time axis', async () => {
    const overTime = chartOf(await draw(heartMonth), 'Running totals by day')
    for (const [name, key] of [
      ['Reach', 'reach'],
      ['Engagement', 'engagement'],
      ['Clicks', 'clicks'],
      ['Web views', 'views'],
    ] as const) {
      const path = line(overTime, name)
      expect(path?.getAttribute('stroke'), name).toBe(`var(--theme-${seriesSwatches[key].token})`)
      expect(path?.getAttribute('stroke-dasharray') ?? undefined, name).toBe(
        seriesSwatches[key].strokeDasharray,
      )
    }
    expect(line(overTime, 'Impressions')).toBeNull()
    expect(texts(overTime, '.recharts-xAxis-tick-labels text')).toEqual([
      'Feb 3',
      'Feb 4',
      'Feb 5',
      'Feb 10',
    ])
  })

  it('draws the first KPI behind with its target and pace, and another on request', async () => {
    const container = await draw(heartMonth)
    const overTime = chartOf(container, 'Running totals by day')
    expect(texts(overTime, 'text.recharts-label')).toEqual(['Reach target: 40,000'])
    expect(line(overTime, 'Reach: expected by then')).not.toBeNull()

    await choose(container, 'Link clicks')
    expect(texts(overTime, 'text.recharts-label')).toEqual(['Link clicks target: 500'])
    expect(line(overTime, 'Link clicks: expected by then')).not.toBeNull()

    await choose(container, 'no KPI')
    expect(overTime.querySelector('.recharts-reference-line')).toBeNull()
    expect(
      container.querySelector('table[aria-label="Running totals by day"] thead')?.textContent,
    ).toBe('DayReachEngagementClicksWeb views')
  })

  it('draws impressions too when the chosen KPI counts them', async () => {
    const kpis = [{ ...heartMonth.kpis[0], metric: 'Impressions', measure: 'impressions' as const }]
    const overTime = chartOf(await draw({ ...heartMonth, kpis }), 'Running totals by day')
    expect(line(overTime, 'Impressions')?.getAttribute('stroke')).toBe('var(--theme-success-800)')
  })

  it('marks a lone day with a dot, since a line of one point draws nothing', async () => {
    const overTime = chartOf(
      await draw({ ...heartMonth, daily: heartMonth.daily.slice(0, 1) }),
      'Running totals by day',
    )
    expect(overTime.querySelectorAll('.recharts-line-dots circle').length).toBeGreaterThan(0)
  })

  it('gives each channel a group of bars, told apart by texture as well as colour', async () => {
    const byChannel = chartOf(await draw(heartMonth), 'Totals by channel')
    expect(texts(byChannel, '.recharts-xAxis-tick-labels text')).toEqual(['Mastodon', 'Website'])
    const bars = (name: string) => [...byChannel.querySelectorAll(`path[name="${name}"]`)]
    expect(bars('Reach').map((bar) => bar.getAttribute('fill'))).toEqual([
      'var(--theme-success-600)',
      'var(--theme-success-600)',
    ])
    const fill = bars('Engagement')[0].getAttribute('fill')!
    const patternId = fill.match(/^url\(#(.+)\)$/)?.[1]
    const pattern = byChannel.querySelector(`pattern[id="${patternId}"]`)
    expect(pattern?.querySelector('rect')?.getAttribute('fill')).toBe('var(--theme-error-600)')
    expect(pattern?.querySelector('path')?.getAttribute('stroke')).toBe('var(--theme-bg)')
  })
})
