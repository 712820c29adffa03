'use client'
/**
 * The crisis stop, on the admin dashboard (issue 16): one "Pause all publishing" button for the
 * people who may flip the switch, with a reason, that says beforehand what it holds back and what
 * still goes out; a banner for everyone while publishing is paused (who, when, why); resume after
 * a confirmation. It talks to the scheduler's own endpoints (`/api/scheduler/status`, `/pause`,
 * `/resume`), which check the person again.
 */
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react'

type Status = {
  paused: boolean
  reason: string | null
  changedBy: string | null
  changedAt: string | null
  canOperate: boolean
  states: Record<string, number>
  unpublishesScheduled: number
}

type Step = 'idle' | 'pausing' | 'resuming'

const api = '/api/scheduler'

// Payload's own theme variables, so the panel follows the admin's light and dark themes.
const styles = {
  section: { marginBottom: 'calc(var(--base) * 1.5)' },
  banner: {
    padding: 'calc(var(--base) * 0.75)',
    marginBottom: 'var(--base)',
    border: '1px solid var(--theme-warning-500)',
    background: 'var(--theme-warning-100)',
    color: 'var(--theme-text)',
    borderRadius: 'var(--style-radius-m)',
  },
  form: { display: 'grid', gap: 'calc(var(--base) * 0.5)', maxWidth: '40rem' },
  actions: { display: 'flex', gap: 'calc(var(--base) * 0.5)' },
  problem: { color: 'var(--theme-error-600)' },
} as const

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

const when = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })
    : undefined

/** The server's own sentence, or a plain one: never a stack or a status code alone. */
const problemOf = async (response: Response) => {
  const body = (await response.json().catch(() => null)) as {
    errors?: { message?: string }[]
  } | null
  return body?.errors?.[0]?.message ?? `The server refused (HTTP ${response.status}).`
}

/** A form's confirm (submit) and cancel buttons, in Payload's button styles. */
const Actions = ({
  confirm,
  busy,
  onCancel,
}: {
  confirm: string
  busy: boolean
  onCancel: () => void
}) => (
  <div style={styles.actions}>
    <button type="submit" disabled={busy} className="btn btn--style-primary btn--size-medium">
      {confirm}
    </button>
    <button type="button" className="btn btn--style-secondary btn--size-medium" onClick={onCancel}>
      Cancel
    </button>
  </div>
)

export const PublishingSwitch = () => {
  const [status, setStatus] = useState<Status | null>(null)
  const [step, setStep] = useState<Step>('idle')
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const reasonId = useId()
  const headingId = useId()

  const load = useCallback(async () => {
    const response = await fetch(`${api}/status`, { credentials: 'include' })
    // Staff without the calendar's read right see nothing here rather than an error.
    if (response.ok) setStatus((await response.json()) as Status)
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  if (!status) return null
  const held = (status.states.scheduled ?? 0) + (status.states['awaiting-approval'] ?? 0)
  const takedowns = (status.states.retracting ?? 0) + status.unpublishesScheduled

  const flip = async (event: FormEvent, to: 'pause' | 'resume') => {
    event.preventDefault()
    if (to === 'pause' && !reason.trim()) {
      setProblem('Reason: say why publishing is paused; everyone will see it.')
      return
    }
    setBusy(true)
    setProblem(null)
    try {
      const response = await fetch(`${api}/${to}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ reason: reason.trim() || undefined }),
      })
      if (!response.ok) return setProblem(await problemOf(response))
      setStep('idle')
      setReason('')
      await load()
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby={headingId} style={styles.section}>
      <h2 id={headingId}>Publishing</h2>
      {status.paused ? (
        <div role="status" style={styles.banner}>
          <strong>Publishing is paused.</strong>{' '}
          {status.changedBy ? `Paused by ${status.changedBy}` : 'Paused'}
          {status.changedAt ? ` on ${when(status.changedAt)}` : ''}
          {status.reason ? `: “${status.reason}”.` : '.'} No new post goes out on any channel;
          takedowns still do.
        </div>
      ) : (
        <p>
          Publishing is on: {plural(status.states.scheduled ?? 0, 'scheduled post')} will go out
          when due.
        </p>
      )}

      {status.canOperate && step === 'idle' && (
        <button
          type="button"
          className="btn btn--style-primary btn--size-medium"
          onClick={() => (setStep(status.paused ? 'resuming' : 'pausing'), setProblem(null))}
        >
          {status.paused ? 'Resume publishing' : 'Pause all publishing'}
        </button>
      )}

      {step === 'pausing' && (
        <form onSubmit={(event) => void flip(event, 'pause')} style={styles.form}>
          <p>
            This holds back {plural(held, 'post')} (scheduled or awaiting approval) on every
            channel, and edits to live web pages. Still goes out: {plural(takedowns, 'takedown')}{' '}
            (consent revocations and expiries, unpublishes).
          </p>
          <label htmlFor={reasonId}>Reason (everyone sees it)</label>
          <textarea
            id={reasonId}
            value={reason}
            maxLength={300}
            rows={2}
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={problem ? true : undefined}
          />
          <Actions confirm="Pause now" busy={busy} onCancel={() => setStep('idle')} />
        </form>
      )}

      {step === 'resuming' && (
        <form onSubmit={(event) => void flip(event, 'resume')} style={styles.form}>
          <p>
            Resume publishing? {plural(status.states.scheduled ?? 0, 'scheduled post')} go out as
            they fall due, starting with any that came due during the pause.
          </p>
          <Actions confirm="Yes, resume" busy={busy} onCancel={() => setStep('idle')} />
        </form>
      )}

      {problem && (
        <p role="alert" style={styles.problem}>
          {problem}
        </p>
      )}
    </section>
  )
}
