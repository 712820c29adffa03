import type { Endpoint, Payload } from 'payload'

import { revocationTakedown } from '../cascade/afterRevocation'
import { previewTakedown } from '../cascade/previewTakedown'
import type { SanitizedConsentConfig } from '../defaults'
import { actorOf } from '../../scheduler'
import { managedRecord } from './managedRecord'

type Outcome = 'cancel' | 'remove-from-site' | 'delete-through-api' | 'by-hand' | 'nothing'

const refuse = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status })

/** Postgres's "lock not available": a worker holds a relying row mid-send. */
const lockTimedOut = (error: unknown) => {
  const codeOf = (value: unknown) => (value as { code?: string } | null)?.code
  return (
    codeOf(error) === '55P03' || codeOf((error as { cause?: unknown } | null)?.cause) === '55P03'
  )
}

/** Task owners by name (people read a name, not a user id). */
const namesOf = async (payload: Payload, users: string, ids: (number | string)[]) => {
  if (!ids.length) return new Map<string, string>()
  const { docs } = await payload.find({
    collection: users as never,
    where: { id: { in: [...new Set(ids)] } },
    depth: 0,
    limit: ids.length,
    overrideAccess: true,
  })
  return new Map(
    (docs as unknown as { id: number | string; name?: string; email?: string }[]).map((user) => [
      String(user.id),
      user.name ?? user.email ?? `user ${user.id}`,
    ]),
  )
}

/**
 * `GET /api/<consent-records>/:id/takedown-preview`: what recording a revocation now would do —
 * for each publication relying on the consent, whether it is cancelled, removed from the site,
 * deleted through the network's API or left for a person; and the manual tasks it would create,
 * with their owners and deadlines. Worked out by the cascade's own steps (rolled back), for the
 * Revoke tab to show before the officer confirms. Consent officers and admins only; nothing is
 * written.
 */
export const takedownPreviewEndpoint = (config: SanitizedConsentConfig): Endpoint => ({
  path: '/:id/takedown-preview',
  method: 'get',
  handler: async (req) => {
    const record = await managedRecord(config, req, 'preview a takedown')
    if (record instanceof Response) return record
    const consent = config.readConsent(record.doc)
    if (consent.revokedAt)
      return refuse(
        409,
        `${config.revocationFields.receivedAt}: the revocation of ${consent.reference} was already recorded (${consent.revokedAt.toISOString()}); its takedown report shows what came down.`,
      )
    const me = (req.user as { id?: number | string } | null)?.id ?? null
    let preview
    try {
      preview = await previewTakedown(
        config,
        req.payload,
        revocationTakedown(config, record.doc, me),
      )
    } catch (error) {
      if (lockTimedOut(error))
        return refuse(
          503,
          'A post relying on this consent is being sent right now; open the preview again in a moment.',
        )
      req.payload.logger.error({ err: error, msg: 'takedown preview failed' })
      return refuse(500, 'The preview could not be worked out; try again.')
    }
    // The preview names everything the patient's consent reached, as the report does: who read it
    // is on the record too.
    await config.onEvent(
      {
        type: 'takedown-report.read',
        consentRecordId: record.id,
        reference: consent.reference,
        actor: actorOf(req),
        preview: true,
      },
      { payload: req.payload, req },
    )
    const outcome = new Map<number, Outcome>()
    for (const id of preview.cancelled) outcome.set(id, 'cancel')
    for (const row of preview.web) outcome.set(row.id, 'remove-from-site')
    for (const row of preview.queued) outcome.set(row.id, 'delete-through-api')
    for (const row of preview.cannotDelete) outcome.set(row.id, 'by-hand')
    const owners = await namesOf(
      req.payload,
      config.usersCollection,
      preview.tasks.flatMap((task) => (task.owner === null ? [] : [task.owner])),
    )
    return Response.json({
      consentRecord: { id: record.id, reference: consent.reference, status: consent.status },
      generatedAt: new Date().toISOString(),
      publications: preview.publications.map((id) => ({
        id,
        outcome: outcome.get(id) ?? 'nothing',
      })),
      tasks: preview.tasks.map((task) => ({
        place: task.place,
        instructions: task.instructions,
        dueAt: task.dueAt,
        publication: task.publication ?? null,
        owner: task.owner === null ? null : (owners.get(String(task.owner)) ?? null),
      })),
      // Each publication that comes down, and each place no publication covers (print, broadcast…).
      total: outcome.size + preview.tasks.filter((task) => task.publication === undefined).length,
    })
  },
})
