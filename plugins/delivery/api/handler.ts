import { sanitizeHandlerOptions } from '../defaults'
import type { EventItem } from '../schemas/items'
import { deliveryTypes } from '../schemas/shared'
import { findCaptionFile } from '../sql/findCaptionFile'
import { findItem } from '../sql/findItem'
import { listEvents } from '../sql/listEvents'
import { listItems } from '../sql/listItems'
import { encodeCursor } from './cursor'
import { eventsCalendar } from './ics'
import { openApiDocument } from './openapi'
import { BadParameter, readItemParams, readListParams } from './params'
import type { DeliveryHandlerOptions } from '../types'
import { createRateLimiter, type Tier } from './rateLimit'
import { cacheable, errorResponse } from './respond'

const JSON_TYPE = 'application/json; charset=utf-8'
const isType = (value: string): value is (typeof deliveryTypes)[number] =>
  (deliveryTypes as readonly string[]).includes(value)
const SLUG = /^[a-z0-9][a-z0-9-]{0,159}$/

/**
 * The delivery API as a plain fetch handler, `(request) => Promise<Response>`: it reads only the
 * projection table, one indexed query per request, and assembles list bodies from the stored
 * JSON text without parsing it. Mount it on a Next route handler (or any server).
 */
export const createDeliveryHandler = (given: DeliveryHandlerOptions) => {
  const options = sanitizeHandlerOptions(given)
  const { slug, basePath, locales, defaultLocale, cache, onError } = options
  let openApiText: string | undefined

  const notFound = (what: string) => errorResponse(404, what)

  const list = async (request: Request, type: string, query: URLSearchParams) => {
    const params = readListParams(
      query,
      type,
      locales,
      defaultLocale,
      options.defaultLimit,
      options.maxLimit,
    )
    const filters = {
      ...(params.campaign ? { campaigns: [params.campaign] } : {}),
      ...(params.serviceLine ? { serviceLines: [params.serviceLine] } : {}),
      ...(params.observance ? { observance: params.observance } : {}),
    }
    const rows = await listItems(options.pool, slug, {
      type,
      locale: params.locale,
      limit: params.limit,
      filters: Object.keys(filters).length ? filters : null,
      from: params.from,
      after: params.cursor,
      ascending: type === 'events',
    })
    const page = rows.slice(0, params.limit)
    const last = page.at(-1)
    const next =
      rows.length > params.limit && last
        ? JSON.stringify(encodeCursor({ sortAt: last.sort_at, id: last.id }))
        : 'null'
    return cacheable(
      request,
      `{"items":[${page.map((row) => row.summary).join(',')}],"nextCursor":${next}}`,
      JSON_TYPE,
      cache,
    )
  }

  const calendar = async (request: Request, query: URLSearchParams, eventSlug: string | null) => {
    const { locale } = readItemParams(query, locales, defaultLocale)
    const events = (await listEvents(
      options.pool,
      slug,
      locale,
      eventSlug ? `events/${eventSlug}` : null,
    )) as EventItem[]
    if (eventSlug && !events.length)
      return notFound(`events/${eventSlug}: there is no such live event`)
    const body = eventsCalendar(events, {
      name: eventSlug ? events[0].title : options.calendarName,
    })
    return cacheable(request, body, 'text/calendar; charset=utf-8', cache)
  }

  const route = async (request: Request): Promise<Response> => {
    const url = new URL(request.url)
    if (!url.pathname.startsWith(`${basePath}/`))
      return notFound('there is nothing here; see /openapi.json for the endpoints')
    const parts = url.pathname
      .slice(basePath.length + 1)
      .split('/')
      .map((part) => decodeURIComponent(part))
    const query = url.searchParams
    if (parts.length === 1 && parts[0] === 'openapi.json') {
      openApiText ??= JSON.stringify(openApiDocument(basePath, { locales, defaultLocale }))
      return cacheable(request, openApiText, JSON_TYPE, cache)
    }
    if (parts.length === 1 && parts[0] === 'events.ics') return calendar(request, query, null)
    if (parts.length === 2 && parts[0] === 'events' && parts[1].endsWith('.ics')) {
      const eventSlug = parts[1].slice(0, -4)
      return SLUG.test(eventSlug)
        ? calendar(request, query, eventSlug)
        : notFound(`events/${parts[1]}: there is no such live event`)
    }
    const [type, itemSlug, captions, file] = parts
    if (!isType(type))
      return notFound(`${type || '(none)'}: is not a content type; use ${deliveryTypes.join(', ')}`)
    if (parts.length === 1) return list(request, type, query)
    if (!SLUG.test(itemSlug)) return notFound(`${type}/${itemSlug}: there is no such live item`)
    if (parts.length === 2) {
      const { locale } = readItemParams(query, locales, defaultLocale)
      const data = await findItem(options.pool, slug, `${type}/${itemSlug}`, locale)
      return data
        ? cacheable(request, data, JSON_TYPE, cache)
        : notFound(`${type}/${itemSlug}: there is no such live item`)
    }
    if (parts.length === 4 && captions === 'captions' && /^[a-z0-9-]+\.[a-z]{2}\.vtt$/.test(file)) {
      readItemParams(query, locales, defaultLocale)
      const vtt = await findCaptionFile(
        options.pool,
        slug,
        `${type}/${itemSlug}`,
        file.slice(0, -4),
      )
      return vtt
        ? cacheable(request, vtt, 'text/vtt; charset=utf-8', cache)
        : notFound(`${type}/${itemSlug}/captions/${file}: there is no such caption track`)
    }
    return notFound(`${url.pathname.slice(basePath.length + 1)}: there is nothing here`)
  }

  const limiter = createRateLimiter()
  const keyPrefix = `${options.rateLimit?.usersSlug ?? 'users'} API-Key `
  /** null when the request may go on; else the 401 or 429 to send. Headers tell the caller where it stands. */
  const admit = async (request: Request, headers: Headers): Promise<Response | null> => {
    const limits = options.rateLimit
    if (!limits) return null
    const authorization = request.headers.get('authorization')
    let client: string
    let tier: Tier
    if (authorization) {
      const key = authorization.startsWith(keyPrefix)
        ? authorization.slice(keyPrefix.length).trim()
        : ''
      if (!key || !(await limits.checkApiKey(key)))
        return errorResponse(
          401,
          `Authorization: not a valid API key; send "${keyPrefix}<key>", or no Authorization header for the anonymous tier`,
        )
      client = `key:${key}`
      tier = limits.withKey
    } else {
      const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim()
      client = `ip:${limits.clientOf ? limits.clientOf(request) : (request.headers.get('x-carecast-client') ?? forwarded ?? 'unknown')}`
      tier = limits.anonymous
    }
    const decision = limiter(client, tier)
    headers.set('RateLimit-Limit', String(decision.limit))
    headers.set('RateLimit-Remaining', String(decision.remaining))
    headers.set('RateLimit-Reset', String(decision.resetSeconds))
    if (decision.ok) return null
    return errorResponse(
      429,
      `too many requests: this ${authorization ? 'API key' : 'address'} may make ${tier.perMinute} requests a minute; retry in ${decision.retryAfterSeconds} s${authorization ? '' : ', or send a front-end API key for a higher limit'}`,
      {
        'Retry-After': String(decision.retryAfterSeconds),
        ...Object.fromEntries(headers),
      },
    )
  }

  const serve = async (request: Request): Promise<Response> => {
    const limitHeaders = new Headers()
    const refused = await admit(request, limitHeaders)
    if (refused) return refused
    const response = await route(request)
    limitHeaders.forEach((value, name) => response.headers.set(name, value))
    return response
  }

  return async (request: Request): Promise<Response> => {
    if (request.method === 'OPTIONS')
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
          'Access-Control-Allow-Headers': 'If-None-Match, Authorization',
          'Access-Control-Max-Age': '86400',
        },
      })
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return errorResponse(405, `${request.method}: the delivery API is read-only; use GET`, {
        Allow: 'GET, HEAD, OPTIONS',
      })
    try {
      return await serve(request)
    } catch (error) {
      if (error instanceof BadParameter) return errorResponse(400, error.message)
      onError(error)
      return errorResponse(500, 'the delivery API could not answer just now; try again shortly')
    }
  }
}
