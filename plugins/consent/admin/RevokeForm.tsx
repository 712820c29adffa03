'use client'
/**
 * Recording a revocation: when it was received (now unless told otherwise), how, notes, and who
 * records it (the signed-in person, whom the server stamps). A confirmation step says how much
 * comes down, because nothing brings it back. The save is the consent record's own REST PATCH as
 * the signed-in person, so the host's revocation guard and the cascade run; what they refuse is
 * shown at the field they name, and nothing is written.
 */
import { useEffect, useRef, useState } from 'react'

import { request } from './api'
import { setAt } from './fieldAt'
import { fromLocalInput, toLocalInput } from './localDateTime'
import { styles } from './styles'
import type { RevocationFields } from '../types'

type Option = { value: string; label: string }

const FieldError = ({ id, message }: { id: string; message?: string }) =>
  message ? (
    <span id={id} style={styles.error}>
      {message}
    </span>
  ) : null

export const RevokeForm = ({
  recordsSlug,
  id,
  fields,
  methods,
  hasNotes,
  me,
  total,
  onRevoked,
}: {
  recordsSlug: string
  id: number | string
  fields: RevocationFields
  methods: Option[] | null
  hasNotes: boolean
  me: string
  total: number
  onRevoked: (doc: Record<string, unknown>) => void
}) => {
  const [receivedAt, setReceivedAt] = useState(() => toLocalInput(new Date()))
  const [method, setMethod] = useState('')
  const [notes, setNotes] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const confirmRef = useRef<HTMLHeadingElement>(null)
  const form = useRef<HTMLFormElement>(null)

  const [shown, setShown] = useState(0)
  const showErrors = (found: Record<string, string>) => {
    setErrors(found)
    setConfirming(false)
    setShown((n) => n + 1)
  }
  useEffect(() => {
    if (confirming) confirmRef.current?.focus()
  }, [confirming])
  // Once the messages are drawn and the form is enabled again: to the first field named.
  useEffect(() => {
    if (shown) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [shown])

  const review = (event: React.FormEvent) => {
    event.preventDefault()
    setFailure(null)
    // The input's own format, not a rule about revocations: without a date there is nothing to send.
    if (!fromLocalInput(receivedAt))
      return showErrors({
        [fields.receivedAt]: 'Enter the date and time the revocation was received.',
      })
    setErrors({})
    setConfirming(true)
  }

  const revoke = async () => {
    setBusy(true)
    const body: Record<string, unknown> = {}
    setAt(body, fields.receivedAt, fromLocalInput(receivedAt))
    if (methods) setAt(body, fields.method, method || null)
    if (hasNotes) setAt(body, fields.notes, notes.trim() || null)
    const answer = await request<{ doc: Record<string, unknown> }>(`/${recordsSlug}/${id}`, {
      method: 'PATCH',
      body,
    })
    setBusy(false)
    if (answer.ok && answer.body?.doc) return onRevoked(answer.body.doc)
    const mine = Object.fromEntries(
      Object.entries(answer.fieldErrors).filter(([path]) =>
        [fields.receivedAt, fields.method, fields.notes].includes(path),
      ),
    )
    // A refusal naming no field of this form (or another one too) is said above the form.
    const elsewhere = Object.keys(answer.fieldErrors).length - Object.keys(mine).length
    if (!Object.keys(mine).length || elsewhere > 0)
      setFailure(`Nothing was recorded: ${answer.message}`)
    showErrors(mine)
  }

  const described = (path: string, idBase: string) =>
    errors[path]
      ? { 'aria-invalid': true as const, 'aria-describedby': `${idBase}-error` }
      : { 'aria-invalid': false as const }

  return (
    <section aria-labelledby="revoke-form-title" style={styles.part}>
      <h3 id="revoke-form-title">Record the revocation</h3>
      {failure ? (
        <p role="alert" style={styles.error}>
          {failure}
        </p>
      ) : null}
      <form ref={form} noValidate onSubmit={review}>
        <fieldset disabled={confirming || busy} style={{ border: 0, padding: 0, margin: 0 }}>
          <div style={styles.field}>
            <label htmlFor="revoke-received">Date and time received</label>
            <input
              id="revoke-received"
              type="datetime-local"
              value={receivedAt}
              max={toLocalInput(new Date())}
              onChange={(event) => setReceivedAt(event.target.value)}
              style={styles.input}
              {...described(fields.receivedAt, 'revoke-received')}
            />
            <FieldError id="revoke-received-error" message={errors[fields.receivedAt]} />
          </div>
          {methods ? (
            <div style={styles.field}>
              <label htmlFor="revoke-method">How it was received</label>
              <select
                id="revoke-method"
                value={method}
                onChange={(event) => setMethod(event.target.value)}
                style={styles.input}
                {...described(fields.method, 'revoke-method')}
              >
                <option value="">Choose…</option>
                {methods.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
              <FieldError id="revoke-method-error" message={errors[fields.method]} />
            </div>
          ) : null}
          {hasNotes ? (
            <div style={styles.field}>
              <label htmlFor="revoke-notes">Notes</label>
              <textarea
                id="revoke-notes"
                rows={3}
                value={notes}
                onChange={(event) => setNotes(event.target.value)}
                style={styles.input}
                {...described(fields.notes, 'revoke-notes')}
              />
              <FieldError id="revoke-notes-error" message={errors[fields.notes]} />
            </div>
          ) : null}
          <p>
            Recorded by: <strong>{me}</strong>
          </p>
          {confirming ? null : (
            <button type="submit" className="btn btn--style-primary btn--size-medium">
              Revoke…
            </button>
          )}
        </fieldset>
      </form>
      {confirming ? (
        <div role="group" aria-labelledby="revoke-confirm-title" style={styles.panel}>
          <h4 id="revoke-confirm-title" ref={confirmRef} tabIndex={-1} style={{ margin: 0 }}>
            This takes down {total} {total === 1 ? 'item' : 'items'} and cannot be undone.
          </h4>
          <p>If the patient consents again later, a new consent record is needed.</p>
          <div style={styles.actions}>
            <button
              type="button"
              className="btn btn--style-primary btn--size-medium"
              style={{ margin: 0 }}
              disabled={busy}
              onClick={revoke}
            >
              {busy ? 'Revoking…' : 'Yes, revoke'}
            </button>
            <button
              type="button"
              className="btn btn--style-secondary btn--size-medium"
              style={{ margin: 0 }}
              disabled={busy}
              onClick={() => setConfirming(false)}
            >
              Go back
            </button>
          </div>
        </div>
      ) : null}
    </section>
  )
}
