import type { Endpoint } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'
import { checkGuards } from '../operations/checkGuards'
import type { PublicationRecord } from '../types'
import { errorResponse } from './respond'

/**
 * `GET /api/<publications>/:id/gate`: what the guards (the consent gate, accessibility) would say
 * if this post were approved now, as the author sees it before sending it for approval — the
 * reason and the field to change, or that nothing stands in the way. Nothing is written.
 */
export const gateEndpoint = (config: SanitizedSchedulerConfig): Endpoint => ({
  path: '/:id/gate',
  method: 'get',
  handler: async (req) => {
    if (!req.user)
      return Response.json({ errors: [{ message: 'Sign in first.' }] }, { status: 401 })
    try {
      const publication = (await req.payload.findByID({
        collection: config.publicationsSlug,
        id: req.routeParams?.id as string,
        depth: 0,
        user: req.user,
        overrideAccess: false,
        req,
      })) as unknown as PublicationRecord
      const answer = await checkGuards(config, publication, req)
      return Response.json(
        answer.ok
          ? { ok: true, message: 'Nothing stands in the way: it can be sent for approval.' }
          : { ok: false, field: answer.field ?? null, message: answer.reason },
      )
    } catch (error) {
      return errorResponse(error)
    }
  },
})
