import type { Endpoint } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'
import { fromWallTime } from '../lib/wallTime'
import { checkGuards } from '../operations/checkGuards'
import { editableStates, type PublicationState } from '../states'
import type { PublicationRecord } from '../types'
import { publicationAsUser } from './publicationAsUser'
import { badRequest, errorResponse, refusedField, signInFirst } from './respond'
import { readBody } from './readBody'

/**
 * `POST /api/<publications>/:id/reschedule` with `{ at: "2026-12-08T09:00" }`, a wall-clock time
 * in the publication's own zone: a post dragged on the calendar. Before anything is written the
 * guards are asked about the new time (a consent that ends before it, a document unpublished by
 * then), and the answer names what to change; then the move is an ordinary edit as the signed-in
 * person, so an approved post goes back for approval like any other change to its time.
 */
export const rescheduleEndpoint = (config: SanitizedSchedulerConfig): Endpoint => ({
  path: '/:id/reschedule',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return signInFirst()
    const body = await readBody(req)
    try {
      const publication = await publicationAsUser(req, config)
      if (!editableStates.includes(publication.state))
        return badRequest(
          `state: a ${publication.state} publication can't be moved; create a new one instead.`,
        )
      const at = typeof body.at === 'string' ? body.at : ''
      const dueAt = fromWallTime(at, publication.timeZone)
      if (!dueAt)
        return badRequest(
          `at: "${at}" is not a date and time (use 2026-12-08T09:00, in ${publication.timeZone}).`,
        )
      if (dueAt.getTime() < Date.now())
        return badRequest(`at: ${at} in ${publication.timeZone} has already passed.`)
      const check = await checkGuards(
        config,
        { ...publication, dueAt: dueAt.toISOString() } as PublicationRecord,
        req,
      )
      if (!check.ok) return refusedField(check.field ?? 'dueAt', check.reason)
      const doc = (await req.payload.update({
        collection: config.publicationsSlug,
        id: publication.id as number,
        data: { dueAt: dueAt.toISOString() } as never,
        user: req.user,
        overrideAccess: false,
        req,
      })) as unknown as { state: PublicationState }
      const again =
        publication.state === 'scheduled' && doc.state === 'awaiting-approval'
          ? ' It was approved for the old time, so it needs approval again.'
          : ''
      return Response.json({
        doc,
        message: `Moved to ${at.replace('T', ' ').slice(0, 16)} (${publication.timeZone}).${again}`,
      })
    } catch (error) {
      return errorResponse(error)
    }
  },
})
