import type { Endpoint, PayloadRequest } from 'payload'

import { isStaff } from '../../../src/access/isStaff'
import { campaignResults, runningCampaignIds } from '../../../src/results/campaignResults'
import { resultsCsv } from '../../../src/results/csv'

const problem = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } })

/** Staff only: a front-end API client reads the public delivery API, never the team's results. */
const refused = (req: PayloadRequest) =>
  !req.user
    ? problem(401, 'Sign in to read campaign results.')
    : !isStaff({ req })
      ? problem(403, 'Only staff may read campaign results.')
      : null

/**
 * `GET /api/campaigns/:id/results` — the campaign's results as JSON (`CampaignResults`, README
 * "Report API"), or `?format=csv` for the posts as a spreadsheet. For the Results tab and the
 * team's BI tools (with a staff user's API key).
 */
export const resultsEndpoint: Endpoint = {
  path: '/:id/results',
  method: 'get',
  handler: async (req) => {
    const refusal = refused(req)
    if (refusal) return refusal
    const raw = String(req.routeParams?.id ?? '')
    const format = req.searchParams.get('format') ?? 'json'
    if (format !== 'json' && format !== 'csv')
      return problem(400, `format: must be "json" or "csv", not "${format.slice(0, 20)}".`)
    const id = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN
    const results = Number.isFinite(id) ? await campaignResults(req.payload, id) : null
    if (!results) return problem(404, 'No such campaign.')
    if (format === 'json')
      return Response.json(results, { headers: { 'Cache-Control': 'private, no-store' } })
    const day = results.generatedAt.slice(0, 10)
    return new Response(resultsCsv(results), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="campaign-${results.campaign.id}-results-${day}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    })
  },
}

/**
 * `GET /api/campaigns/behind-target` — the running campaigns with a KPI below the straight line
 * from its start to its target, and only those KPIs: the dashboard's panel.
 */
export const behindTargetEndpoint: Endpoint = {
  path: '/behind-target',
  method: 'get',
  handler: async (req) => {
    const refusal = refused(req)
    if (refusal) return refusal
    const now = new Date()
    const campaigns = []
    for (const id of await runningCampaignIds(req.payload, now)) {
      const results = await campaignResults(req.payload, id, { now, daily: false })
      const behind = results?.kpis.filter((kpi) => kpi.behind) ?? []
      if (results && behind.length) campaigns.push({ ...results.campaign, kpis: behind })
    }
    return Response.json({ campaigns }, { headers: { 'Cache-Control': 'private, no-store' } })
  },
}
