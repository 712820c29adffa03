'use client'
/**
 * One consent task with its Done / Undo button. The click is a REST PATCH of the task's `done` as
 * the signed-in person: the tasks collection's own hook stamps who and when (or clears them), its
 * access decides who may, and its event reaches the audit trail. The page shows what the server
 * answered, not what it hoped.
 */
import { useState } from 'react'

import { request } from './api'
import { styles } from './styles'
import { when } from './words'

export type TaskView = {
  id: number
  place: string
  instructions: string | null
  dueAt: string
  ownerName: string | null
  done: boolean
  doneAt: string | null
  doneByName: string | null
  /** Which consent it is about: only for people who may read consent records. */
  consent?: { href: string; reference: string } | null
}

export const TaskItem = ({
  task,
  tasksSlug,
  heading: Heading = 'h4',
  onChanged,
}: {
  task: TaskView
  tasksSlug: string
  heading?: 'h3' | 'h4'
  onChanged: (outcome: { ok: boolean; message: string }) => void
}) => {
  const [busy, setBusy] = useState(false)
  const overdue = !task.done && new Date(task.dueAt).getTime() < Date.now()
  const toggle = async () => {
    setBusy(true)
    const answer = await request(`/${tasksSlug}/${task.id}`, {
      method: 'PATCH',
      body: { done: !task.done },
    })
    setBusy(false)
    onChanged({
      ok: answer.ok,
      message: answer.ok
        ? `${task.place}: ${task.done ? 'open again' : 'done'}.`
        : `${task.place}: ${answer.message}`,
    })
  }
  return (
    <li style={styles.item}>
      <article aria-label={task.place}>
        <Heading style={styles.itemTitle}>{task.place}</Heading>
        {task.instructions ? <p style={styles.line}>{task.instructions}</p> : null}
        <p style={styles.line}>
          Due {when(task.dueAt)}
          {overdue ? <strong style={styles.error}> (overdue)</strong> : null} · owner{' '}
          {task.ownerName ?? 'nobody'}
          {task.consent ? (
            <>
              {' '}
              · consent <a href={task.consent.href}>{task.consent.reference}</a>
            </>
          ) : null}
        </p>
        <div style={styles.actions}>
          <span>
            {task.done ? (
              <strong style={styles.done}>
                Done by {task.doneByName ?? 'someone'} on {when(task.doneAt)}
              </strong>
            ) : (
              <strong>Open</strong>
            )}
          </span>
          <button
            type="button"
            className={`btn btn--style-${task.done ? 'secondary' : 'primary'} btn--size-small`}
            style={{ margin: 0 }}
            disabled={busy}
            onClick={toggle}
          >
            {task.done ? 'Undo' : 'Done'}
          </button>
        </div>
      </article>
    </li>
  )
}
