import { createHash } from 'node:crypto'

export type CachePolicy = { maxAge: number; staleWhileRevalidate: number }

const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url')}"`

/** Does the request's If-None-Match name this ETag (or *)? Weak validators compare by their opaque part. */
const matches = (header: string | null, etag: string) =>
  Boolean(header) &&
  header!.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '')
    return tag === '*' || tag === etag
  })

/**
 * A cacheable 200 (or a 304 when the client has it): the ETag is a hash of the exact body, so a
 * publish or retract that changes what is returned changes the ETag on the next request, with no
 * invalidation step. CORS is open: this is public content for any front-end origin.
 */
export const cacheable = (
  request: Request,
  body: string,
  contentType: string,
  cache: CachePolicy,
): Response => {
  const etag = etagOf(body)
  const headers = new Headers({
    ETag: etag,
    'Cache-Control': `public, max-age=${cache.maxAge}, stale-while-revalidate=${cache.staleWhileRevalidate}`,
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers':
      'ETag, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After',
    'X-Content-Type-Options': 'nosniff',
  })
  if (matches(request.headers.get('if-none-match'), etag))
    return new Response(null, { status: 304, headers })
  headers.set('Content-Type', contentType)
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers })
}

/** A JSON error; 404s are cached briefly so a missing page doesn't hit the database on every request. */
export const errorResponse = (
  status: number,
  message: string,
  extra: Record<string, string> = {},
) =>
  new Response(JSON.stringify({ errors: [{ message }] }), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': status === 404 ? 'public, max-age=10' : 'no-store',
      'Access-Control-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
      ...extra,
    },
  })
