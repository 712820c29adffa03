import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { developmentSecretsKey } from '../../../../src/lib/developmentSecretsKey'

describe('the development secrets key', () => {
  const dirs: string[] = []
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carecast-key-'))
    dirs.push(dir)
    return path.join(dir, 'data')
  }
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true })))

  it('is made once, kept private in the data directory, and read back by the next start', () => {
    const dir = tempDir()
    const first: Record<string, string | undefined> = {}
    expect(developmentSecretsKey(dir, first)).toBe('created')
    expect(first.CARECAST_SECRETS_KEY).toMatch(/^[0-9a-f]{64}$/)
    expect(fs.statSync(path.join(dir, 'secrets.key')).mode & 0o777).toBe(0o600)
    const second: Record<string, string | undefined> = {}
    expect(developmentSecretsKey(dir, second)).toBe('kept')
    expect(second.CARECAST_SECRETS_KEY).toBe(first.CARECAST_SECRETS_KEY)
  })

  it('leaves a key from the environment alone, and makes none in production', () => {
    const dir = tempDir()
    const given = { CARECAST_SECRETS_KEY: 'a'.repeat(64) }
    expect(developmentSecretsKey(dir, given)).toBe('environment')
    expect(given.CARECAST_SECRETS_KEY).toBe('a'.repeat(64))
    const production: Record<string, string | undefined> = { NODE_ENV: 'production' }
    expect(developmentSecretsKey(dir, production)).toBeNull()
    expect(production.CARECAST_SECRETS_KEY).toBeUndefined()
    expect(fs.existsSync(dir)).toBe(false)
  })

  it('is only read by a worker that joins, never made by one', () => {
    const dir = tempDir()
    const worker: Record<string, string | undefined> = {}
    expect(developmentSecretsKey(dir, worker, { create: false })).toBeNull()
    expect(worker.CARECAST_SECRETS_KEY).toBeUndefined()
    developmentSecretsKey(dir, {})
    expect(developmentSecretsKey(dir, worker, { create: false })).toBe('kept')
    expect(worker.CARECAST_SECRETS_KEY).toMatch(/^[0-9a-f]{64}$/)
  })
})
