import { deliveryHandler } from '../../../../delivery/handler'

// Outside the (payload) group on purpose: no Payload request, no auth, no config load per request.
export const dynamic = 'force-dynamic'

const handle = (request: Request) => deliveryHandler()(request)

export const GET = handle
export const HEAD = handle
export const OPTIONS = handle
