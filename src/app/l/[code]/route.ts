import { linkHandler } from '../../../links/handler'

// Outside the (payload) group on purpose, like /delivery: no Payload request per click.
export const dynamic = 'force-dynamic'

const handle = (request: Request) => linkHandler()(request)

export const GET = handle
export const HEAD = handle
