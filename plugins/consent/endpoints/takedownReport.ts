import type { Endpoint } from 'payload'

import { actorOf, type AttemptEntry, schedulerConfigOf } from '../../scheduler'
import { ident, poolExecutor, poolOf, sql, tableName } from '../../postgres'
import type { SanitizedConsentConfig } from '../defaults'
import { relyingPublicationsWhere } from '../sql/relyingPublications'

type Attempt = AttemptEntry
type Person = { email?: string } | number | null | undefined
type Task = {
  id: number
  kind: string
  place: string
  dueAt: string
  owner?: Person
  done?: boolean
  doneAt?: string | null
  doneBy?: Person
}
const emailOf = (person: Person) =>
  person && typeof person === 'object' ? (person.email ?? null) : (person ?? null)

/** How a publication came down, from its attempt log and state, in words. */
const removedBy = (state: unknown, log: Attempt[], cancelReason: unknown): string | null => {
  const last = [...log]
    .reverse()
    .find((entry) => ['retracted', 'cancelled', 'retracting'].includes(entry.outcome))
  if (state === 'retracted')
    return last?.kind === 'retract'
      ? `deleted by the dispatcher${cancelReason ? ` (${cancelReason})` : ''}`
      : `retracted${cancelReason ? ` (${cancelReason})` : ''}`
  if (state === 'cancelled')
    return `cancelled before it went out${cancelReason ? ` (${cancelReason})` : ''}`
  if (state === 'retracting') return `deletion queued${cancelReason ? ` (${cancelReason})` : ''}`
  return null
}

/**
 * `GET /api/<consent-records>/:id/takedown-report`: every publication that ever relied on the
 * consent — where it went, when it went live, when and how it came down — and the manual tasks.
 * What a privacy officer hands to a patient who asks. Consent officers and admins only.
 */
export const takedownReportEndpoint = (config: SanitizedConsentConfig): Endpoint => ({
  path: '/:id/takedown-report',
  method: 'get',
  handler: async (req) => {
    if (!req.user || !config.canManage(req))
      return Response.json(
        { errors: [{ message: 'Only consent officers and admins can read a takedown report.' }] },
        { status: req.user ? 403 : 401 },
      )
    const id = Number(req.routeParams?.id)
    if (!Number.isInteger(id) || id < 1)
      return Response.json(
        { errors: [{ message: 'id: not a consent record id.' }] },
        { status: 404 },
      )
    const doc = await req.payload.findByID({
      collection: config.consentRecordsSlug,
      id,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!doc)
      return Response.json(
        { errors: [{ message: `There is no consent record ${id}.` }] },
        { status: 404 },
      )

    const documents = await config.relyingDocuments(id, { payload: req.payload })
    const record = config.readConsent(doc as unknown as Record<string, unknown>)
    const accounts = tableName(schedulerConfigOf(req.payload).channelAccountsSlug)
    const rows = await poolExecutor(poolOf(req.payload))(
      sql`SELECT p.id, p.title, p.channel::text AS channel, p.state::text AS state, p.due_at, p.published_at, p.retracted_at, p.remote_url, p.cancel_reason, p.attempt_log,
                         a.name AS account
                    FROM ${ident(tableName(config.publicationsSlug))} p LEFT JOIN ${ident(accounts)} a ON a.id = p.channel_account_id
                   WHERE ${relyingPublicationsWhere(config, id, documents)}
                   ORDER BY p.due_at`,
    )
    const { docs: tasks } = await req.payload.find({
      collection: config.tasksSlug,
      where: { consentRecord: { equals: id } },
      depth: 1,
      limit: 500,
      overrideAccess: true,
      sort: 'createdAt',
    })
    // A report names everything a patient's consent reached: who read it is on the record, before it is handed over.
    await config.onEvent(
      {
        type: 'takedown-report.read',
        consentRecordId: id,
        reference: record.reference,
        actor: actorOf(req),
      },
      { payload: req.payload, req },
    )
    return Response.json({
      consentRecord: {
        id,
        reference: record.reference,
        status: record.status,
        revokedAt: record.revokedAt,
        expiresOn: record.expiresOn,
      },
      generatedAt: new Date().toISOString(),
      publications: rows.map((row) => ({
        id: row.id,
        title: row.title,
        channel: row.channel,
        account: row.account,
        state: row.state,
        scheduledFor: row.due_at,
        wentLiveAt: row.published_at,
        removedAt:
          row.retracted_at ??
          (row.state === 'cancelled'
            ? ([...((row.attempt_log as Attempt[]) ?? [])]
                .reverse()
                .find((entry) => entry.outcome === 'cancelled')?.at ?? null)
            : null),
        removedBy: removedBy(row.state, (row.attempt_log as Attempt[]) ?? [], row.cancel_reason),
        stillLive: row.state === 'published' || row.state === 'retracting',
        url: row.remote_url,
      })),
      manualTasks: (tasks as unknown as Task[]).map((task) => ({
        id: task.id,
        kind: task.kind,
        place: task.place,
        dueAt: task.dueAt,
        owner: emailOf(task.owner),
        done: Boolean(task.done),
        doneAt: task.doneAt ?? null,
        doneBy: emailOf(task.doneBy),
      })),
    })
  },
})
