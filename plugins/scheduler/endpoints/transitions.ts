import type { Endpoint } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'
import type { PublicationState } from '../types'
import { readBody } from './readBody'
import { badRequest, errorResponse, signInFirst } from './respond'

/**
 * Buttons as endpoints: each is a state change made as the signed-in person, so it passes
 * through exactly the rules an edit in the admin does (access, approval, guards).
 */
const ACTIONS: Record<
  string,
  { to: PublicationState; needsReason?: 'rejectionReason' | 'cancelReason' }
> = {
  submit: { to: 'awaiting-approval' },
  approve: { to: 'scheduled' },
  reject: { to: 'draft', needsReason: 'rejectionReason' },
  withdraw: { to: 'draft' },
  retry: { to: 'scheduled' },
  cancel: { to: 'cancelled', needsReason: 'cancelReason' },
  unpublish: { to: 'retracting' },
}

export const transitionEndpoints = (config: SanitizedSchedulerConfig): Endpoint[] =>
  Object.entries(ACTIONS).map(([action, { to, needsReason }]) => ({
    path: `/:id/${action}`,
    method: 'post',
    handler: async (req) => {
      if (!req.user) return signInFirst()
      const id = req.routeParams?.id as string
      const body = await readBody(req)
      const reason = typeof body.reason === 'string' ? body.reason.trim() : ''
      if (needsReason === 'rejectionReason' && !reason)
        return badRequest('reason: say why the publication is rejected.')
      try {
        const doc = await req.payload.update({
          collection: config.publicationsSlug,
          id,
          data: { state: to, ...(needsReason && reason ? { [needsReason]: reason } : {}) } as never,
          user: req.user,
          overrideAccess: false,
          req,
        })
        return Response.json({ doc, message: `Publication ${id}: ${action} done.` })
      } catch (error) {
        return errorResponse(error)
      }
    },
  }))
