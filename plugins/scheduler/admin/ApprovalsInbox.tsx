'use client'
/**
 * The approvals inbox (issue 16, item 4): posts awaiting my approval — never my own, the server
 * refuses those anyway — each with its preview; approve, or reject with a reason, one click each
 * or for the selected posts at once. Every click is the publication's own endpoint as the
 * signed-in person, so the approval rules and the consent gate answer, in their own words.
 */
import { useAuth } from '@payloadcms/ui'
import { useId, useState } from 'react'

import { awaitingMe, editedBy } from './awaitingMe'
import { type PreviewMedia, PostPreview } from './PostPreview'
import { accountNameOf, channelLabel } from './networkName'
import { Pager, QueueMessage, type Outcome, styles } from './QueueParts'
import { postAction, useList } from './useList'
import { when } from './when'

type Person = { id: number; name?: string; email?: string } | number | null
type Waiting = {
  id: number
  title?: string
  channel?: string
  channelAccount?: { name?: string } | number
  dueAt: string
  timeZone?: string
  text?: string
  hashtags?: string
  link?: string
  media?: (PreviewMedia | number)[]
  createdBy?: Person
  submittedBy?: Person
  editors?: Person[]
}

const nameOf = (person?: Person) =>
  person && typeof person === 'object'
    ? (person.name ?? person.email ?? `user ${person.id}`)
    : 'someone'

export const ApprovalsInbox = ({ collection = 'publications' }: { collection?: string }) => {
  const { user } = useAuth()
  const me = user?.id
  const [page, setPage] = useState(1)
  const [reload, setReload] = useState(0)
  const [selected, setSelected] = useState<Set<number>>(new Set())
  const [reasons, setReasons] = useState<Record<number, string>>({})
  const [bulkReason, setBulkReason] = useState('')
  const [outcomes, setOutcomes] = useState<Outcome[]>([])
  const [busy, setBusy] = useState(false)
  const bulkId = useId()
  const { result, error } = useList<Waiting>(
    collection,
    me === undefined ? undefined : awaitingMe(me),
    {
      page,
      reload,
    },
  )
  const docs = result?.docs ?? []

  const run = async (
    ids: number[],
    action: 'approve' | 'reject',
    reasonFor: (id: number) => string,
  ) => {
    if (action === 'reject') {
      const missing = ids.filter((id) => !reasonFor(id).trim())
      if (missing.length) {
        setOutcomes([
          { ok: false, message: 'Say why before rejecting: the author reads the reason.' },
        ])
        return
      }
    }
    setBusy(true)
    const done: Outcome[] = []
    for (const id of ids) {
      const title = docs.find((doc) => doc.id === id)?.title ?? `Publication ${id}`
      const answer = await postAction(
        collection,
        id,
        action,
        action === 'reject' ? { reason: reasonFor(id).trim() } : {},
      )
      done.push({
        ok: answer.ok,
        message: answer.ok
          ? `${title}: ${action === 'approve' ? 'approved, it goes out as scheduled' : 'rejected, sent back to its author'}.`
          : `${title}: ${answer.message}`,
      })
    }
    setOutcomes(done)
    setSelected(new Set())
    setBusy(false)
    setReload((n) => n + 1)
  }

  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  return (
    <section aria-labelledby="approvals-title" style={styles.page}>
      <h1 id="approvals-title">Approvals</h1>
      <p>
        Posts waiting for your approval. Your own posts are not here: another approver approves
        them.
      </p>
      <QueueMessage outcomes={outcomes} error={error} />
      {result && !docs.length ? <p>Nothing is waiting for your approval.</p> : null}
      {docs.length ? (
        <div role="group" aria-labelledby={bulkId} style={styles.bulk}>
          <h2 id={bulkId} style={styles.bulkTitle}>
            Selected: {selected.size}
          </h2>
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            onClick={() =>
              setSelected(
                selected.size === docs.length ? new Set() : new Set(docs.map((d) => d.id)),
              )
            }
          >
            {selected.size === docs.length ? 'Select none' : 'Select all on this page'}
          </button>
          <button
            type="button"
            className="btn btn--style-primary btn--size-small"
            disabled={busy || !selected.size}
            onClick={() => run([...selected], 'approve', () => '')}
          >
            Approve selected
          </button>
          <label style={styles.inline}>
            Reason for rejecting the selected
            <input
              className="field-type text"
              value={bulkReason}
              onChange={(event) => setBulkReason(event.target.value)}
              style={styles.input}
            />
          </label>
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            disabled={busy || !selected.size}
            onClick={() => run([...selected], 'reject', () => bulkReason)}
          >
            Reject selected
          </button>
        </div>
      ) : null}
      <ul style={styles.list} aria-label="Posts awaiting my approval">
        {docs.map((doc) => {
          const title = doc.title ?? `Publication ${doc.id}`
          return (
            <li key={doc.id} style={styles.item}>
              <article aria-label={title}>
                <h2 style={styles.itemTitle}>
                  <label>
                    <input
                      type="checkbox"
                      checked={selected.has(doc.id)}
                      onChange={() => toggle(doc.id)}
                      aria-label={`Select ${title}`}
                    />{' '}
                    {title}
                  </label>
                </h2>
                <p>
                  {channelLabel(doc.channel, doc.channelAccount)} · {when(doc.dueAt, doc.timeZone)}{' '}
                  · written by {nameOf(doc.createdBy)}, sent by {nameOf(doc.submittedBy)} ·{' '}
                  <a href={`/admin/collections/${collection}/${doc.id}`}>open</a>
                </p>
                {editedBy(doc, me) ? (
                  <p>
                    <strong>You edited this post,</strong> so another approver must approve it. You
                    can still reject it with a reason.
                  </p>
                ) : null}
                <PostPreview
                  post={{
                    ...doc,
                    accountName: accountNameOf(doc.channelAccount),
                    media: (doc.media ?? []).filter(
                      (item): item is PreviewMedia => typeof item === 'object',
                    ),
                  }}
                />
                <div style={styles.actions}>
                  <button
                    type="button"
                    className="btn btn--style-primary btn--size-small"
                    disabled={busy || editedBy(doc, me)}
                    onClick={() => run([doc.id], 'approve', () => '')}
                  >
                    Approve
                  </button>
                  <label style={styles.inline}>
                    Reason for rejecting
                    <input
                      className="field-type text"
                      value={reasons[doc.id] ?? ''}
                      onChange={(event) => setReasons({ ...reasons, [doc.id]: event.target.value })}
                      style={styles.input}
                    />
                  </label>
                  <button
                    type="button"
                    className="btn btn--style-secondary btn--size-small"
                    disabled={busy}
                    onClick={() => run([doc.id], 'reject', (id) => reasons[id] ?? '')}
                  >
                    Reject
                  </button>
                </div>
              </article>
            </li>
          )
        })}
      </ul>
      <Pager result={result} page={page} setPage={setPage} />
    </section>
  )
}
