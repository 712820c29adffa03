// @vitest-environment happy-dom
/**
 * The two components that call the results endpoints, against a stubbed `fetch`: what they ask
 * for, and what they show for each answer (see ResultsCharts.test.ts for why happy-dom).
 */
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { BehindTarget } from '../../../../src/results/admin/BehindTarget'
import { ResultsView } from '../../../../src/results/admin/ResultsView'
import { heartMonth } from './fixture'

vi.mock('@payloadcms/ui', () => ({
  useConfig: () => ({ config: { routes: { admin: '/cms', api: '/cms-api' } } }),
}))
// The report's charts are tested on their own; here they would only slow the DOM down.
vi.mock('../../../../src/results/admin/ResultsCharts', () => ({ ResultsCharts: () => null }))

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

let root: Root | undefined
afterEach(() => {
  act(() => root?.unmount())
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

const answer = (status: number, body: unknown) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status }))

const mount = async (element: ReturnType<typeof createElement>) => {
  const container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  await act(async () => root!.render(element))
  // Let the stubbed fetch and its JSON settle.
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)))
  return container
}

describe('the Results tab', () => {
  it('reads the report as the signed-in person, from the host’s API route', async () => {
    const fetch = answer(200, heartMonth)
    vi.stubGlobal('fetch', fetch)
    const view = await mount(createElement(ResultsView, { id: 7, apiRoute: '/cms-api' }))
    expect(fetch).toHaveBeenCalledWith(
      '/cms-api/campaigns/7/results',
      expect.objectContaining({ credentials: 'include' }),
    )
    expect(view.querySelector('h2')?.textContent).toBe('Results')
    const csv = [...view.querySelectorAll('a')].find((a) => a.textContent === 'Download CSV')
    expect(csv?.getAttribute('href')).toBe('/cms-api/campaigns/7/results?format=csv')
  })

  it('says it is loading until the answer comes', async () => {
    vi.stubGlobal('fetch', () => new Promise(() => {}))
    const view = await mount(createElement(ResultsView, { id: 7 }))
    expect(view.querySelector('[role="status"]')?.textContent).toBe('Loading the results…')
  })

  it('shows the endpoint’s own error message, plainly', async () => {
    vi.stubGlobal('fetch', answer(404, { errors: [{ message: 'Campaign 7 was not found.' }] }))
    const view = await mount(createElement(ResultsView, { id: 7 }))
    expect(view.querySelector('[role="alert"]')?.textContent).toBe(
      'Could not load the results: Campaign 7 was not found.',
    )
  })

  it('says what a refusal means when the answer has no message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('Forbidden', { status: 403 })),
    )
    const view = await mount(createElement(ResultsView, { id: 7 }))
    expect(view.querySelector('[role="alert"]')?.textContent).toContain('not allowed')
  })
})

describe('the dashboard panel of campaigns behind target', () => {
  const behind = {
    id: 7,
    title: 'Heart Month 2025',
    startsAt: heartMonth.campaign.startsAt,
    endsAt: heartMonth.campaign.endsAt,
    kpis: [{ ...heartMonth.kpis[0], unit: null, actual: 1200, target: 10000, expectedByNow: 4000 }],
  }

  it('links each campaign behind to its Results tab, with the KPIs behind in words', async () => {
    const fetch = answer(200, { campaigns: [behind] })
    vi.stubGlobal('fetch', fetch)
    const panel = await mount(createElement(BehindTarget))
    expect(fetch).toHaveBeenCalledWith(
      '/cms-api/campaigns/behind-target',
      expect.objectContaining({ credentials: 'include' }),
    )
    expect(panel.querySelector('h2')?.textContent).toBe('Campaigns behind target')
    const link = panel.querySelector('a')
    expect(link?.textContent).toBe('Heart Month 2025')
    expect(link?.getAttribute('href')).toBe('/cms/collections/campaigns/7/results')
    expect(
      panel.querySelector('ul[aria-label="Heart Month 2025: KPIs behind"] li')?.textContent,
    ).toBe('Reach 1,200 of 10,000 — 4,000 expected by now')
  })

  it('says all is well when no running campaign is behind', async () => {
    vi.stubGlobal('fetch', answer(200, { campaigns: [] }))
    const panel = await mount(createElement(BehindTarget))
    expect(panel.textContent).toContain('All running campaigns are on track.')
  })

  it('is not there at all for someone the endpoint refuses', async () => {
    vi.stubGlobal('fetch', answer(403, { errors: [{ message: 'Forbidden' }] }))
    const panel = await mount(createElement(BehindTarget))
    expect(panel.innerHTML).toBe('')
  })

  it('says so when the check fails for any other reason', async () => {
    vi.stubGlobal('fetch', answer(500, { errors: [{ message: 'Database unavailable' }] }))
    const panel = await mount(createElement(BehindTarget))
    expect(panel.querySelector('[role="alert"]')?.textContent).toBe(
      'Could not check the campaigns: Database unavailable',
    )
  })
})
