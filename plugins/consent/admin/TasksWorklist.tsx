'use client'
/**
 * Consent tasks as a worklist above the collection's list (issue 16, item 7): open tasks first,
 * soonest due first, each with where, what to do, the deadline, the owner and (for consent
 * officers) which consent it is about, and a Done / Undo button. Read a page at a time through the
 * REST API as the signed-in person: an owner sees their own tasks, officers see all.
 */
import { Gutter } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'

import { request } from './api'
import { styles } from './styles'
import { TaskItem, type TaskView } from './TaskItem'

type Person = { name?: string; email?: string } | number | null | undefined
type TaskDoc = {
  id: number
  place: string
  instructions?: string | null
  dueAt: string
  owner?: Person
  done?: boolean | null
  doneAt?: string | null
  doneBy?: Person
  consentRecord?: { id: number; reference?: string } | number | null
}
type Page = { docs: TaskDoc[]; totalDocs: number; totalPages: number; page: number }

const filters = {
  open: { label: 'Open', where: 'where[done][not_equals]=true', sort: 'dueAt' },
  done: { label: 'Done', where: 'where[done][equals]=true', sort: '-doneAt' },
  all: { label: 'All', where: '', sort: 'dueAt' },
} as const
type Filter = keyof typeof filters

const LIMIT = 10

const idOf = (value: TaskDoc['consentRecord']) =>
  value === null || value === undefined ? null : typeof value === 'object' ? value.id : value

/**
 * The references of the page's consent records, in one read (only people who may read consent
 * records get the field at all). Read apart rather than populated: Payload's batched population
 * loses a consent record whose read writes an audit event, and hands back the bare id.
 */
const referencesOf = async (records: string, docs: TaskDoc[]) => {
  const ids = [...new Set(docs.map((doc) => idOf(doc.consentRecord)))].filter(
    (id): id is number => id !== null,
  )
  if (!ids.length) return new Map<number, string>()
  const answer = await request<{ docs: { id: number; reference?: string }[] }>(
    `/${records}?where[id][in]=${ids.join(',')}&select[reference]=true&depth=0&limit=${ids.length}`,
  )
  return new Map(
    (answer.body?.docs ?? []).map((record) => [record.id, record.reference ?? `${record.id}`]),
  )
}

const nameOf = (person: Person) =>
  person && typeof person === 'object' ? (person.name ?? person.email ?? null) : null

export const TasksWorklist = ({
  tasks = 'consent-tasks',
  records = 'consent-records',
  users = 'users',
}: {
  tasks?: string
  records?: string
  users?: string
}) => {
  const router = useRouter()
  const [filter, setFilter] = useState<Filter>('open')
  const [page, setPage] = useState(1)
  const [result, setResult] = useState<Page>()
  const [error, setError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null)
  const [references, setReferences] = useState<Map<number, string>>(new Map())

  const load = useCallback(async () => {
    const { where, sort } = filters[filter]
    const query = [
      where,
      `sort=${sort}`,
      `page=${page}`,
      `limit=${LIMIT}`,
      'depth=1',
      // Only what the list shows of the people, not their whole records.
      `populate[${users}][name]=true`,
      `populate[${users}][email]=true`,
    ]
      .filter(Boolean)
      .join('&')
    const answer = await request<Page>(`/${tasks}?${query}`)
    if (!answer.ok || !answer.body) return setError(answer.message)
    setError(null)
    // A page emptied by the last click (its task moved to the other filter): step back one.
    if (!answer.body.docs.length && page > 1) return setPage(page - 1)
    setReferences(await referencesOf(records, answer.body.docs))
    setResult(answer.body)
  }, [tasks, records, users, filter, page])

  useEffect(() => {
    void load()
  }, [load])

  const views: TaskView[] = (result?.docs ?? []).map((doc) => ({
    id: doc.id,
    place: doc.place,
    instructions: doc.instructions ?? null,
    dueAt: doc.dueAt,
    ownerName: nameOf(doc.owner),
    done: Boolean(doc.done),
    doneAt: doc.doneAt ?? null,
    doneByName: nameOf(doc.doneBy),
    consent: (() => {
      const id = idOf(doc.consentRecord)
      return id === null
        ? null
        : {
            href: `/admin/collections/${records}/${id}/revoke`,
            reference: references.get(id) ?? `consent record ${id}`,
          }
    })(),
  }))

  return (
    // Payload's list brings its own gutter below; a beforeList component brings its own.
    <Gutter>
      <section
        aria-labelledby="consent-worklist-title"
        style={{ ...styles.page, marginBottom: 'calc(var(--base) * 2)' }}
      >
        <h2 id="consent-worklist-title">Consent work to do</h2>
        <fieldset style={{ border: 0, padding: 0, margin: '0 0 var(--base)' }}>
          <legend>Show</legend>
          <div style={styles.actions}>
            {(Object.keys(filters) as Filter[]).map((key) => (
              <label
                key={key}
                style={{ display: 'inline-flex', gap: '0.3em', alignItems: 'center' }}
              >
                <input
                  type="radio"
                  name="consent-worklist-filter"
                  checked={filter === key}
                  onChange={() => {
                    setFilter(key)
                    setPage(1)
                  }}
                />
                {filters[key].label}
              </label>
            ))}
          </div>
        </fieldset>
        <div role="status" aria-live="polite">
          {error ? <p style={styles.error}>{error}</p> : null}
          {outcome ? <p style={outcome.ok ? undefined : styles.error}>{outcome.message}</p> : null}
        </div>
        {result && !views.length ? (
          <p>{filter === 'open' ? 'No consent task is open.' : 'No consent task here.'}</p>
        ) : null}
        <ul style={styles.list} aria-label="Consent tasks">
          {views.map((task) => (
            <TaskItem
              key={task.id}
              task={task}
              tasksSlug={tasks}
              heading="h3"
              onChanged={(answer) => {
                setOutcome(answer)
                void load()
                // Payload's own table below shows `done` too.
                router.refresh()
              }}
            />
          ))}
        </ul>
        {result && result.totalPages > 1 ? (
          <nav aria-label="Consent task pages" style={styles.actions}>
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              style={{ margin: 0 }}
              disabled={page <= 1}
              onClick={() => setPage(page - 1)}
            >
              Previous
            </button>
            <span>
              Page {result.page} of {result.totalPages} ({result.totalDocs} tasks)
            </span>
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              style={{ margin: 0 }}
              disabled={page >= result.totalPages}
              onClick={() => setPage(page + 1)}
            >
              Next
            </button>
          </nav>
        ) : null}
      </section>
    </Gutter>
  )
}
