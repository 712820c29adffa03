import type { Endpoint, PayloadRequest } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'
import { buildCalendarFeed } from '../../calendar'
import { channelKinds, publicationStates } from '../types'
import { type CalendarRange, calendarItems } from './calendarQuery'
import { feedTokenFor, userFromFeedToken } from './feedToken'
import { badRequest, errorResponse } from './respond'

const DAY = 86_400_000
const MAX_RANGE_DAYS = 400

/** from/to as ISO dates or date-times; by default the next 30 days. Errors name the parameter. */
export const parseRange = (params: URLSearchParams, now = new Date()): CalendarRange | string => {
  const read = (name: 'from' | 'to', fallback: Date): Date | string => {
    const raw = params.get(name)
    if (!raw) return fallback
    const value = new Date(raw)
    return Number.isNaN(value.getTime())
      ? `${name}: "${raw}" is not a date (use ISO 8601, e.g. 2026-03-01 or 2026-03-01T09:00:00Z).`
      : value
  }
  const from = read('from', now)
  if (typeof from === 'string') return from
  const to = read('to', new Date(from.getTime() + 30 * DAY))
  if (typeof to === 'string') return to
  if (to < from) return 'to: must not be before from.'
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY)
    return `to: the range may span at most ${MAX_RANGE_DAYS} days.`
  const channel = params.get('channel') ?? undefined
  if (channel && !(channelKinds as readonly string[]).includes(channel))
    return `channel: "${channel}" is not one of ${channelKinds.join(', ')}.`
  const state = params.get('state') ?? undefined
  if (state && !(publicationStates as readonly string[]).includes(state))
    return `state: "${state}" is not one of ${publicationStates.join(', ')}.`
  const campaign = params.get('campaign') ?? undefined
  if (campaign && !/^[1-9]\d{0,15}$/.test(campaign))
    return `campaign: "${campaign}" is not a campaign id.`
  return { from, to, channel, state, campaign }
}

const guarded =
  (
    config: SanitizedSchedulerConfig,
    respond: (req: PayloadRequest, range: CalendarRange) => Promise<Response>,
    { acceptsFeedToken = false } = {},
  ) =>
  async (req: PayloadRequest): Promise<Response> => {
    const feed =
      acceptsFeedToken && !req.user
        ? new URL(req.url ?? 'http://localhost').searchParams.get('feed')
        : null
    if (feed) {
      const user = await userFromFeedToken(req, config, feed)
      if (!user)
        return Response.json(
          {
            errors: [
              {
                message:
                  'feed: this calendar link is not valid (or was revoked by a password change); get a new one from /api/publications/calendar-feed.',
              },
            ],
          },
          { status: 401 },
        )
      req.user = user
    }
    if (!req.user || !config.canRead(req))
      return Response.json(
        { errors: [{ message: 'Sign in as staff to read the editorial calendar.' }] },
        { status: req.user ? 403 : 401 },
      )
    const params = new URL(req.url ?? 'http://localhost').searchParams
    params.delete('feed')
    const range = parseRange(params)
    if (typeof range === 'string') return badRequest(range)
    try {
      return await respond(req, range)
    } catch (error) {
      return errorResponse(error)
    }
  }

/**
 * The editorial calendar: every publication in a range across channels, as JSON and as an
 * iCalendar feed for a calendar app (sent with an API key or session like any staff request).
 */
export const calendarEndpoints = (config: SanitizedSchedulerConfig): Endpoint[] => [
  {
    path: '/calendar',
    method: 'get',
    handler: guarded(config, async (req, range) => {
      const items = await calendarItems(config, req.payload, range)
      return Response.json({
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        total: items.length,
        items,
      })
    }),
  },
  {
    path: '/calendar.ics',
    method: 'get',
    handler: guarded(
      config,
      async (req, range) => {
        const items = await calendarItems(config, req.payload, range)
        const body = buildCalendarFeed({
          name: 'Carecast editorial calendar',
          entries: items.map((item) => ({
            uid: item.planned
              ? `publication-${item.occurrenceOf}-${item.dueAt}@carecast`
              : `publication-${item.id}@carecast`,
            title: `[${item.channel}] ${item.title}`,
            start: new Date(item.dueAt),
            timeZone: item.timeZone,
            description: [
              `State: ${item.state}`,
              `Account: ${item.account.name ?? item.account.id}`,
              item.lastError ? `Last error: ${item.lastError}` : '',
            ]
              .filter(Boolean)
              .join('\n'),
            url: item.remoteUrl ?? undefined,
            status: item.state,
            channel: item.channel,
          })),
        })
        return new Response(body, {
          headers: {
            'Content-Type': 'text/calendar; charset=utf-8',
            'Content-Disposition': 'inline; filename="carecast-calendar.ics"',
            'Cache-Control': 'private, no-store',
          },
        })
      },
      { acceptsFeedToken: true },
    ),
  },
  {
    // The signed-in person's subscription link for a calendar app.
    path: '/calendar-feed',
    method: 'get',
    handler: async (req) => {
      if (!req.user || !config.canRead(req))
        return Response.json(
          { errors: [{ message: 'Sign in as staff to get your calendar link.' }] },
          { status: req.user ? 403 : 401 },
        )
      const token = await feedTokenFor(req, config, (req.user as { id: number }).id)
      if (!token)
        return Response.json(
          {
            errors: [
              {
                message:
                  'This account has no password, so it has no calendar link; API clients send their key instead.',
              },
            ],
          },
          { status: 400 },
        )
      const origin = req.payload.config.serverURL || new URL(req.url ?? 'http://localhost').origin
      return Response.json({
        url: `${origin}/api/${config.publicationsSlug}/calendar.ics?feed=${token}`,
        note: 'Anyone with this link can read your editorial calendar; change your password to revoke it.',
      })
    },
  },
]
