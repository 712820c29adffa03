'use client'
/**
 * The consent record's Revoke tab (issue 16, item 7). Before a revocation: what will come down —
 * the takedown report's web items and social posts per network, each with what revoking does to
 * it, and the manual tasks it creates with their deadlines (the plugin's takedown preview, worked
 * out by the cascade's own steps) — then the form to record it. After: how far each item has come
 * down, and the tasks to tick done (or undo). Every figure is the server's; the tab decides none.
 */
import { SetDocumentStepNav, useAuth } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { request } from './api'
import { valueAt } from './fieldAt'
import { RevokeForm } from './RevokeForm'
import type { TakedownPreview, TakedownReport } from './shapes'
import { styles } from './styles'
import { TakedownItems } from './TakedownItems'
import { TaskItem } from './TaskItem'
import { isDown, when } from './words'
import type { RevocationFields } from '../types'

export type Revocation = {
  receivedAt: string
  method: string | null
  notes: string | null
  recordedBy: string | null
}

type Outcome = { ok: boolean; message: string }

/** While the worker is deleting, the page looks again this often, this many times (each read is audited). */
const REFRESH_MS = 5_000
const REFRESHES = 12

export const RevokeTab = ({
  recordsSlug,
  tasksSlug,
  id,
  reference,
  fields,
  methods,
  hasNotes,
  revocation: initialRevocation,
  stepNav,
}: {
  recordsSlug: string
  tasksSlug: string
  id: number | string
  reference: string
  fields: RevocationFields
  methods: { value: string; label: string }[] | null
  hasNotes: boolean
  revocation: Revocation | null
  /** The breadcrumb's words, from the collection's config. */
  stepNav: { pluralLabel?: string; useAsTitle?: string }
}) => {
  const { user } = useAuth<{ id: number; name?: string; email?: string }>()
  const [revocation, setRevocation] = useState(initialRevocation)
  const [report, setReport] = useState<TakedownReport>()
  const [preview, setPreview] = useState<TakedownPreview>()
  const [error, setError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [reads, setReads] = useState(0)
  const revoked = Boolean(revocation)

  const load = useCallback(async () => {
    const [read, planned] = await Promise.all([
      request<TakedownReport>(`/${recordsSlug}/${id}/takedown-report`),
      revoked ? undefined : request<TakedownPreview>(`/${recordsSlug}/${id}/takedown-preview`),
    ])
    if (!read.ok || (planned && !planned.ok)) {
      setError(read.ok ? planned!.message : read.message)
      return
    }
    setError(null)
    setReport(read.body)
    setPreview(planned?.body)
    setReads((n) => n + 1)
  }, [recordsSlug, id, revoked])

  useEffect(() => {
    void load()
  }, [load])

  // The worker deletes within seconds of a revocation: follow it for a minute, then leave it to Refresh.
  const working = Boolean(report?.publications.some((row) => row.state === 'retracting'))
  useEffect(() => {
    if (!revoked || !working || reads > REFRESHES) return
    const timer = setTimeout(() => void load(), REFRESH_MS)
    return () => clearTimeout(timer)
  }, [revoked, working, reads, load])

  const methodLabel = (value: string | null) =>
    methods?.find((option) => option.value === value)?.label ?? value ?? 'not recorded'
  const outcomes = new Map(preview?.publications.map((row) => [row.id, row.outcome]))
  const tasks = report?.manualTasks.filter((task) => task.kind === 'takedown') ?? []
  const items = report ? report.publications.length + tasks.length : 0
  const down = report
    ? report.publications.filter((row) => isDown(row.progress)).length +
      tasks.filter((task) => task.done).length
    : 0

  return (
    <section aria-labelledby="revoke-title" style={styles.page}>
      <SetDocumentStepNav
        collectionSlug={recordsSlug as never}
        id={id}
        pluralLabel={stepNav.pluralLabel}
        useAsTitle={stepNav.useAsTitle}
        view="Revoke"
      />
      <h2 id="revoke-title">{revoked ? `Takedown of ${reference}` : `Revoke ${reference}`}</h2>
      <div role="status" aria-live="polite">
        {error ? <p style={styles.error}>{error}</p> : null}
        {outcome ? <p style={outcome.ok ? undefined : styles.error}>{outcome.message}</p> : null}
      </div>
      {revocation && report ? (
        <>
          <p>
            Revoked: received <strong>{when(revocation.receivedAt)}</strong> by{' '}
            {methodLabel(revocation.method).toLowerCase()}, recorded by{' '}
            {revocation.recordedBy ?? 'someone'}.
            {revocation.notes ? ` Notes: ${revocation.notes}` : ''}
          </p>
          {
            <p>
              <strong>
                {down} of {items} items done.
              </strong>{' '}
              <button
                type="button"
                className="btn btn--style-secondary btn--size-small"
                style={{ margin: 0 }}
                onClick={() => {
                  setReads(0)
                  void load()
                }}
              >
                Refresh
              </button>
            </p>
          }
        </>
      ) : revocation ? null : (
        <p>
          Revoking takes down everything that relies on this consent, in one step that cannot be
          undone. This is what comes down.
        </p>
      )}
      {report ? (
        <TakedownItems
          publications={report.publications}
          outcomes={revoked ? undefined : outcomes}
        />
      ) : null}
      <section aria-labelledby="revoke-tasks" style={styles.part}>
        <h3 id="revoke-tasks">
          {revoked ? 'Manual tasks' : 'Manual tasks the revocation creates'} (
          {revoked ? tasks.length : (preview?.tasks.length ?? 0)})
        </h3>
        {revoked ? (
          <ul style={styles.list} aria-label="Manual tasks">
            {tasks.map((task) => (
              <TaskItem
                key={task.id}
                tasksSlug={tasksSlug}
                task={task}
                onChanged={(answer) => {
                  setOutcome(answer)
                  void load()
                }}
              />
            ))}
          </ul>
        ) : (
          <ul style={styles.list} aria-label="Manual tasks to be created">
            {preview?.tasks.map((task) => (
              <li key={task.place} style={styles.item}>
                <article aria-label={task.place}>
                  <h4 style={styles.itemTitle}>{task.place}</h4>
                  <p style={styles.line}>{task.instructions}</p>
                  <p style={styles.line}>
                    Due {when(task.dueAt)} · owner {task.owner ?? 'nobody'}
                  </p>
                </article>
              </li>
            ))}
          </ul>
        )}
        {revoked && !tasks.length ? <p>Nothing needs doing by hand.</p> : null}
        {!revoked && preview && !preview.tasks.length ? (
          <p>Nothing will need doing by hand.</p>
        ) : null}
      </section>
      {!revoked && preview ? (
        <RevokeForm
          recordsSlug={recordsSlug}
          id={id}
          fields={fields}
          methods={methods}
          hasNotes={hasNotes}
          me={user?.name ?? user?.email ?? 'you'}
          total={preview.total}
          onRevoked={(doc) => {
            const at = (path: string) => valueAt(doc, path)
            // The server stamps the signed-in person; the answer has them populated.
            const by = at(fields.recordedBy) as { name?: string; email?: string } | number | null
            setOutcome({ ok: true, message: `${reference} is revoked; its takedown has started.` })
            setRevocation({
              receivedAt: String(at(fields.receivedAt)),
              method: (at(fields.method) as string | null) ?? null,
              notes: (at(fields.notes) as string | null) ?? null,
              recordedBy: by && typeof by === 'object' ? (by.name ?? by.email ?? null) : null,
            })
            setPreview(undefined)
            setReads(0)
          }}
        />
      ) : null}
    </section>
  )
}
