import type { Endpoint } from 'payload'

import { actorOf, type AttemptEntry, relationId, schedulerConfigOf } from '../../scheduler'
import { ident, poolExecutor, poolOf, sql, tableName } from '../../postgres'
import type { SanitizedConsentConfig } from '../defaults'
import { relyingPublicationsWhere } from '../sql/relyingPublications'
import { managedRecord } from './managedRecord'
import { takedownProgress } from './takedownProgress'

type Attempt = AttemptEntry
type Person = { email?: string; name?: string } | number | null | undefined
type Task = {
  id: number
  kind: string
  place: string
  instructions?: string | null
  publication?: { id: number } | number | null
  dueAt: string
  owner?: Person
  done?: boolean
  doneAt?: string | null
  doneBy?: Person
}
const emailOf = (person: Person) =>
  person && typeof person === 'object' ? (person.email ?? null) : (person ?? null)
const nameOf = (person: Person) =>
  person && typeof person === 'object' ? (person.name ?? person.email ?? null) : null

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
 * consent — where it went, when it went live, when and how it came down, where it stands on its
 * way down (`progress`, what the Revoke tab shows) — and the manual tasks.
 * What a privacy officer hands to a patient who asks. Consent officers and admins only.
 */
export const takedownReportEndpoint = (config: SanitizedConsentConfig): Endpoint => ({
  path: '/:id/takedown-report',
  method: 'get',
  handler: async (req) => {
    const record = await managedRecord(config, req, 'read a takedown report')
    if (record instanceof Response) return record
    const { id, doc } = record

    const documents = await config.relyingDocuments(id, { payload: req.payload })
    const consent = config.readConsent(doc)
    const accounts = tableName(schedulerConfigOf(req.payload).channelAccountsSlug)
    const rows = await poolExecutor(poolOf(req.payload))(
      sql`SELECT p.id, p.title, p.channel::text AS channel, p.state::text AS state, p.due_at, p.published_at, p.retracted_at, p.remote_url, p.cancel_reason, p.attempt_log, p.lease_owner,
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
    const manualTasks = tasks as unknown as Task[]
    const byHand = new Map(
      manualTasks
        .filter((task) => task.kind === 'takedown' && relationId(task.publication) !== undefined)
        .map((task) => [Number(relationId(task.publication)), { done: Boolean(task.done) }]),
    )
    // A report names everything a patient's consent reached: who read it is on the record, before it is handed over.
    await config.onEvent(
      {
        type: 'takedown-report.read',
        consentRecordId: id,
        reference: consent.reference,
        actor: actorOf(req),
      },
      { payload: req.payload, req },
    )
    return Response.json({
      consentRecord: {
        id,
        reference: consent.reference,
        status: consent.status,
        revokedAt: consent.revokedAt,
        expiresOn: consent.expiresOn,
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
        progress: takedownProgress(
          { state: String(row.state), leased: Boolean(row.lease_owner) },
          byHand.get(Number(row.id)),
        ),
      })),
      manualTasks: manualTasks.map((task) => ({
        id: task.id,
        kind: task.kind,
        place: task.place,
        instructions: task.instructions ?? null,
        publication: relationId(task.publication) ?? null,
        dueAt: task.dueAt,
        owner: emailOf(task.owner),
        ownerName: nameOf(task.owner),
        done: Boolean(task.done),
        doneAt: task.doneAt ?? null,
        doneBy: emailOf(task.doneBy),
        doneByName: nameOf(task.doneBy),
      })),
    })
  },
})
