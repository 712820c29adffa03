import type { Endpoint } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'
import { checkGuards } from '../operations/checkGuards'
import { publicationAsUser } from './publicationAsUser'
import { errorResponse, signInFirst } from './respond'

/**
 * `GET /api/<publications>/:id/gate`: what the guards (the consent gate, accessibility) would say
 * if this post were approved now, as the author sees it before sending it for approval — the
 * reason and the field to change, or that nothing stands in the way. Nothing is written.
 */
export const gateEndpoint = (config: SanitizedSchedulerConfig): Endpoint => ({
  path: '/:id/gate',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return signInFirst()
    try {
      const publication = await publicationAsUser(req, config)
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
