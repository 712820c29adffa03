import { viewBeacon } from '../../links/handler'

// Outside the (payload) group on purpose, like /delivery and /l: no Payload request per view.
export const dynamic = 'force-dynamic'

export const POST = (request: Request) =>
  viewBeacon()(request).catch(() => new Response(null, { status: 503 }))
