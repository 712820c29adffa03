import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { selectDatabase } from '../../src/db/selectDatabase'
import { StartupError } from '../../src/db/StartupError'

const query = async (url: string, sql: string) => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql)).rows
  } finally {
    await client.end()
  }
}

describe('database selection', () => {
  it('uses DATABASE_URL as given, starting nothing', async () => {
    const url = inject('postgresAdminUrl')
    const selected = await selectDatabase({ env: { DATABASE_URL: url } })
    expect(selected).toMatchObject({ kind: 'external', url })
    expect(await query(selected.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }])
    await selected.stop()
    // stop() of an external server must not have stopped it.
    expect(await query(url, 'SELECT 1 AS one')).toEqual([{ one: 1 }])
  })

  describe('without DATABASE_URL', () => {
    let root: string
    beforeAll(async () => {
      root = await fs.mkdtemp(path.join(os.tmpdir(), 'carecast-select-'))
      await fs.chmod(root, 0o755)
    })
    afterAll(async () => fs.rm(root, { recursive: true, force: true }))

    it('starts an embedded Postgres under .data/postgres and keeps its data between runs', async () => {
      const first = await selectDatabase({ env: {}, root })
      expect(first.kind).toBe('embedded')
      expect(first.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/carecast$/)
      await query(
        first.url,
        "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')",
      )
      await first.stop()
      await expect(query(first.url, 'SELECT 1')).rejects.toThrow()

      const second = await selectDatabase({ env: {}, root })
      try {
        expect(await query(second.url, 'SELECT value FROM kept')).toEqual([{ value: 'still here' }])
        expect(await fs.stat(path.join(root, '.data', 'postgres', 'PG_VERSION'))).toBeTruthy()
      } finally {
        await second.stop()
      }
    })

    it('explains a port clash in one sentence', async () => {
      const blocker = net.createServer()
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
      const port = (blocker.address() as net.AddressInfo).port
      try {
        const attempt = selectDatabase({ env: { EMBEDDED_POSTGRES_PORT: String(port) }, root })
        await expect(attempt).rejects.toBeInstanceOf(StartupError)
        await expect(attempt).rejects.toThrow(`Port ${port} is already in use`)
      } finally {
        blocker.close()
      }
    })

    it('explains a data directory held by another running Postgres', async () => {
      const running = await selectDatabase({ env: {}, root })
      try {
        const attempt = selectDatabase({ env: {}, root })
        await expect(attempt).rejects.toBeInstanceOf(StartupError)
        await expect(attempt).rejects.toThrow(/already using .*\.data\/postgres/)
      } finally {
        await running.stop()
      }
    })

    it('lets a second process join the embedded Postgres that one runs, through .data/postgres.url', async () => {
      const owner = await selectDatabase({ env: {}, root })
      try {
        const file = path.join(root, '.data', 'postgres.url')
        expect((await fs.readFile(file, 'utf8')).trim()).toBe(owner.url)
        expect((await fs.stat(file)).mode & 0o077).toBe(0)
        const worker = await selectDatabase({ env: {}, root, join: true })
        expect(worker).toMatchObject({ kind: 'joined', url: owner.url })
        await worker.stop() // leaves the owner's server running
        expect(await query(owner.url, 'SELECT value FROM kept')).toEqual([{ value: 'still here' }])
      } finally {
        await owner.stop()
      }
      await expect(fs.access(path.join(root, '.data', 'postgres.url'))).rejects.toThrow()
    })

    it('starts its own when the URL left behind answers no more', async () => {
      await fs.writeFile(
        path.join(root, '.data', 'postgres.url'),
        'postgres://x:y@127.0.0.1:1/carecast\n',
      )
      const selected = await selectDatabase({ env: {}, root, join: true })
      try {
        expect(selected.kind).toBe('embedded')
        expect(await query(selected.url, 'SELECT value FROM kept')).toEqual([
          { value: 'still here' },
        ])
      } finally {
        await selected.stop()
      }
    })

    it('recovers by itself from a stale lock left by a crash', async () => {
      const lock = path.join(root, '.data', 'postgres', 'postmaster.pid')
      // A lock naming a process that no longer exists, as after a power cut.
      await fs.writeFile(lock, `999999\n${path.join(root, '.data', 'postgres')}\n0\n1\n`)
      const selected = await selectDatabase({ env: {}, root })
      try {
        expect(await query(selected.url, 'SELECT value FROM kept')).toEqual([
          { value: 'still here' },
        ])
      } finally {
        await selected.stop()
      }
    })
  })
})
