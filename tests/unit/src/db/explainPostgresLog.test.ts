import { describe, expect, it } from 'vitest'

import { explainPostgresLog } from '../../../../src/db/explainPostgresLog'

const ctx = { port: 54321, dataDir: '/srv/carecast/.data/postgres' }

describe('explainPostgresLog', () => {
  it('names the port on a clash', () => {
    const log =
      'LOG:  could not bind IPv4 address "127.0.0.1": Address already in use\nFATAL:  could not create any TCP/IP sockets'
    expect(explainPostgresLog(log, ctx)).toBe(
      'Port 54321 is already in use, so the embedded Postgres could not start: free it or set EMBEDDED_POSTGRES_PORT to another port.',
    )
  })

  it('names the data directory when its lock is held', () => {
    const log =
      'FATAL:  lock file "postmaster.pid" already exists\nHINT:  Is another postmaster (PID 42) running in data directory?'
    const message = explainPostgresLog(log, ctx)
    expect(message).toMatch(/^Another Postgres is already using \/srv\/carecast\/\.data\/postgres/)
    // Its server is alive (Postgres clears a dead one's lock itself): never advise deleting it.
    expect(message).not.toMatch(/delete/i)
    expect(message).toMatch(/`npm run worker` joins a running one/)
  })

  it('explains a version mismatch and a permission problem', () => {
    expect(explainPostgresLog('FATAL:  database files are incompatible with server', ctx)).toMatch(
      /different Postgres version/,
    )
    expect(explainPostgresLog('FATAL:  could not open file: Permission denied', ctx)).toMatch(
      /cannot write to/,
    )
  })

  it('falls back to the FATAL line, never a stack trace', () => {
    const message = explainPostgresLog(
      'FATAL:  out of shared memory\n    at Socket.emit (node:events:524:28)',
      ctx,
    )
    expect(message).toBe('The embedded Postgres could not start: out of shared memory.')
  })
})
