'use client'
/**
 * The top of a channel account's form (issue 17): "Connect X account" for the networks Carecast
 * connects with OAuth, the account's identity and whether it still works, and — when the server
 * has no app registered for that network — which variables to set. After the network sends the
 * person back, the page says what happened (`?connected=` / `?connectProblem=`).
 */
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { networkName } from './networkName'
import { when } from './when'

type Connection = {
  channel: string
  connectable: boolean
  canStart: boolean
  needsBaseUrl: boolean
  reason: 'ok' | 'unset' | 'manual'
  missing: string[]
  connection: 'connected' | 'reconnect-needed' | null
  connectedAs: string | null
  tokenExpiresAt: string | null
  connectionProblem: string | null
  startUrl: string
}

const box = {
  marginBottom: 'var(--base)',
  padding: 'calc(var(--base) * 0.75)',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-m)',
} as const

export const ConnectAccount = ({ accounts }: { accounts: string }) => {
  const { id } = useDocumentInfo()
  const channel = useFormFields(([fields]) => fields.channel?.value)
  const [info, setInfo] = useState<Connection | null>(null)
  const [back, setBack] = useState<{ ok: boolean; message: string } | null>(null)

  useEffect(() => {
    const query = new URLSearchParams(window.location.search)
    const connected = query.get('connected')
    const problem = query.get('connectProblem')
    if (connected) setBack({ ok: true, message: `Connected as ${connected}.` })
    else if (problem) setBack({ ok: false, message: problem })
  }, [])

  useEffect(() => {
    if (!id) return
    fetch(`/api/${accounts}/${id}/connection`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: Connection | null) => setInfo(body))
      .catch(() => setInfo(null))
  }, [accounts, id, channel])

  if (!id)
    return (
      <div style={box}>
        <p style={{ margin: 0 }}>
          Save the account first; then it can be connected to the network.
        </p>
      </div>
    )
  if (!info || info.reason === 'manual') return back ? <p role="status">{back.message}</p> : null
  const network = networkName(info.channel)
  const label = info.connection ? `Reconnect ${network} account` : `Connect ${network} account`
  return (
    <section style={box} aria-label="Connection">
      {back ? (
        <p
          role="status"
          style={{ fontWeight: 600, color: back.ok ? undefined : 'var(--theme-error-500)' }}
        >
          {back.message}
        </p>
      ) : null}
      <p style={{ margin: '0 0 0.5em' }}>
        {info.connection === 'connected' ? (
          <>
            <strong>Connected</strong> as {info.connectedAs}
            {info.tokenExpiresAt
              ? ` · its sign-in is renewed before ${when(info.tokenExpiresAt)}`
              : ''}
          </>
        ) : info.connection === 'reconnect-needed' ? (
          <>
            <strong>Reconnect needed:</strong> {info.connectionProblem} Its posts wait until then.
          </>
        ) : (
          <>Not connected yet: connect it, and the network says which account it is.</>
        )}
      </p>
      {info.connectable ? (
        info.needsBaseUrl ? (
          <p style={{ margin: 0 }}>Give the instance URL (Base URL) and save, then connect.</p>
        ) : info.canStart ? (
          <a
            className="btn btn--style-primary btn--size-small"
            href={info.startUrl}
            style={{ margin: 0 }}
          >
            {label}
          </a>
        ) : (
          <p style={{ margin: 0 }}>An approver or an admin connects accounts.</p>
        )
      ) : (
        <p style={{ margin: 0 }}>
          To connect {network} accounts here, the server needs the app registered with {network}:
          set {info.missing.join(' and ')} (the README says where), or enter a token below.
        </p>
      )}
    </section>
  )
}
