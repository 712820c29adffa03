'use client'
/**
 * Failed posts (issue 16, item 5): each with the network's reason in plain words and what to do
 * about it, the network's own message beside it, and the attempt log; retry one, or every failed
 * post at once. A retry is the publication's `retry` endpoint as the signed-in person (it was
 * approved before, so it goes straight back to the schedule).
 */
import { useState } from 'react'

import { plainReason } from './plainReason'
import { channelLabel } from './networkName'
import { Pager, QueueMessage, type Outcome, styles } from './QueueParts'
import { postAction, useList } from './useList'
import { when } from './when'
import { whereQuery } from './whereQuery'
import type { AttemptEntry } from '../states'

type Failed = {
  id: number
  title?: string
  channel?: string
  channelAccount?: { name?: string } | number
  dueAt: string
  timeZone?: string
  lastError?: string | null
  attemptLog?: AttemptEntry[] | null
}

const FAILED = { state: { equals: 'failed' } }

/** Every failed post's id, page by page (a retry-all never stops at the first page). */
const allFailedIds = async (collection: string): Promise<number[]> => {
  const ids: number[] = []
  for (let page = 1; ; page++) {
    const response = await fetch(
      `/api/${collection}?${whereQuery(FAILED).join('&')}&limit=100&page=${page}&depth=0&select[id]=true`,
      { credentials: 'include' },
    )
    if (!response.ok) return ids
    const body = (await response.json()) as { docs: { id: number }[]; hasNextPage?: boolean }
    ids.push(...body.docs.map((doc) => doc.id))
    if (!body.hasNextPage) return ids
  }
}

export const FailuresList = ({ collection = 'publications' }: { collection?: string }) => {
  const [page, setPage] = useState(1)
  const [reload, setReload] = useState(0)
  const [outcomes, setOutcomes] = useState<Outcome[]>([])
  const [busy, setBusy] = useState(false)
  const { result, error } = useList<Failed>(collection, FAILED, {
    page,
    reload,
    sort: '-updatedAt',
    depth: 1,
  })
  const docs = result?.docs ?? []

  const retry = async (ids: number[]) => {
    setBusy(true)
    const done: Outcome[] = []
    for (const id of ids) {
      const answer = await postAction(collection, id, 'retry')
      // Retry-all reaches posts beyond this page: those are named by number.
      const title = docs.find((doc) => doc.id === id)?.title ?? `Publication ${id}`
      if (!answer.ok || ids.length === 1)
        done.push({
          ok: answer.ok,
          message: answer.ok
            ? `${title}: back on the schedule, it goes out shortly.`
            : `${title}: ${answer.message}`,
        })
    }
    if (ids.length > 1)
      done.unshift({
        ok: true,
        message: `${ids.length - done.length} of ${ids.length} failed posts are back on the schedule.`,
      })
    setOutcomes(done)
    setBusy(false)
    setReload((n) => n + 1)
  }

  return (
    <section aria-labelledby="failures-title" style={styles.page}>
      <h1 id="failures-title">Failed posts</h1>
      <p>
        Posts a network refused or Carecast could not deliver, newest first. Fix what the reason
        names, then retry.
      </p>
      <QueueMessage outcomes={outcomes} error={error} />
      {result && !docs.length ? <p>No post has failed.</p> : null}
      {docs.length ? (
        <div style={styles.bulk}>
          <button
            type="button"
            className="btn btn--style-primary btn--size-small"
            disabled={busy}
            onClick={async () => retry(await allFailedIds(collection))}
          >
            Retry all {result?.totalDocs} failed posts
          </button>
        </div>
      ) : null}
      <ul style={styles.list} aria-label="Failed posts">
        {docs.map((doc) => {
          const title = doc.title ?? `Publication ${doc.id}`
          const log = doc.attemptLog ?? []
          const reason = plainReason(doc.lastError, log)
          return (
            <li key={doc.id} style={styles.item}>
              <article aria-label={title}>
                <h2 style={styles.itemTitle}>{title}</h2>
                <p>
                  {channelLabel(doc.channel, doc.channelAccount)} · due{' '}
                  {when(doc.dueAt, doc.timeZone)} ·{' '}
                  <a href={`/admin/collections/${collection}/${doc.id}`}>open</a>
                </p>
                <p>
                  <strong>{reason.summary}</strong> {reason.advice}
                </p>
                {doc.lastError ? (
                  <p>
                    The network said: <q>{doc.lastError}</q>
                  </p>
                ) : null}
                {log.length ? (
                  <details>
                    <summary>Attempt log ({log.length})</summary>
                    <div style={{ overflowX: 'auto' }}>
                      <table>
                        <thead>
                          <tr>
                            <th scope="col">When</th>
                            <th scope="col">What</th>
                            <th scope="col">Outcome</th>
                            <th scope="col">Status</th>
                            <th scope="col">Message</th>
                          </tr>
                        </thead>
                        <tbody>
                          {log.map((entry, index) => (
                            <tr key={index}>
                              <td>{when(entry.at, doc.timeZone)}</td>
                              <td>{entry.kind}</td>
                              <td>{entry.outcome}</td>
                              <td>{entry.status ?? ''}</td>
                              <td>{entry.error ?? ''}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </details>
                ) : null}
                <div style={styles.actions}>
                  <button
                    type="button"
                    className="btn btn--style-secondary btn--size-small"
                    disabled={busy}
                    onClick={() => retry([doc.id])}
                    aria-label={`Retry ${title}`}
                  >
                    Retry
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
